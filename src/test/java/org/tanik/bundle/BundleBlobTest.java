package org.tanik.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tanik.bundle.BundleException.Reason;
import org.tanik.crypto.Sha256;
import org.tanik.testing.BytesContent;

/** Attachments streamed into a bundle from a Content, with their size and hash promised in advance. */
class BundleBlobTest {

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] write(List<BundleBlob> blobs) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundleWriter.write(out, List.of(Fixtures.ORG.recipient()), Fixtures.DEVICE, 1, null, Fixtures.CREATED,
                TestimonyRecords.toEntries(Fixtures.testimonies(2, 3)), blobs);
        return out.toByteArray();
    }

    @Test
    void blobsTravelAfterTheRecordsListedWithSizeAndHash() throws Exception {
        byte[] a = random(200_000, 1);
        byte[] b = new byte[0];
        byte[] bundle = write(List.of(BundleBlob.of(Sha256.hex(a), a.length, new BytesContent(a)),
                BundleBlob.of(Sha256.hex(b), 0, new BytesContent(b))));

        VerifiedBundle v = Fixtures.read(bundle);
        List<ManifestEntry> entries = v.manifest().entries();
        assertThat(entries).hasSize(4);
        assertThat(entries.get(2)).isEqualTo(new ManifestEntry("attachments/" + Sha256.hex(a), a.length, Sha256.hex(a)));
        assertThat(entries.get(3).size()).isZero();
        assertThat(v.entries()).hasSize(2); // records only: attachments are never held
        assertThat(v.offset(entries.get(2).path())).isPositive();
    }

    @Test
    void aContentThatDiffersFromWhatWasPromisedAbortsTheWrite() {
        byte[] a = random(100_000, 2);
        String hash = Sha256.hex(a);
        byte[] altered = a.clone();
        altered[77_777] ^= 1;
        assertThatThrownBy(() -> write(List.of(BundleBlob.of(hash, a.length, new BytesContent(altered)))))
                .isInstanceOf(BlobMismatchException.class).hasMessageContaining("hash");
        byte[] shorter = java.util.Arrays.copyOf(a, a.length - 1);
        assertThatThrownBy(() -> write(List.of(BundleBlob.of(hash, a.length, new BytesContent(shorter)))))
                .isInstanceOf(BlobMismatchException.class).hasMessageContaining("shorter");
        byte[] longer = java.util.Arrays.copyOf(a, a.length + 1);
        assertThatThrownBy(() -> write(List.of(BundleBlob.of(hash, a.length, new BytesContent(longer)))))
                .isInstanceOf(BlobMismatchException.class).hasMessageContaining("longer");
    }

    @Test
    void attachmentsHaveTheirOwnCeilingAndRecordsTheirsInMemory() throws Exception {
        byte[] a = random(3 << 20, 3);
        byte[] bundle = write(List.of(BundleBlob.of(Sha256.hex(a), a.length, new BytesContent(a))));
        // Records at most 1 MiB each, attachments 4 MiB: a 3 MiB attachment passes.
        BundleLimits limits = new BundleLimits(8L << 20, 1L << 20, 10, 1 << 20, 4L << 20, 1L << 20);
        assertThat(BundleReader.read(new ByteArrayInputStream(bundle), List.of(Fixtures.ORG), limits)
                .manifest().entries()).hasSize(3);
        BundleLimits smallAttachments = new BundleLimits(8L << 20, 4L << 20, 10, 1 << 20, 2L << 20, 8L << 20);
        assertThat(reason(bundle, smallAttachments)).isEqualTo(Reason.ENTRY_TOO_LARGE);

        // Many records under the per-record limit, but more together than the reader may hold.
        int recordBytes = TestimonyRecords.toEntries(Fixtures.testimonies(2, 3)).stream()
                .mapToInt(e -> e.content().length).sum();
        BundleLimits fewRecordBytes = new BundleLimits(8L << 20, 1L << 20, 10, 1 << 20, 4L << 20, recordBytes - 1);
        assertThat(reason(bundle, fewRecordBytes)).isEqualTo(Reason.TOO_MUCH_DATA);
    }

    @Test
    void theDefaultsCarryATwoHourRecordingAndTheQuarantineStaysSmall() {
        long twoHoursOfWav = 44 + 2L * 3600 * 16_000 * 2;
        assertThat(BundleLimits.DEFAULT.maxAttachmentSize()).isGreaterThan(3L << 30).isGreaterThan(twoHoursOfWav);
        assertThat(BundleLimits.DEFAULT.maxTotalBytes()).isGreaterThanOrEqualTo(BundleLimits.DEFAULT.maxAttachmentSize());
        assertThat(BundleLimits.DEFAULT.maxEntrySize()).isEqualTo(256L << 20);
        BundleLimits held = BundleLimits.DEFAULT.atMost(16L << 20);
        assertThat(List.of(held.maxTotalBytes(), held.maxAttachmentSize(), held.maxRecordBytes(), held.maxEntrySize()))
                .allMatch(v -> v <= 16L << 20);
    }

    @Test
    void aBlobMustBeNamedUnderAttachments() {
        assertThatThrownBy(() -> new BundleBlob("records/x", 0, Sha256.hex(new byte[0]), new BytesContent(new byte[0])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BundleBlob("attachments/../x", 0, Sha256.hex(new byte[0]),
                new BytesContent(new byte[0]))).isInstanceOf(IllegalArgumentException.class);
        List<BundleBlob> twice = new ArrayList<>();
        byte[] a = random(10, 4);
        twice.add(BundleBlob.of(Sha256.hex(a), a.length, new BytesContent(a)));
        twice.add(BundleBlob.of(Sha256.hex(a), a.length, new BytesContent(a)));
        assertThatThrownBy(() -> write(twice)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Reason reason(byte[] bundle, BundleLimits limits) {
        return catchThrowableOfType(BundleException.class,
                () -> BundleReader.read(new ByteArrayInputStream(bundle), List.of(Fixtures.ORG), limits)).reason();
    }
}
