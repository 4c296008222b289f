package org.tanik.crypto.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Encrypt/decrypt round trips and tamper detection around the 64 KiB chunk boundaries. */
class RoundTripPropertiesTest {
    private static final int CHUNK = 64 * 1024;
    private static final X25519Identity ALICE = X25519Identity.generate();
    private static final X25519Identity BOB = X25519Identity.generate();
    private static final X25519Identity MALLORY = X25519Identity.generate();

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.oneOf(
                Arbitraries.of(0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK - 1, 2 * CHUNK, 2 * CHUNK + 1, 3 * CHUNK),
                Arbitraries.integers().between(0, 5 * CHUNK));
    }

    static byte[] data(int size, long seed) {
        byte[] b = new byte[size];
        new PatternData(seed).fill(0, b, 0, size);
        return b;
    }

    static byte[] encrypt(byte[] plain, List<? extends Recipient> rs, CipherBackend backend) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (OutputStream out = AgeEncryptor.encrypt(rs, bo, backend)) {
            // Uneven writes exercise buffering across chunk edges.
            int off = 0;
            int step = 1;
            while (off < plain.length) {
                int n = Math.min(step, plain.length - off);
                out.write(plain, off, n);
                off += n;
                step = step * 3 + 1;
            }
        }
        return bo.toByteArray();
    }

    static byte[] decrypt(byte[] file, List<? extends Identity> ids, CipherBackend backend) throws IOException {
        try (InputStream in = AgeDecryptor.decrypt(new ByteArrayInputStream(file), ids, backend)) {
            return in.readAllBytes();
        }
    }

    @Property(tries = 40)
    void roundTripAcrossBackends(@ForAll("sizes") int size, @ForAll boolean encBc, @ForAll boolean decBc)
            throws IOException {
        byte[] plain = data(size, size);
        CipherBackend e = encBc ? CipherBackend.BC : CipherBackend.JDK;
        CipherBackend d = decBc ? CipherBackend.BC : CipherBackend.JDK;
        byte[] file = encrypt(plain, List.of(ALICE.recipient()), e);
        int chunks = Math.max(1, (size + CHUNK - 1) / CHUNK);
        assertThat(file.length).isEqualTo(headerLength(file) + 16 + size + 16 * chunks);
        assertThat(decrypt(file, List.of(ALICE), d)).isEqualTo(plain);
    }

    @Property(tries = 15)
    void multipleRecipientsEachDecrypt(@ForAll("sizes") int size) throws IOException {
        byte[] plain = data(size, 7);
        byte[] file = encrypt(plain, List.of(ALICE.recipient(), BOB.recipient()), CipherBackend.JDK);
        assertThat(decrypt(file, List.of(ALICE), CipherBackend.JDK)).isEqualTo(plain);
        assertThat(decrypt(file, List.of(BOB), CipherBackend.JDK)).isEqualTo(plain);
        assertThat(decrypt(file, List.of(MALLORY, BOB), CipherBackend.JDK)).isEqualTo(plain);
    }

    @Property(tries = 10)
    void wrongIdentityIsNoMatch(@ForAll @IntRange(max = 3 * CHUNK) int size) throws IOException {
        byte[] file = encrypt(data(size, 3), List.of(ALICE.recipient()), CipherBackend.JDK);
        assertThatThrownBy(() -> decrypt(file, List.of(MALLORY), CipherBackend.JDK))
                .isInstanceOfSatisfying(AgeException.class, ex -> assertThat(ex.kind()).isEqualTo(AgeException.Kind.NO_MATCH));
    }

    @Property(tries = 5)
    void scryptRoundTrip(@ForAll @IntRange(max = 2 * CHUNK + 5) int size) throws IOException {
        byte[] plain = data(size, 11);
        char[] pw = "correct horse battery staple ünïcødé".toCharArray();
        byte[] file = encrypt(plain, List.of(new ScryptRecipient(pw, 10)), CipherBackend.JDK);
        assertThat(decrypt(file, List.of(new ScryptIdentity(pw)), CipherBackend.JDK)).isEqualTo(plain);
        assertThatThrownBy(() -> decrypt(file, List.of(new ScryptIdentity("wrong".toCharArray())), CipherBackend.JDK))
                .isInstanceOfSatisfying(AgeException.class, ex -> assertThat(ex.kind()).isEqualTo(AgeException.Kind.NO_MATCH));
        assertThatThrownBy(() -> decrypt(file, List.of(new ScryptIdentity(pw, 9)), CipherBackend.JDK))
                .isInstanceOfSatisfying(AgeException.class, ex -> assertThat(ex.kind()).isEqualTo(AgeException.Kind.HEADER));
    }

    /** Truncation anywhere after the header: a clean AgeException, and only a prefix released. */
    @Property(tries = 60)
    void truncationIsDetected(@ForAll("sizes") int size, @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int cutSeed,
            @ForAll boolean bc) throws IOException {
        byte[] plain = data(size, 5);
        byte[] file = encrypt(plain, List.of(ALICE.recipient()), CipherBackend.JDK);
        int cut = 1 + cutSeed % file.length; // remove at least one byte
        byte[] truncated = Arrays.copyOf(file, file.length - cut);
        assertFailsReleasingOnlyPrefix(truncated, plain, bc ? CipherBackend.BC : CipherBackend.JDK);
    }

    /** A flipped bit anywhere: never garbage, always the right kind of AgeException. */
    @Property(tries = 80)
    void bitFlipsAreDetected(@ForAll("sizes") int size, @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int posSeed,
            @ForAll @IntRange(max = 7) int bit, @ForAll boolean bc) throws IOException {
        byte[] plain = data(size, 9);
        byte[] file = encrypt(plain, List.of(ALICE.recipient()), CipherBackend.JDK);
        int pos = posSeed % file.length;
        file[pos] ^= (byte) (1 << bit);
        AgeException ex = assertFailsReleasingOnlyPrefix(file, plain, bc ? CipherBackend.BC : CipherBackend.JDK);
        int header = headerLength(file);
        if (pos >= header + 16) {
            assertThat(ex.kind()).isIn(AgeException.Kind.PAYLOAD, AgeException.Kind.TRUNCATED);
        } else if (pos >= header) {
            assertThat(ex.kind()).isEqualTo(AgeException.Kind.PAYLOAD); // nonce changes the key
        }
    }

    private static AgeException assertFailsReleasingOnlyPrefix(byte[] file, byte[] plain, CipherBackend backend) {
        ByteArrayOutputStream released = new ByteArrayOutputStream();
        try (InputStream in = AgeDecryptor.decrypt(new ByteArrayInputStream(file), List.of(ALICE), backend)) {
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) >= 0) {
                released.write(buf, 0, n);
            }
        } catch (AgeException e) {
            byte[] r = released.toByteArray();
            assertThat(r.length).isLessThanOrEqualTo(plain.length);
            assertThat(r).isEqualTo(Arrays.copyOf(plain, r.length));
            // Only whole authenticated chunks are ever released.
            assertThat(r.length % CHUNK == 0 || r.length == plain.length).isTrue();
            return e;
        } catch (Throwable t) {
            throw new AssertionError("expected AgeException, got " + t, t);
        }
        throw new AssertionError("tampered file decrypted without error");
    }

    /** Length of the header: up to and including the MAC line's LF. */
    static int headerLength(byte[] file) {
        for (int i = 0; i + 3 < file.length; i++) {
            if ((i == 0 || file[i - 1] == '\n') && file[i] == '-' && file[i + 1] == '-' && file[i + 2] == '-') {
                for (int j = i; j < file.length; j++) {
                    if (file[j] == '\n') {
                        return j + 1;
                    }
                }
            }
        }
        return file.length;
    }

    @Property(tries = 10)
    void armoredRoundTrip(@ForAll("sizes") int size) throws IOException {
        byte[] plain = data(size, 13);
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (OutputStream out = AgeEncryptor.encrypt(List.of(ALICE.recipient()), new ArmorOutputStream(bo))) {
            out.write(plain);
        }
        byte[] armored = bo.toByteArray();
        assertThat(new String(armored, 0, 34, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("-----BEGIN AGE ENCRYPTED FILE-----");
        // Auto-detected by the decryptor.
        assertThat(decrypt(armored, List.of(ALICE), CipherBackend.JDK)).isEqualTo(plain);
    }

    @Property(tries = 20)
    void keyEncodingsRoundTrip(@ForAll @IntRange(max = 100) int ignored) {
        X25519Identity id = X25519Identity.generate();
        String s = id.encode();
        assertThat(s).startsWith("AGE-SECRET-KEY-1").hasSize(74);
        assertThat(X25519Identity.parse(s).recipient()).isEqualTo(id.recipient());
        String r = id.recipient().encode();
        assertThat(r).startsWith("age1").hasSize(62);
        assertThat(X25519Recipient.parse(r)).isEqualTo(id.recipient());
    }
}
