package org.tanik.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tanik.bundle.BundleException.Reason;
import org.tanik.bundle.HostileBundle.Part;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.age.X25519Identity;

/** Every way a bundle can be wrong gets its own reason; each case here builds one such bundle. */
class BundleReaderHostileTest {

    static Reason reasonFor(byte[] bundle) {
        return reasonFor(bundle, Fixtures.SMALL, List.of());
    }

    static Reason reasonFor(byte[] bundle, BundleLimits limits, Collection<byte[]> knownDevices) {
        BundleException e = catchThrowableOfType(BundleException.class, () -> BundleReader.read(
                new ByteArrayInputStream(bundle), List.of(Fixtures.ORG), limits, knownDevices));
        assertThat(e).as("the bundle must be refused").isNotNull();
        assertThat(e.getMessage()).isEqualTo(e.reason().name());
        return e.reason();
    }

    static Reason reasonFor(HostileBundle b) {
        return reasonFor(b.build());
    }

    static byte[] flip(byte[] data, int index, int bit) {
        byte[] copy = data.clone();
        copy[index] ^= (byte) (1 << bit);
        return copy;
    }

    /** Length of the age header including the 16-byte payload nonce. */
    static int headerLength(byte[] bundle) {
        String text = new String(bundle, StandardCharsets.ISO_8859_1);
        return text.indexOf('\n', text.indexOf("\n---") + 1) + 1 + 16;
    }

    @Test
    void theHostileBuilderMakesValidBundlesByDefault() throws Exception {
        assertThat(Fixtures.read(HostileBundle.valid().build()).testimonies()).hasSize(3);
    }

    @Nested
    class Encryption {
        final byte[] good = HostileBundle.valid().build();

        @Test
        void truncatedFile() {
            int header = headerLength(good);
            assertThat(reasonFor(new byte[0])).isEqualTo(Reason.TRUNCATED);
            assertThat(reasonFor(Arrays.copyOf(good, 10))).isEqualTo(Reason.TRUNCATED);
            assertThat(reasonFor(Arrays.copyOf(good, header - 30))).isEqualTo(Reason.TRUNCATED); // inside the MAC line
            assertThat(reasonFor(Arrays.copyOf(good, header - 5))).isEqualTo(Reason.TRUNCATED); // inside the nonce
            assertThat(reasonFor(Arrays.copyOf(good, header))).isEqualTo(Reason.TRUNCATED); // no payload at all
            assertThat(reasonFor(Arrays.copyOf(good, header + 10))).isEqualTo(Reason.TRUNCATED); // less than a tag
        }

        @Test
        void truncatedAtAChunkBoundary() {
            byte[] big = Fixtures.bundleOf(List.of(new BundleEntry("attachments/big", new byte[200_000])));
            int chunk = 64 * 1024 + 16;
            assertThat(reasonFor(Arrays.copyOf(big, headerLength(big) + 2 * chunk))).isEqualTo(Reason.TRUNCATED);
        }

        @Test
        void truncatedInsideTheLastChunkLooksLikeDamage() {
            // age cannot tell a final chunk cut short from a changed one: both fail authentication.
            assertThat(reasonFor(Arrays.copyOf(good, good.length - 100))).isEqualTo(Reason.PAYLOAD_DAMAGED);
        }

        @Test
        void flippedBitInTheAgeHeader() {
            int header = headerLength(good);
            assertThat(reasonFor(flip(good, 3, 0))).isEqualTo(Reason.HEADER_DAMAGED); // version line
            assertThat(reasonFor(flip(good, header - 16 - 10, 1))).isEqualTo(Reason.HEADER_DAMAGED); // MAC
            assertThat(reasonFor(flip(good, header - 16 - 48, 0))).isEqualTo(Reason.HEADER_DAMAGED); // line end
        }

        @Test
        void flippedBitInTheRecipientStanzaLooksLikeAnotherRecipient() {
            // The stanza is the only part of the header readable before the file key is known: once changed,
            // no identity unwraps it, exactly as for a bundle addressed to someone else.
            // Another valid base64 letter, not a flipped bit: a flip can make a character that is not base64
            // at all ('A' -> '@'), which is a damaged header instead. 'A' and 'E' both keep the low bits zero,
            // so the encoding stays canonical wherever in the line the character is.
            byte[] changed = good.clone();
            int at = headerLength(good) - 16 - 60;
            changed[at] = (byte) (changed[at] == 'A' ? 'E' : 'A');
            assertThat(reasonFor(changed)).isEqualTo(Reason.WRONG_RECIPIENT);
        }

        @Test
        void flippedBitInThePayload() {
            int header = headerLength(good);
            assertThat(reasonFor(flip(good, header - 3, 0))).isEqualTo(Reason.PAYLOAD_DAMAGED); // nonce
            assertThat(reasonFor(flip(good, header + 100, 4))).isEqualTo(Reason.PAYLOAD_DAMAGED); // manifest's ciphertext
            assertThat(reasonFor(flip(good, good.length - 1, 7))).isEqualTo(Reason.PAYLOAD_DAMAGED); // last tag
        }

        @Test
        void appendedBytesAfterTheAgeFile() {
            byte[] longer = Arrays.copyOf(good, good.length + 3);
            assertThat(reasonFor(longer)).isEqualTo(Reason.PAYLOAD_DAMAGED);
        }

        @Test
        void encryptedForAnotherOrganisation() {
            HostileBundle b = HostileBundle.valid();
            b.encryptTo = List.of(Fixtures.OTHER_ORG.recipient());
            b.manifestRecipients = List.of(Fixtures.OTHER_ORG.recipient().encode());
            assertThat(reasonFor(b)).isEqualTo(Reason.WRONG_RECIPIENT);
        }

        @Test
        void signedBundleReEncryptedToSomeoneElse() {
            // Device addressed OTHER_ORG; whoever could read it re-encrypted it, signature intact, to ORG.
            HostileBundle b = HostileBundle.valid();
            b.manifestRecipients = List.of(Fixtures.OTHER_ORG.recipient().encode());
            assertThat(reasonFor(b)).isEqualTo(Reason.RECIPIENT_NOT_LISTED);
        }

        @Test
        void readFailureOfTheSource() {
            InputStream failing = new InputStream() {
                int n;

                @Override
                public int read() throws IOException {
                    if (n < good.length / 2) {
                        return good[n++] & 0xff;
                    }
                    throw new IOException("disk error");
                }
            };
            BundleException e = catchThrowableOfType(BundleException.class,
                    () -> BundleReader.read(failing, List.of(Fixtures.ORG), Fixtures.SMALL));
            assertThat(e.reason()).isEqualTo(Reason.READ_FAILED);
        }
    }

    @Nested
    class Signature {
        @Test
        void manifestChangedAfterSigning() {
            HostileBundle b = HostileBundle.valid();
            b.afterSigning = m -> {
                byte[] c = m.clone();
                int i = new String(c, StandardCharsets.US_ASCII).indexOf("\"createdAt\": \"2024") + 17;
                c[i] ^= 0x01; // 2024 -> 2025: still a valid manifest, with another meaning
                return c;
            };
            assertThat(reasonFor(b)).isEqualTo(Reason.BAD_SIGNATURE);
        }

        @Test
        void manifestBitFlipThatBreaksTheJson() {
            HostileBundle b = HostileBundle.valid();
            b.afterSigning = m -> flip(m, 0, 1); // '{' -> 'y'
            assertThat(reasonFor(b)).isEqualTo(Reason.MANIFEST_INVALID);
        }

        @Test
        void flippedBitInTheSignature() {
            HostileBundle b = HostileBundle.valid();
            b.signature = flip(Ed25519.sign(Fixtures.DEVICE, b.manifestBytes()), 5, 3);
            assertThat(reasonFor(b)).isEqualTo(Reason.BAD_SIGNATURE);
        }

        @Test
        void signatureMissingOrWrongLength() {
            HostileBundle b = HostileBundle.valid();
            b.signature = new byte[65];
            assertThat(reasonFor(b)).isEqualTo(Reason.SIGNATURE_MISSING);
            HostileBundle c = HostileBundle.valid();
            c.parts = p -> {
                p.remove(1);
                return p;
            };
            assertThat(reasonFor(c)).isEqualTo(Reason.SIGNATURE_MISSING);
        }

        @Test
        void signedByAnotherDevice() {
            HostileBundle b = HostileBundle.valid();
            b.signer = Fixtures.OTHER_DEVICE; // manifest names DEVICE
            byte[] bundle = b.build();
            List<byte[]> enrolled = List.of(Ed25519.publicKey(Fixtures.DEVICE), Ed25519.publicKey(Fixtures.OTHER_DEVICE));
            assertThat(reasonFor(bundle, Fixtures.SMALL, enrolled)).isEqualTo(Reason.SIGNED_BY_OTHER_DEVICE);
            // Without the list of enrolled devices, the signature is simply wrong.
            assertThat(reasonFor(bundle)).isEqualTo(Reason.BAD_SIGNATURE);
        }

        @Test
        void deviceKeyThatIsNotACurvePoint() {
            HostileBundle b = HostileBundle.valid();
            byte[] notAPoint = new byte[32];
            Arrays.fill(notAPoint, (byte) 0xff);
            String good = java.util.Base64.getEncoder().encodeToString(Ed25519.publicKey(Fixtures.DEVICE));
            b.manifestText = t -> t.replace(good, java.util.Base64.getEncoder().encodeToString(notAPoint));
            assertThat(reasonFor(b)).isEqualTo(Reason.BAD_SIGNATURE);
        }
    }

    @Nested
    class Manifest {
        @Test
        void duplicateKey() {
            HostileBundle b = HostileBundle.valid();
            b.manifestText = t -> t.replace("\"sequence\": 1,", "\"sequence\": 1,\n  \"sequence\": 1,");
            assertThat(reasonFor(b)).isEqualTo(Reason.DUPLICATE_KEY);
            HostileBundle nested = HostileBundle.valid();
            nested.manifestText = t -> t.replaceFirst("\"size\": ", "\"size\": 1, \"size\": ");
            assertThat(reasonFor(nested)).isEqualTo(Reason.DUPLICATE_KEY);
        }

        @Test
        void unknownVersion() {
            HostileBundle b = HostileBundle.valid();
            b.manifestText = t -> t.replace("\"formatVersion\": 1,", "\"formatVersion\": 2,\n  \"newField\": true,");
            assertThat(reasonFor(b)).isEqualTo(Reason.UNSUPPORTED_VERSION);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "\"formatVersion\": 1,=>\"formatVersion\": \"1\",",
            "\"formatVersion\": 1,=>\"formatVersion\": 1.0,",
            "\"sequence\": 1,=>\"sequence\": 1.0,",
            "\"sequence\": 1,=>\"sequence\": 1e0,",
            "\"sequence\": 1,=>\"sequence\": \"1\",",
            "\"sequence\": 1,=>\"sequence\": 0,",
            "\"sequence\": 1,=>\"sequence\": 99999999999999999999999,",
            "\"format\": \"tanik-bundle\",=>\"format\": \"other\",",
            "\"format\": \"tanik-bundle\",=>",
            "\"createdAt\": \"2024-05-14T09:30:00Z\"=>\"createdAt\": 1715679000",
            "\"createdAt\": \"2024-05-14T09:30:00Z\"=>\"createdAt\": \"2024-05-14 09:30\"",
            "\"createdAt\": \"2024-05-14T09:30:00Z\"=>\"createdAt\": \"2024-05-14T11:30:00+02:00\"",
            "\"previousBundleSha256\": null=>\"previousBundleSha256\": \"00\"",
            "\"bundleId\": \"=>\"bundleId\": \"X",
            "{=>{\"extra\": 1,",
            "\"size\": =>\"size\": -",
            "\"sha256\": \"=>\"sha256\": \"A",
            "\"sha256\": \"=>\"mtime\": 0, \"sha256\": \"",
        })
        void strictFields(String edit) {
            String[] fromTo = edit.split("=>", -1);
            HostileBundle b = HostileBundle.valid();
            b.manifestText = t -> {
                assertThat(t).contains(fromTo[0]);
                return t.replaceFirst(java.util.regex.Pattern.quote(fromTo[0]),
                        java.util.regex.Matcher.quoteReplacement(fromTo[1]));
            };
            assertThat(reasonFor(b)).isEqualTo(Reason.MANIFEST_INVALID);
        }

        @Test
        void byteOrderMarkOrUtf16IsRefused() {
            HostileBundle bom = HostileBundle.valid();
            bom.manifestText = t -> "\uFEFF" + t;
            assertThat(reasonFor(bom)).isEqualTo(Reason.MANIFEST_INVALID);
            HostileBundle utf16 = HostileBundle.valid();
            utf16.afterSigning = m -> new String(m, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE);
            utf16.signature = Ed25519.sign(Fixtures.DEVICE,
                    new String(utf16.manifestBytes(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE));
            assertThat(reasonFor(utf16)).isEqualTo(Reason.MANIFEST_INVALID);
        }

        @Test
        void aRecordWithAByteOrderMarkIsRefused() {
            HostileBundle b = HostileBundle.valid();
            BundleEntry first = b.listed.get(0);
            byte[] marked = ("\uFEFF" + new String(first.content(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            b.listed.set(0, new BundleEntry(first.path(), marked));
            b.archived.set(0, new BundleEntry(first.path(), marked));
            assertThat(reasonFor(b)).isEqualTo(Reason.RECORD_INVALID);
        }

        @Test
        void atMostSixteenRecipients() throws Exception {
            HostileBundle sixteen = HostileBundle.valid();
            for (int i = 1; i < 16; i++) {
                sixteen.manifestRecipients.add(X25519Identity.generate().recipient().encode());
            }
            assertThat(Fixtures.read(sixteen.build()).manifest().recipients()).hasSize(16);
            HostileBundle many = HostileBundle.valid();
            for (int i = 1; i < 17; i++) {
                many.manifestRecipients.add(X25519Identity.generate().recipient().encode());
            }
            assertThat(reasonFor(many)).isEqualTo(Reason.MANIFEST_INVALID);
        }

        @Test
        void anAbsurdSequenceIsRefused() throws Exception {
            HostileBundle last = HostileBundle.valid();
            last.sequence = 1_000_000_000L;
            last.previous = "a".repeat(64);
            assertThat(Fixtures.read(last.build()).manifest().sequence()).isEqualTo(1_000_000_000L);
            HostileBundle beyond = HostileBundle.valid();
            beyond.sequence = 1_000_000_001L;
            beyond.previous = "a".repeat(64);
            assertThat(reasonFor(beyond)).isEqualTo(Reason.MANIFEST_INVALID);
            HostileBundle max = HostileBundle.valid();
            max.sequence = Long.MAX_VALUE;
            max.previous = "a".repeat(64);
            assertThat(reasonFor(max)).isEqualTo(Reason.MANIFEST_INVALID);
        }

        @Test
        void deeplyNestedJsonIsRefusedNotOverflowed() {
            HostileBundle b = HostileBundle.valid();
            b.manifestText = t -> "[".repeat(100_000) + "]".repeat(100_000);
            assertThat(reasonFor(b)).isEqualTo(Reason.MANIFEST_INVALID);
        }

        @Test
        void firstEntryIsNotTheManifest() {
            HostileBundle b = HostileBundle.valid();
            b.parts = p -> {
                p.add(0, p.remove(2));
                return p;
            };
            assertThat(reasonFor(b)).isEqualTo(Reason.MANIFEST_MISSING);
        }
    }

    @Nested
    class Entries {
        @Test
        void entryMissing() {
            HostileBundle b = HostileBundle.valid();
            b.archived.remove(2);
            assertThat(reasonFor(b)).isEqualTo(Reason.ENTRY_MISSING);
            HostileBundle middle = HostileBundle.valid();
            middle.archived.remove(1);
            assertThat(reasonFor(middle)).isEqualTo(Reason.ENTRY_MISSING);
        }

        @Test
        void entriesOutOfOrder() {
            HostileBundle b = HostileBundle.valid();
            b.archived.add(0, b.archived.remove(1));
            assertThat(reasonFor(b)).isEqualTo(Reason.ENTRY_MISSING);
        }

        @Test
        void extraEntry() {
            BundleEntry extra = new BundleEntry("attachments/extra", new byte[10]);
            HostileBundle atEnd = HostileBundle.valid();
            atEnd.archived.add(extra);
            assertThat(reasonFor(atEnd)).isEqualTo(Reason.ENTRY_NOT_IN_MANIFEST);
            HostileBundle inMiddle = HostileBundle.valid();
            inMiddle.archived.add(1, extra);
            assertThat(reasonFor(inMiddle)).isEqualTo(Reason.ENTRY_NOT_IN_MANIFEST);
        }

        @Test
        void duplicateEntry() {
            HostileBundle b = HostileBundle.valid();
            b.archived.add(b.archived.get(0));
            assertThat(reasonFor(b)).isEqualTo(Reason.DUPLICATE_ENTRY);
            HostileBundle listedTwice = HostileBundle.valid();
            listedTwice.listed.add(listedTwice.listed.get(0));
            assertThat(reasonFor(listedTwice)).isEqualTo(Reason.DUPLICATE_ENTRY);
            HostileBundle secondManifest = HostileBundle.valid();
            secondManifest.parts = p -> {
                p.add(p.get(0));
                return p;
            };
            assertThat(reasonFor(secondManifest)).isEqualTo(Reason.DUPLICATE_ENTRY);
        }

        @Test
        void entryBiggerThanTheManifestSays() {
            HostileBundle b = HostileBundle.valid();
            BundleEntry e = b.archived.get(1);
            b.archived.set(1, new BundleEntry(e.path(), Arrays.copyOf(e.content(), e.content().length + 1)));
            assertThat(reasonFor(b)).isEqualTo(Reason.ENTRY_SIZE_MISMATCH);
        }

        @Test
        void entryBiggerThanTheLimits() {
            HostileBundle b = new HostileBundle(List.of(new BundleEntry("attachments/big", new byte[2 << 20])));
            assertThat(reasonFor(b)).isEqualTo(Reason.ENTRY_TOO_LARGE);
        }

        @Test
        void manifestBiggerThanTheLimits() {
            HostileBundle b = HostileBundle.valid();
            b.manifestText = t -> t.replace("\"format\":", " ".repeat(300 << 10) + "\"format\":");
            assertThat(reasonFor(b)).isEqualTo(Reason.ENTRY_TOO_LARGE);
        }

        @Test
        void wrongHash() {
            HostileBundle b = HostileBundle.valid();
            BundleEntry e = b.archived.get(2);
            byte[] changed = e.content().clone();
            changed[changed.length / 2] ^= 1;
            b.archived.set(2, new BundleEntry(e.path(), changed));
            assertThat(reasonFor(b)).isEqualTo(Reason.ENTRY_HASH_MISMATCH);
        }

        @ParameterizedTest
        @ValueSource(strings = {"../evil", "attachments/../../evil", "/etc/passwd", "attachments\\evil",
            "attachments/a\u0000b", "attachments//a", "attachments/a/", "attachments/./a", "attachments/é",
            "attachments/a b", "evil/a", "records/not-a-uuid/v1.json", "MANIFEST.JSON"})
        void unsafePathInTheManifest(String path) {
            HostileBundle b = new HostileBundle(List.of(new BundleEntry(path, new byte[3])));
            assertThat(reasonFor(b)).isEqualTo(Reason.UNSAFE_PATH);
        }

        @ParameterizedTest
        @ValueSource(strings = {"../evil", "/etc/passwd", "attachments\\evil", "attachments/a\u0000/../../b",
            "attachments//a", "attachments/\u0001"})
        void unsafePathInTheArchive(String path) {
            HostileBundle b = new HostileBundle(List.of(new BundleEntry("attachments/a", new byte[3])));
            b.archived = new ArrayList<>(List.of(new BundleEntry(path, new byte[3])));
            assertThat(reasonFor(b)).isEqualTo(Reason.UNSAFE_PATH);
        }

        @Test
        void linksAreRefused() {
            HostileBundle b = HostileBundle.valid();
            b.parts = p -> {
                Part e = p.get(2);
                p.set(2, new Part(e.name(), e.content(), e.claimedSize(), (byte) '2'));
                return p;
            };
            assertThat(reasonFor(b)).isEqualTo(Reason.UNSAFE_PATH);
        }

        @Test
        void recordsAreParsedStrictly() {
            for (String[] edit : new String[][] {
                {"\"birthYear\" : \\d+", "\"birthYear\" : 1970.0"},
                {"\"birthYear\" : \\d+", "\"birthYear\" : \"1970\""},
                {"\"version\" : \\d+", "\"version\" : \"1\""},
                {"\"version\" : \\d+", "\"version\" : 1.0"},
                {"\"title\" : ", "\"unknownField\" : 1, \"title\" : "},
                {"\"status\" : \"SEALED\"", "\"status\" : \"sealed\""},
                {"\"createdAt\" : \"[^\"]+\"", "\"createdAt\" : 0"},
                {"\"createdAt\" : \"[^\"]+\"", "\"createdAt\" : \"2024-01-01\""},
                {"\\{", "["},
                // Text is a string: no number or boolean turned into one.
                {"\"title\" : \"[^\"]*\"", "\"title\" : 1"},
                {"\"narrative\" : \"[^\"]*\"", "\"narrative\" : true"},
                {"\"district\" : \"[^\"]*\"", "\"district\" : 1.5"},
                {"\"languages\" : \\[ \"[a-z]+\"", "\"languages\" : [ 7"},
            }) {
                HostileBundle b = HostileBundle.valid();
                BundleEntry e = b.listed.get(0);
                String text = new String(e.content(), StandardCharsets.UTF_8);
                String edited = text.replaceFirst(edit[0], java.util.regex.Matcher.quoteReplacement(edit[1]));
                assertThat(edited).as(edit[0]).isNotEqualTo(text);
                BundleEntry changed = new BundleEntry(e.path(), edited.getBytes(StandardCharsets.UTF_8));
                b.listed.set(0, changed);
                b.archived.set(0, changed);
                assertThat(reasonFor(b)).as(edit[1]).isEqualTo(Reason.RECORD_INVALID);
            }
        }

        @Test
        void recordWithAnotherIdThanItsPath() {
            HostileBundle b = HostileBundle.valid();
            BundleEntry first = b.listed.get(0);
            BundleEntry renamed = new BundleEntry(b.listed.get(1).path().replace("/v", "/v9"), first.content());
            b.listed.set(0, renamed);
            b.archived.set(0, renamed);
            assertThat(reasonFor(b)).isEqualTo(Reason.RECORD_INVALID);
        }

        @Test
        void duplicateKeyInARecord() {
            HostileBundle b = HostileBundle.valid();
            BundleEntry e = b.listed.get(0);
            String text = new String(e.content(), StandardCharsets.UTF_8);
            BundleEntry changed = new BundleEntry(e.path(),
                    text.replaceFirst("\"narrative\" : ", "\"narrative\" : \"x\",\n  \"narrative\" : ")
                            .getBytes(StandardCharsets.UTF_8));
            b.listed.set(0, changed);
            b.archived.set(0, changed);
            assertThat(reasonFor(b)).isEqualTo(Reason.DUPLICATE_KEY);
        }
    }

    @Nested
    class Archive {
        @Test
        void trailingGarbageAfterTheTarEnd() {
            HostileBundle b = HostileBundle.valid();
            b.trailing = "garbage".getBytes(StandardCharsets.US_ASCII);
            assertThat(reasonFor(b)).isEqualTo(Reason.TRAILING_DATA);
            HostileBundle zeros = HostileBundle.valid();
            zeros.trailing = new byte[512]; // even zeros: exactly one archive, then the end
            assertThat(reasonFor(zeros)).isEqualTo(Reason.TRAILING_DATA);
        }

        @Test
        void archiveWithoutItsEnd() {
            HostileBundle b = HostileBundle.valid();
            b.endMarker = false;
            assertThat(reasonFor(b)).isEqualTo(Reason.ARCHIVE_MALFORMED);
        }

        @Test
        void damagedTarHeader() {
            byte[] tar = HostileBundle.valid().tar();
            tar[120] ^= 1; // inside the uid field: checksum no longer matches
            assertThat(reasonFor(HostileBundle.encrypt(tar, List.of(Fixtures.ORG.recipient()))))
                    .isEqualTo(Reason.ARCHIVE_MALFORMED);
        }

        @Test
        void paxAndOtherEntryTypesAreRefused() {
            HostileBundle b = HostileBundle.valid();
            b.parts = p -> {
                p.add(2, new Part("PaxHeader", "30 path=../../etc/passwd\n".getBytes(StandardCharsets.US_ASCII), 26,
                        (byte) 'x'));
                return p;
            };
            assertThat(reasonFor(b)).isEqualTo(Reason.ARCHIVE_MALFORMED);
        }
    }

    @Nested
    class Bombs {
        @Test
        void tarHeaderClaimingAnEnormousManifest() {
            HostileBundle b = HostileBundle.valid();
            b.parts = p -> {
                p.set(0, p.get(0).claiming(TarWriter.MAX_SIZE));
                return p;
            };
            assertThat(reasonFor(b)).isEqualTo(Reason.ENTRY_TOO_LARGE);
        }

        @Test
        void manifestAndTarHeaderClaimingAnEnormousEntry() {
            HostileBundle b = new HostileBundle(List.of(new BundleEntry("attachments/a", new byte[10])));
            b.manifestText = t -> t.replace("\"size\": 10", "\"size\": " + TarWriter.MAX_SIZE);
            b.parts = p -> {
                p.set(2, p.get(2).claiming(TarWriter.MAX_SIZE));
                return p;
            };
            assertThat(reasonFor(b.build(), BundleLimits.DEFAULT, List.of())).isEqualTo(Reason.ENTRY_TOO_LARGE);
        }

        @Test
        void tarHeaderClaimingMoreThanTheManifest() {
            HostileBundle b = new HostileBundle(List.of(new BundleEntry("attachments/a", new byte[10])));
            b.parts = p -> {
                p.set(2, p.get(2).claiming(TarWriter.MAX_SIZE));
                return p;
            };
            assertThat(reasonFor(b)).isEqualTo(Reason.ENTRY_SIZE_MISMATCH);
        }

        @Test
        void hugeEntryCount() {
            List<BundleEntry> many = new ArrayList<>();
            for (int i = 0; i < Fixtures.SMALL.maxEntryCount() + 1; i++) {
                many.add(new BundleEntry("attachments/" + i, new byte[0]));
            }
            assertThat(reasonFor(new HostileBundle(many).build())).isEqualTo(Reason.TOO_MANY_ENTRIES);
        }

        @Test
        void moreDataInTotalThanAllowed() {
            List<BundleEntry> five = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                five.add(new BundleEntry("attachments/" + i, new byte[1 << 20])); // each at the entry limit
            }
            assertThat(reasonFor(new HostileBundle(five).build())).isEqualTo(Reason.TOO_MUCH_DATA);
        }

        @Test
        void endlessZerosStopAtTheFirstBlock() throws Exception {
            try (EndlessAgeStream zeros = new EndlessAgeStream(new byte[0])) {
                BundleException e = catchThrowableOfType(BundleException.class,
                        () -> BundleReader.read(zeros, List.of(Fixtures.ORG), BundleLimits.DEFAULT));
                assertThat(e.reason()).isEqualTo(Reason.MANIFEST_MISSING);
                assertThat(zeros.plaintextProduced()).as("plaintext produced").isLessThan(8L << 20);
            }
        }

        @Test
        void endlessZerosAfterAValidArchive() throws Exception {
            try (EndlessAgeStream zeros = new EndlessAgeStream(HostileBundle.valid().tar())) {
                BundleException e = catchThrowableOfType(BundleException.class,
                        () -> BundleReader.read(zeros, List.of(Fixtures.ORG), BundleLimits.DEFAULT));
                assertThat(e.reason()).isEqualTo(Reason.TRAILING_DATA);
                assertThat(zeros.plaintextProduced()).isLessThan(8L << 20);
            }
        }

        @Test
        void declaredTotalBeyondTheLimitIsRefusedBeforeReadingIt() throws Exception {
            // A hostile signer lists a 200 MiB entry; the data would follow as endless zeros.
            HostileBundle b = new HostileBundle(List.of(new BundleEntry("attachments/a", new byte[0])));
            b.manifestText = t -> t.replace("\"size\": 0", "\"size\": " + (200L << 20));
            b.parts = p -> {
                p.set(2, p.get(2).claiming(200L << 20));
                return p;
            };
            b.endMarker = false;
            BundleLimits tenMiB = new BundleLimits(10L << 20, 256L << 20, 10, 1 << 20);
            try (EndlessAgeStream zeros = new EndlessAgeStream(b.tar())) {
                BundleException e = catchThrowableOfType(BundleException.class,
                        () -> BundleReader.read(zeros, List.of(Fixtures.ORG), tenMiB));
                assertThat(e.reason()).isEqualTo(Reason.TOO_MUCH_DATA);
                assertThat(zeros.plaintextProduced()).isLessThan(8L << 20);
            }
        }

        @Test
        void runningTotalIsEnforcedWhileReading() {
            // The entries alone fit (one header block + 1000 bytes padded), the manifest and signature do not.
            HostileBundle b = new HostileBundle(List.of(new BundleEntry("attachments/a", new byte[1000])));
            BundleLimits tight = new BundleLimits(1536 + 100, 1 << 20, 10, 1 << 20);
            assertThat(reasonFor(b.build(), tight, List.of())).isEqualTo(Reason.TOO_MUCH_DATA);
        }
    }

    @Test
    void aDecryptingIdentityWithoutRecipientCannotBeBound() {
        X25519Identity unrelated = X25519Identity.generate();
        byte[] bundle = HostileBundle.valid().build();
        BundleException e = catchThrowableOfType(BundleException.class, () -> BundleReader.read(
                new ByteArrayInputStream(bundle), List.of(unrelated), Fixtures.SMALL));
        assertThat(e.reason()).isEqualTo(Reason.WRONG_RECIPIENT);
    }
}
