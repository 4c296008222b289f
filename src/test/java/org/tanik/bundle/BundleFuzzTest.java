package org.tanik.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.tanik.crypto.Sha256;
import org.tanik.model.Testimony;

/**
 * Random damage to valid bundles: the reader must answer every input with either the complete,
 * unchanged bundle or a BundleException, never another throwable, never a hang. Tries are modest so
 * the package's tests stay fast; each property explores a different layer.
 */
class BundleFuzzTest {
    private static final List<Testimony> SENT = Fixtures.testimonies(3, 11);
    private static final List<BundleEntry> ENTRIES = withAttachment(TestimonyRecords.toEntries(SENT));
    /** Two age chunks, so flips and cuts land in either. */
    private static final byte[] BUNDLE = Fixtures.bundleOf(ENTRIES);
    private static final byte[] TAR = new HostileBundle(ENTRIES).tar();

    private static List<BundleEntry> withAttachment(List<BundleEntry> records) {
        List<BundleEntry> all = new ArrayList<>(records);
        byte[] blob = new byte[70_000];
        new java.util.Random(3).nextBytes(blob);
        all.add(new BundleEntry("attachments/photo.jpg", blob));
        return all;
    }

    /** Reads with a deadline; returns the bundle or null when it was refused. */
    private static VerifiedBundle outcome(byte[] input) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                return BundleReader.read(new ByteArrayInputStream(input), List.of(Fixtures.ORG), Fixtures.SMALL);
            } catch (BundleException refused) {
                assertThat(refused.getMessage()).isEqualTo(refused.reason().name());
                return null;
            }
        });
    }

    private static void assertComplete(VerifiedBundle b) {
        assertThat(b.testimonies()).isEqualTo(SENT);
        // Records are held with their bytes; the attachment was checked by hash as it streamed past.
        List<BundleEntry> records = ENTRIES.subList(0, ENTRIES.size() - 1);
        assertThat(b.entries()).hasSameSizeAs(records);
        for (int i = 0; i < records.size(); i++) {
            assertThat(b.entries().get(i).content()).isEqualTo(records.get(i).content());
        }
        BundleEntry photo = ENTRIES.get(ENTRIES.size() - 1);
        assertThat(b.manifest().entries()).last().satisfies(e -> {
            assertThat(e.path()).isEqualTo(photo.path());
            assertThat(e.sha256()).isEqualTo(Sha256.hex(photo.content()));
        });
        assertThat(b.offset(photo.path())).isPositive();
    }

    @Property(tries = 200)
    void everyBitFlipIsRefused(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position,
            @ForAll @IntRange(min = 0, max = 7) int bit) {
        byte[] damaged = BUNDLE.clone();
        damaged[position % damaged.length] ^= (byte) (1 << bit);
        assertThat(outcome(damaged)).isNull();
    }

    @Property(tries = 100)
    void everyTruncationIsRefused(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int length) {
        assertThat(outcome(Arrays.copyOf(BUNDLE, length % BUNDLE.length))).isNull();
    }

    /** Damage inside the encryption, re-encrypted: only the archive, manifest and hash checks stand guard. */
    @Property(tries = 150)
    void plaintextMutationsAreRefusedOrHarmless(
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> positions,
            @ForAll @Size(min = 4, max = 4) List<@IntRange(min = 0, max = 3) Integer> kinds,
            @ForAll @Size(min = 4, max = 4) List<@IntRange(min = 0, max = 255) Integer> values) {
        byte[] tar = TAR;
        for (int i = 0; i < positions.size(); i++) {
            // Bias towards the headers and the manifest, where the parsing is.
            int range = i % 2 == 0 ? Math.min(tar.length, 4096) : tar.length;
            tar = mutate(tar, positions.get(i) % range, kinds.get(i), values.get(i));
        }
        VerifiedBundle b = outcome(HostileBundle.encrypt(tar, List.of(Fixtures.ORG.recipient())));
        if (b != null) {
            assertComplete(b); // only a no-op mutation may pass
        }
    }

    /** A random header block (checksum made valid half the time) inserted at a block boundary. */
    @Property(tries = 150)
    void randomTarHeadersAreRefused(@ForAll @Size(512) byte[] block, @ForAll boolean fixChecksum,
            @ForAll @IntRange(min = 0, max = 10_000) int where, @ForAll("typeFlags") byte type,
            @ForAll("octalSizes") String size) {
        byte[] h = block.clone();
        if (fixChecksum) {
            System.arraycopy("ustar\u000000".getBytes(StandardCharsets.ISO_8859_1), 0, h, 257, 8);
            h[156] = type;
            byte[] s = size.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(s, 0, h, 124, s.length);
            String sum = String.format("%06o", TarWriter.checksum(h));
            System.arraycopy((sum + "\0 ").getBytes(StandardCharsets.US_ASCII), 0, h, TarWriter.CHECKSUM_OFFSET, 8);
        }
        int blocks = TAR.length / 512;
        int at = (where % blocks) * 512;
        byte[] tar = new byte[TAR.length + 512];
        System.arraycopy(TAR, 0, tar, 0, at);
        System.arraycopy(h, 0, tar, at, 512);
        System.arraycopy(TAR, at, tar, at + 512, TAR.length - at);
        assertThat(outcome(HostileBundle.encrypt(tar, List.of(Fixtures.ORG.recipient())))).isNull();
    }

    /** A manifest field replaced by a random JSON value, then properly signed: strict parsing must hold. */
    @Property(tries = 200)
    void randomManifestsAreRefusedOrExact(@ForAll @IntRange(min = 0, max = 11) int field,
            @ForAll("jsonValues") String value, @ForAll @IntRange(min = 0, max = 3) int edit) {
        String[] fields = {"format", "formatVersion", "bundleId", "device", "sequence", "previousBundleSha256",
            "recipients", "createdAt", "entries", "path", "size", "sha256"};
        String name = "\"" + fields[field] + "\": ";
        HostileBundle b = new HostileBundle(ENTRIES);
        b.manifestText = t -> {
            int at = t.indexOf(name) + name.length();
            int end = valueEnd(t, at);
            return switch (edit) {
                case 0 -> t.substring(0, at) + value + t.substring(end); // replace the value
                case 1 -> t.substring(0, at) + value + ", " + name + t.substring(at); // repeat the key
                case 2 -> t.substring(0, at - name.length()) + t.substring(Math.min(t.length(), end + 1)); // drop it
                default -> t.substring(0, at) + t.substring(at, end) + ", \"x" + value.hashCode() + "\": " + value
                        + t.substring(end); // an unknown neighbour
            };
        };
        VerifiedBundle v = outcome(b.build());
        if (v != null) {
            assertComplete(v);
        }
    }

    @Provide
    Arbitrary<String> jsonValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("null", "true", "0", "-1", "1", "2", "1.0", "1e0", "-0", "\"1\"", "\"\"", "[]", "{}",
                        "[1]", "9223372036854775808", "99999999999999999999999999", "\"2024-05-14T09:30:00Z\"",
                        "\"age1\"", "\"../../x\"", "\"attachments/x\"", "\"" + "0".repeat(64) + "\"", "\"\\u0000\"",
                        "\"\\ud800\"", "[[[[[[[[[[]]]]]]]]]]", "{\"a\":1,\"a\":2}", "\"tanik-bundle\"", "1.5",
                        "0x10", "NaN", "'x'", "\"" + "x".repeat(5000) + "\""),
                Arbitraries.longs().map(v -> Long.toString(v)),
                Arbitraries.strings().ofMaxLength(40).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"")
                        + "\""),
                Arbitraries.strings().withChars("{}[]\",:0123456789.e-+ tnrufals\\").ofMaxLength(20));
    }

    @Provide
    Arbitrary<Byte> typeFlags() {
        return Arbitraries.of((byte) '0', (byte) 0, (byte) '1', (byte) '2', (byte) '5', (byte) 'x', (byte) 'g',
                (byte) 'L', (byte) 'K');
    }

    @Provide
    Arbitrary<String> octalSizes() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, TarWriter.MAX_SIZE).map(v -> String.format("%011o\0", v)),
                Arbitraries.strings().withChars("01234567 \0x").ofLength(12));
    }

    /** The end of the JSON value starting at {@code at}: the next ',' or newline outside brackets and strings. */
    private static int valueEnd(String t, int at) {
        int depth = 0;
        boolean inString = false;
        for (int i = at; i < t.length(); i++) {
            char c = t.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if ((c == ',' || c == '\n') && depth == 0) {
                return i;
            }
        }
        return t.length();
    }

    /** kind: 0 flip a bit, 1 set a byte, 2 delete a byte, 3 insert a byte. */
    private static byte[] mutate(byte[] f, int pos, int kind, int value) {
        switch (kind) {
            case 0 -> {
                byte[] c = f.clone();
                c[pos] ^= (byte) (1 << (value & 7));
                return c;
            }
            case 1 -> {
                byte[] c = f.clone();
                c[pos] = (byte) value;
                return c;
            }
            case 2 -> {
                byte[] c = new byte[f.length - 1];
                System.arraycopy(f, 0, c, 0, pos);
                System.arraycopy(f, pos + 1, c, pos, f.length - pos - 1);
                return c;
            }
            default -> {
                byte[] c = new byte[f.length + 1];
                System.arraycopy(f, 0, c, 0, pos);
                c[pos] = (byte) value;
                System.arraycopy(f, pos, c, pos + 1, f.length - pos);
                return c;
            }
        }
    }
}
