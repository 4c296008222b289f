package org.tanik.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.Fingerprint;
import org.tanik.crypto.Sha256;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.model.Testimony;
import org.tanik.testing.LeakScanner;

class BundleRoundTripTest {

    @Test
    void testimoniesComeBackIdentical() throws Exception {
        List<Testimony> sent = Fixtures.testimonies(40, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundleSummary summary = BundleWriter.write(out, List.of(Fixtures.ORG.recipient()), Fixtures.DEVICE, 1, null,
                Fixtures.CREATED, TestimonyRecords.toEntries(sent));
        byte[] file = out.toByteArray();

        VerifiedBundle b = BundleReader.read(new ByteArrayInputStream(file), List.of(Fixtures.ORG),
                BundleLimits.DEFAULT);

        assertThat(b.testimonies()).isEqualTo(sent);
        assertThat(b.entries()).hasSize(40);
        assertThat(summary.entryCount()).isEqualTo(40);
        assertThat(summary.fileSize()).isEqualTo(file.length);
        assertThat(b.fileSha256()).isEqualTo(summary.fileSha256()).isEqualTo(Sha256.hex(file));
        assertThat(b.manifest().bundleId()).isEqualTo(summary.bundleId());
        assertThat(b.manifest().sequence()).isEqualTo(1);
        assertThat(b.manifest().previousBundleSha256()).isNull();
        assertThat(b.manifest().createdAt()).isEqualTo(Fixtures.CREATED);
        assertThat(b.manifest().recipients()).containsExactly(Fixtures.ORG.recipient().encode());
        assertThat(b.openedFor()).isEqualTo(Fixtures.ORG.recipient().encode());
        byte[] pub = Ed25519.publicKey(Fixtures.DEVICE);
        assertThat(b.devicePublicKey()).isEqualTo(pub);
        assertThat(b.manifest().device()).isEqualTo(Base64.getEncoder().encodeToString(pub));
        assertThat(b.deviceFingerprint()).isEqualTo(Fingerprint.device(pub));
        assertThat(Ed25519.verify(pub, b.manifestBytes(), b.signature())).isTrue();
        assertThat(ManifestJson.decode(b.manifestBytes())).isEqualTo(b.manifest());
        assertThat(b.entry(b.entries().get(3).path())).isPresent();
    }

    @Test
    void chainsToThePreviousBundleAndAnyListedRecipientOpensIt() throws Exception {
        X25519Identity second = X25519Identity.generate();
        byte[] first = Fixtures.bundle(Fixtures.testimonies(2, 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundleWriter.write(out, List.of(Fixtures.ORG.recipient(), second.recipient()), Fixtures.DEVICE, 2,
                Sha256.hex(first), Fixtures.CREATED, TestimonyRecords.toEntries(Fixtures.testimonies(2, 3)));

        VerifiedBundle b = BundleReader.read(new ByteArrayInputStream(out.toByteArray()), List.of(second),
                Fixtures.SMALL);
        assertThat(b.manifest().sequence()).isEqualTo(2);
        assertThat(b.manifest().previousBundleSha256()).isEqualTo(Fixtures.read(first).fileSha256());
        assertThat(b.openedFor()).isEqualTo(second.recipient().encode());
    }

    @Test
    void attachmentsAndEmptyBundlesAreFine() throws Exception {
        byte[] blob = new byte[100_000];
        new java.util.Random(5).nextBytes(blob);
        VerifiedBundle b = Fixtures.read(Fixtures.bundleOf(List.of(new BundleEntry("attachments/ab12/audio.ogg", blob),
                new BundleEntry("attachments/empty", new byte[0]))));
        // Attachments are checked as they stream past, not held: the manifest says what was verified.
        assertThat(b.entry("attachments/ab12/audio.ogg")).isEmpty();
        assertThat(b.manifest().entries()).extracting(ManifestEntry::path, ManifestEntry::size, ManifestEntry::sha256)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("attachments/ab12/audio.ogg", 100_000L, Sha256.hex(blob)),
                        org.assertj.core.groups.Tuple.tuple("attachments/empty", 0L, Sha256.hex(new byte[0])));
        assertThat(b.offset("attachments/ab12/audio.ogg")).isPositive().isEqualTo(b.offset("attachments/empty") - 100_352 - 512);
        assertThat(b.entries()).isEmpty();
        assertThat(b.testimonies()).isEmpty();
        assertThat(Fixtures.read(Fixtures.bundleOf(List.<BundleEntry>of())).entries()).isEmpty();
    }

    @Test
    void manifestIsDeterministicJsonWithTheDocumentedFields() throws Exception {
        VerifiedBundle b = Fixtures.read(Fixtures.bundle(Fixtures.testimonies(1, 4)));
        String json = new String(b.manifestBytes(), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\n  \"format\": \"tanik-bundle\",\n  \"formatVersion\": 1,\n  \"bundleId\": ")
                .contains("\"previousBundleSha256\": null", "\"createdAt\": \"2024-05-14T09:30:00Z\"")
                .endsWith("}\n");
        assertThat(ManifestJson.encode(b.manifest())).isEqualTo(b.manifestBytes());
    }

    @Test
    void writerRefusesWhatTheReaderWouldRefuse() {
        List<BundleEntry> ok = List.of(new BundleEntry("attachments/a", new byte[1]));
        var orgs = List.of(Fixtures.ORG.recipient());
        assertThatThrownBy(() -> BundleWriter.write(new ByteArrayOutputStream(), orgs, Fixtures.DEVICE, 0, null,
                Fixtures.CREATED, ok)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BundleWriter.write(new ByteArrayOutputStream(), orgs, Fixtures.DEVICE, 2, null,
                Fixtures.CREATED, ok)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BundleWriter.write(new ByteArrayOutputStream(), orgs, Fixtures.DEVICE, 1,
                "ab".repeat(32), Fixtures.CREATED, ok)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BundleWriter.write(new ByteArrayOutputStream(), List.of(), Fixtures.DEVICE, 1,
                null, Fixtures.CREATED, ok)).isInstanceOf(IllegalArgumentException.class);
        for (String bad : List.of("../x", "/etc/passwd", "attachments/a/../b", "attachments\\a", "attachments//a",
                "attachments/a\0", "manifest.json", "other/a", "attachments/")) {
            assertThatThrownBy(() -> BundleWriter.write(new ByteArrayOutputStream(), orgs, Fixtures.DEVICE, 1, null,
                    Fixtures.CREATED, List.of(new BundleEntry(bad, new byte[1]))))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> BundleWriter.write(new ByteArrayOutputStream(), orgs, Fixtures.DEVICE, 1, null,
                Fixtures.CREATED, List.of(ok.get(0), ok.get(0)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readerWritesNothingAnywhere() throws Exception {
        byte[] good = Fixtures.bundle(Fixtures.testimonies(5, 6));
        byte[] bad = good.clone();
        bad[bad.length - 40] ^= 1;
        List<Testimony> sent = Fixtures.testimonies(5, 6);
        String title = sent.get(0).content().title();
        String narrative = sent.get(4).content().narrative();
        LeakScanner temp = LeakScanner.watch(List.of(title, narrative, "manifest.json", "tanik-bundle"));

        // The markers really went through the reader: it hands back the very plaintext.
        assertThat(Fixtures.read(good).testimonies()).extracting(t -> t.content().title()).contains(title);
        assertThat(Fixtures.read(good).testimonies()).extracting(t -> t.content().narrative()).contains(narrative);
        assertThatThrownBy(() -> Fixtures.read(bad)).isInstanceOf(BundleException.class);
        assertThatThrownBy(() -> Fixtures.read(java.util.Arrays.copyOf(good, good.length / 2)))
                .isInstanceOf(BundleException.class);

        int[] scanned = {0};
        List<String> hits = temp.findIn(List.of(), scanned);
        assertThat(hits).isEmpty();
        assertThat(scanned[0]).as("files written while reading").isZero();
    }
}
