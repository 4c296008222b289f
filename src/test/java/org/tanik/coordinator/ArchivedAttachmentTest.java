package org.tanik.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.bundle.BundleBlob;
import org.tanik.bundle.BundleLimits;
import org.tanik.bundle.BundleWriter;
import org.tanik.bundle.TestimonyRecords;
import org.tanik.coordinator.imports.ImportPipeline;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.coordinator.imports.RecordValidator;
import org.tanik.crypto.Sha256;
import org.tanik.crypto.age.AgeDecryptor;
import org.tanik.crypto.age.AgeEncryptor;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.crypto.age.X25519Recipient;
import org.tanik.enrolment.Organisation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.Content;
import org.tanik.model.Attachment;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.model.Vocabulary;
import org.tanik.store.StoreInternals;
import org.tanik.store.VaultSession;
import org.tanik.testing.BytesContent;
import org.tanik.testing.LeakScanner;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;
import org.tanik.work.Progress;

/**
 * Attachments travel in bundles named by their content and are archived where they arrived: the
 * import records each blob once, refuses a record whose attachment is neither in the bundle nor
 * archived, refuses altered blobs without storing anything, and reads an archived blob back as a
 * Content from only the chunks that hold it.
 */
class ArchivedAttachmentTest {

    static final String CONTENT_MARKER = "Tanık-ses-kaydı-5519";
    static final String CAPTION_MARKER = "Gözaltı-kararı-8842";

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
    Organisations orgs;
    byte[] deviceKey;
    X25519Recipient recipient;
    X25519Identity identity;
    String lastSha;
    long sequence = 1;
    /** About 3.3 MiB: 51 age chunks, starting and ending inside one. */
    byte[] blob;

    @BeforeEach
    void approveAVolunteer() throws Exception {
        blob = new byte[(3 << 20) + 300_017];
        new Random(16).nextBytes(blob);
        byte[] marker = CONTENT_MARKER.getBytes(StandardCharsets.UTF_8);
        for (int at = 1000; at + marker.length < blob.length; at += 700_001) {
            System.arraycopy(marker, 0, blob, at, marker.length);
        }
        orgs = new Organisations(dir, clock).createOrganisation("Org");
        Path first;
        try (VaultSession v = orgs.volunteer("vol")) {
            Organisations.sealed(v, "İlk");
            first = orgs.export(v, "first.tanik");
            deviceKey = v.device().privateKey();
        }
        try (VaultSession org = orgs.openOrg()) {
            identity = Organisation.require(org).identity();
            recipient = identity.recipient();
            ImportPipeline importer = importer(org);
            ImportResult r = importer.importFile(first);
            new Volunteers(org.coordinator(), clock).approve(r.device(), "vol", importer);
        }
        lastSha = Sha256.hex(Files.readAllBytes(first));
    }

    @Test
    void aBlobNamedByTwoRecordsTravelsOnceAndReadsBackFromAnyOffset() throws Exception {
        String sha = Sha256.hex(blob);
        Path bundle = bundle("b2.tanik", List.of(record(sha, blob.length), record(sha, blob.length)),
                List.of(BundleBlob.of(sha, blob.length, new BytesContent(blob))));
        try (VaultSession org = orgs.openOrg()) {
            assertThat(importer(org).importFile(bundle).verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
            Content c = new ReviewDesk(org.coordinator(), null).attachment(sha);
            assertThat(c.size()).isEqualTo(blob.length);
            assertThat(sha256(c, 0)).isEqualTo(sha);
            long middle = 1_234_567;
            try (InputStream in = c.open(middle)) {
                assertThat(in.readNBytes(100_000)).isEqualTo(Arrays.copyOfRange(blob, (int) middle, (int) middle + 100_000));
            }
            try (InputStream in = c.open(blob.length)) {
                assertThat(in.read()).isEqualTo(-1);
            }
            assertThat(rows(org)).isEqualTo(1);
        }
    }

    @Test
    void aRecordNamingAnAttachmentThatIsNowhereIsRefusedAndNothingIsStored() throws Exception {
        String sha = Sha256.hex(blob);
        Path bundle = bundle("missing.tanik", List.of(record(sha, blob.length)), List.of());
        try (VaultSession org = orgs.openOrg()) {
            int before = org.coordinator().archive().countVersions();
            ImportResult r = importer(org).importFile(bundle);
            assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.REJECTED);
            assertThat(r.reason().key()).isEqualTo("import.reason.attachmentMissing");
            assertThat(r.reason().code()).isEqualTo("ATTACHMENT_MISSING");
            assertThat(r.reason().text(java.util.Locale.ENGLISH)).contains(sha).contains("neither in the bundle nor");
            assertThat(org.coordinator().archive().countVersions()).isEqualTo(before);
            assertThat(org.coordinator().archive().holdsAttachment(sha)).isFalse();
            assertThatThrownBy(() -> new ReviewDesk(org.coordinator(), null).attachment(sha))
                    .isInstanceOfSatisfying(TanikException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.ARCHIVED_ATTACHMENT_NOT_FOUND));
        }
        // bundle verify says the same, offline and against the archive.
        Path identityFile = Files.writeString(dir.resolve("identity.txt"), identity.encode());
        assertThat(BundleVerifier.withIdentityFile(identityFile, Vocabulary.load()).verify(bundle, null).refusal().code())
                .isEqualTo("ATTACHMENT_MISSING");
    }

    @Test
    void aBlobAlreadyArchivedNeedNotTravelAgainAndReimportIsIdempotent() throws Exception {
        String sha = Sha256.hex(blob);
        Path b2 = bundle("b2.tanik", List.of(record(sha, blob.length)),
                List.of(BundleBlob.of(sha, blob.length, new BytesContent(blob))));
        Path b3 = bundle("b3.tanik", List.of(record(sha, blob.length)), List.of());
        Path b4 = bundle("b4.tanik", List.of(record(sha, blob.length)),
                List.of(BundleBlob.of(sha, blob.length, new BytesContent(blob))));
        try (VaultSession org = orgs.openOrg()) {
            ImportPipeline importer = importer(org);
            assertThat(importer.importFile(b2).verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
            assertThat(importer.importFile(b2).verdict()).isEqualTo(ImportResult.Verdict.ALREADY_IMPORTED);
            assertThat(importer.importFile(b3).verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
            assertThat(importer.importFile(b4).verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
            assertThat(rows(org)).isEqualTo(1);
            assertThat(sha256(new ReviewDesk(org.coordinator(), null).attachment(sha), 0)).isEqualTo(sha);
        }
        try (VaultSession org = orgs.openOrg()) {
            assertThat(org.coordinator().archive().countVersions()).isEqualTo(4);
            assertThat(sha256(new ReviewDesk(org.coordinator(), null).attachment(sha), 0)).isEqualTo(sha);
        }
    }

    @Test
    void aBlobNotNamedByItsHashOrOfAnotherSizeThanItsRecordSaysIsRefused() throws Exception {
        String sha = Sha256.hex(blob);
        byte[] three = {1, 2, 3};
        Path misnamed = bundle("misnamed.tanik", List.of(record(sha, blob.length)),
                List.of(BundleBlob.of(sha, blob.length, new BytesContent(blob)),
                        new BundleBlob("attachments/notes.txt", 3, Sha256.hex(three), new BytesContent(three))));
        Path otherSize = bundle("size.tanik", List.of(record(sha, blob.length + 1)),
                List.of(BundleBlob.of(sha, blob.length, new BytesContent(blob))));
        try (VaultSession org = orgs.openOrg()) {
            ImportResult r = importer(org).importFile(misnamed);
            assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.REJECTED);
            assertThat(r.reason().key()).isEqualTo("import.reason.attachmentName");
            r = importer(org).importFile(otherSize);
            assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.REJECTED);
            assertThat(r.reason().key()).isEqualTo("import.reason.attachmentSize");
            assertThat(r.reason().text(new java.util.Locale("tr"))).contains(sha).contains("bayt");
            assertThat(rows(org)).isZero();
        }
    }

    @Test
    void inOneBatchABlobCountsAsArchivedFromTheBundleThatCarriedItOnInFileOrder() throws Exception {
        String sha = Sha256.hex(blob);
        Path carries = bundle("b2.tanik", List.of(record(sha, blob.length)),
                List.of(BundleBlob.of(sha, blob.length, new BytesContent(blob))));
        Path names = bundle("b3.tanik", List.of(record(sha, blob.length)), List.of());
        byte[] other = {4, 5, 6};
        String otherSha = Sha256.hex(other);
        Path namesFirst = bundle("b4.tanik", List.of(record(otherSha, 3)), List.of());
        Path carriesAfter = bundle("b5.tanik", List.of(record(otherSha, 3)),
                List.of(BundleBlob.of(otherSha, 3, new BytesContent(other))));
        try (VaultSession org = orgs.openOrg()) {
            List<ImportResult> results = importer(org).importFiles(List.of(carries, names, namesFirst, carriesAfter),
                    Progress.none());
            assertThat(results).extracting(ImportResult::verdict).containsExactly(ImportResult.Verdict.IMPORTED,
                    ImportResult.Verdict.IMPORTED, ImportResult.Verdict.REJECTED, ImportResult.Verdict.IMPORTED);
            assertThat(results.get(2).reason().key()).isEqualTo("import.reason.attachmentMissing");
            assertThat(rows(org)).isEqualTo(2);
        }
    }

    @Test
    void anAlteredSwappedOrTruncatedBlobIsRefusedAndNothingIsStored() throws Exception {
        byte[] other = blob.clone();
        other[5] ^= 1;
        String sha = Sha256.hex(blob);
        String otherSha = Sha256.hex(other);
        Path good = bundle("b2.tanik", List.of(record(sha, blob.length), record(otherSha, other.length)),
                List.of(BundleBlob.of(sha, blob.length, new BytesContent(blob)),
                        BundleBlob.of(otherSha, other.length, new BytesContent(other))));
        byte[] tar = decrypt(good);
        int first = indexOf(tar, Arrays.copyOfRange(blob, 0, 64));
        int second = indexOf(tar, Arrays.copyOfRange(other, 0, 64)); // differs from blob at byte 5
        assertThat(first).isPositive();
        assertThat(second).isGreaterThan(first);

        byte[] altered = tar.clone();
        altered[first + 2_000_000] ^= 0x20;
        byte[] swapped = tar.clone();
        System.arraycopy(tar, first, swapped, second, blob.length);
        System.arraycopy(tar, second, swapped, first, other.length);
        List<Path> bad = List.of(encrypt("altered.tanik", altered), encrypt("swapped.tanik", swapped),
                truncated(good, "truncated.tanik"));
        try (VaultSession org = orgs.openOrg()) {
            int before = org.coordinator().archive().countVersions();
            for (Path b : bad) {
                ImportResult r = importer(org).importFile(b);
                assertThat(r.verdict()).as(b.getFileName().toString()).isEqualTo(ImportResult.Verdict.REJECTED);
            }
            assertThat(org.coordinator().archive().countVersions()).isEqualTo(before);
            assertThat(rows(org)).isZero();
        }
        try (Stream<Path> files = Files.list(orgs.orgData().resolve("archive"))) {
            assertThat(files.toList()).as("only the first bundle's payload").hasSize(1);
        }
    }

    @Test
    void anArchivedBlobWhosePayloadWasAlteredFailsToRead() throws Exception {
        String sha = Sha256.hex(blob);
        Path b2 = bundle("b2.tanik", List.of(record(sha, blob.length)),
                List.of(BundleBlob.of(sha, blob.length, new BytesContent(blob))));
        Path payload;
        try (VaultSession org = orgs.openOrg()) {
            importer(org).importFile(b2);
            payload = Path.of(org.directory().resolve("archive").toString(),
                    org.coordinator().archive().evidence().get(1).bundleId() + ".payload");
        }
        byte[] sealed = Files.readAllBytes(payload);
        sealed[sealed.length / 2] ^= 1;
        Files.write(payload, sealed);
        try (VaultSession org = orgs.openOrg()) {
            Content c = new ReviewDesk(org.coordinator(), null).attachment(sha);
            assertThatThrownBy(() -> sha256(c, 0)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void markersInContentAndCaptionNeverReachDiskInTheClear() throws Exception {
        LeakScanner scanner = LeakScanner.watch(List.of(CONTENT_MARKER, CAPTION_MARKER));
        String sha = Sha256.hex(blob);
        Path b2 = bundle("b2.tanik", List.of(record(sha, blob.length)),
                List.of(BundleBlob.of(sha, blob.length, new BytesContent(blob))));
        try (VaultSession org = orgs.openOrg()) {
            assertThat(importer(org).importFile(b2).verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
            Content c = new ReviewDesk(org.coordinator(), null).attachment(sha);
            try (InputStream in = c.open(0)) {
                assertThat(new String(in.readNBytes(1100), StandardCharsets.ISO_8859_1))
                        .contains(new String(CONTENT_MARKER.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
            }
            assertThat(org.coordinator().archive().versions(idOfLastRecord).get(0).testimony().content().attachments()
                    .get(0).caption()).contains(CAPTION_MARKER);
        }
        int[] scanned = {0};
        assertThat(scanner.findIn(List.of(dir), scanned)).isEmpty();
        assertThat(scanned[0]).isGreaterThan(3);
    }

    // --- helpers

    String idOfLastRecord;

    Testimony record(String sha, long size) {
        Instant t = clock.instant().minusSeconds(3600);
        String id = UUID.randomUUID().toString();
        idOfLastRecord = id;
        Attachment a = new Attachment(UUID.randomUUID().toString(), sha, size, "görüşme.wav", "audio/wav",
                "Ses kaydı " + CAPTION_MARKER, t, List.of());
        return new Testimony(id, 1, Status.SEALED, t, t, t,
                TestimonyContent.empty().withTitle("Ekli").withAttachments(List.of(a)));
    }

    /** A bundle of the approved volunteer's, next in its chain, written by BundleWriter directly. */
    Path bundle(String name, List<Testimony> records, List<BundleBlob> blobs) throws IOException {
        Path file = dir.resolve(name);
        sequence++;
        try (OutputStream out = Files.newOutputStream(file)) {
            lastSha = BundleWriter.write(out, List.of(recipient), deviceKey, sequence, lastSha,
                    clock.instant(), TestimonyRecords.toEntries(records), blobs).fileSha256();
        }
        return file;
    }

    byte[] decrypt(Path bundle) throws IOException {
        try (InputStream in = AgeDecryptor.decrypt(Files.newInputStream(bundle), List.of(identity))) {
            return in.readAllBytes();
        }
    }

    Path encrypt(String name, byte[] tar) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream age = AgeEncryptor.encrypt(List.of(recipient), out)) {
            age.write(tar);
        }
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    Path truncated(Path good, String name) throws IOException {
        byte[] all = Files.readAllBytes(good);
        return Files.write(dir.resolve(name), Arrays.copyOf(all, all.length / 2));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String sha256(Content c, long from) throws IOException {
        java.security.MessageDigest md = Sha256.digest();
        try (InputStream in = c.open(from)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return Sha256.hex(md);
    }

    static long rows(VaultSession org) throws Exception {
        try (var s = StoreInternals.connection(org).createStatement();
             var r = s.executeQuery("SELECT COUNT(*) FROM archive_attachment")) {
            r.next();
            return r.getLong(1);
        }
    }

    ImportPipeline importer(VaultSession org) {
        return new ImportPipeline(org.coordinator(), Organisation.require(org).identity(),
                new RecordValidator(Vocabulary.load()), null, Clock.systemUTC(), BundleLimits.DEFAULT);
    }
}
