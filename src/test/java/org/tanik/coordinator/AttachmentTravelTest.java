package org.tanik.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.bundle.BundleLimits;
import org.tanik.bundle.BundleReader;
import org.tanik.bundle.ManifestEntry;
import org.tanik.bundle.VerifiedBundle;
import org.tanik.coordinator.imports.ImportPipeline;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.coordinator.imports.RecordValidator;
import org.tanik.crypto.Sha256;
import org.tanik.enrolment.Organisation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Attachment;
import org.tanik.model.Consent;
import org.tanik.model.ConsentMethod;
import org.tanik.model.ConsentScope;
import org.tanik.model.TestimonyContent;
import org.tanik.model.Vocabulary;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.testing.LeakScanner;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;
import org.tanik.volunteer.Attachments;
import org.tanik.volunteer.Drafts;
import org.tanik.volunteer.Outbox;
import org.tanik.work.Progress;

/**
 * An attachment travels from a volunteer's vault to the coordinator's archive: added (encrypted as
 * it is read), exported in a bundle once however many versions name it, imported, and read back as a
 * Content with the same SHA-256; its content and caption never touch the disk in the clear.
 */
class AttachmentTravelTest {

    static final String CONTENT_MARKER = "Tanık-belgesi-3307";
    static final String CAPTION_MARKER = "Hastane-raporu-6612";

    @TempDir
    Path dir;
    @TempDir
    Path source;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));

    @Test
    void anAttachmentTravelsOnceAndReadsBackWithTheSameHash() throws Exception {
        Path file = source.resolve("rapor.bin");
        byte[] bytes = new byte[(5 << 20) + 12_345]; // 81 age chunks, 81 blob chunks, neither aligned
        new Random(5).nextBytes(bytes);
        byte[] marker = CONTENT_MARKER.getBytes(StandardCharsets.UTF_8);
        for (int at = 333; at + marker.length < bytes.length; at += 1_000_003) {
            System.arraycopy(marker, 0, bytes, at, marker.length);
        }
        Files.write(file, bytes);
        String sha = Sha256.hex(bytes);

        LeakScanner scanner = LeakScanner.watch(List.of(CONTENT_MARKER, CAPTION_MARKER));
        Organisations orgs = new Organisations(dir, clock).createOrganisation("Org");
        Path first;
        Path second;
        try (VaultSession v = orgs.volunteer("vol")) {
            OpenVault open = new OpenVault(v);
            Drafts drafts = new Drafts(open);
            String id = drafts.create(TestimonyContent.empty().withTitle("Rapor")).id();
            Attachment a = new Attachments(open).add(id, file, "Kopya " + CAPTION_MARKER, false, Progress.none());
            assertThat(a.sha256()).isEqualTo(sha);
            drafts.consent(id, new Consent(ConsentMethod.ORAL, clock.instant(), "Gönüllü",
                    List.of(ConsentScope.DOCUMENTATION), null, null));
            drafts.seal(id);
            // A second version naming the same content, and another testimony with the same file again.
            drafts.amend(id);
            drafts.saveDraft(id, drafts.latest(id).content().withTitle("Rapor, ikinci"));
            drafts.seal(id);
            String other = drafts.create(TestimonyContent.empty().withTitle("Başka")).id();
            new Attachments(open).add(other, file, "", false, Progress.none());
            drafts.consent(other, new Consent(ConsentMethod.ORAL, clock.instant(), "Gönüllü",
                    List.of(ConsentScope.DOCUMENTATION), null, null));
            drafts.seal(other);
            first = new Outbox(open, clock).export(dir.resolve("b1.tanik")).file();
        }
        try (InputStream in = Files.newInputStream(first)) {
            VerifiedBundle b;
            try (VaultSession org = orgs.openOrg()) {
                b = BundleReader.read(in, List.of(Organisation.require(org).identity()), BundleLimits.DEFAULT);
            }
            assertThat(b.testimonies()).hasSize(3);
            assertThat(b.manifest().entries()).extracting(ManifestEntry::path).filteredOn(p -> p.startsWith("attachments/"))
                    .containsExactly("attachments/" + sha);
        }
        try (VaultSession org = orgs.openOrg()) {
            ImportPipeline importer = importer(org);
            ImportResult r = importer.importFile(first);
            assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.QUARANTINED);
            new Volunteers(org.coordinator(), clock).approve(r.device(), "vol", importer);
            assertThat(org.coordinator().archive().countVersions()).isEqualTo(3);
            assertThat(ArchivedAttachmentTest.sha256(new ReviewDesk(org.coordinator(), null).attachment(sha), 0))
                    .isEqualTo(sha);
        }
        int[] scanned = {0};
        assertThat(scanner.findIn(List.of(dir), scanned)).isEmpty();
        assertThat(scanned[0]).isGreaterThan(5);
    }

    @Test
    void aDamagedBlobStopsTheExportAndLeavesNothing() throws Exception {
        Path file = Files.write(source.resolve("a.bin"), new byte[200_000]);
        Organisations orgs = new Organisations(dir, clock).createOrganisation("Org");
        try (VaultSession v = orgs.volunteer("vol")) {
            OpenVault open = new OpenVault(v);
            Drafts drafts = new Drafts(open);
            String id = drafts.create(TestimonyContent.empty().withTitle("Rapor")).id();
            Attachment a = new Attachments(open).add(id, file, "", false, Progress.none());
            drafts.consent(id, new Consent(ConsentMethod.ORAL, clock.instant(), "Gönüllü",
                    List.of(ConsentScope.DOCUMENTATION), null, null));
            drafts.seal(id);
            Path blob = v.directory().resolve("attachments").resolve(a.id() + ".blob");
            byte[] sealed = Files.readAllBytes(blob);
            sealed[100] ^= 1; // the first chunk: the blob still opens (its final chunk is intact)
            Files.write(blob, sealed);
            Outbox outbox = new Outbox(open, clock);
            assertThatThrownBy(() -> outbox.export(dir.resolve("b1.tanik")))
                    .isInstanceOfSatisfying(TanikException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.ATTACHMENT_DAMAGED));
            assertThat(dir.resolve("b1.tanik")).doesNotExist();
            try (var files = Files.list(v.directory().resolve("outbox"))) {
                assertThat(files.toList()).isEmpty();
            }
            assertThat(outbox.pending()).isEqualTo(1);
        }
    }

    static ImportPipeline importer(VaultSession org) {
        return new ImportPipeline(org.coordinator(), Organisation.require(org).identity(),
                new RecordValidator(Vocabulary.load()), null, Clock.systemUTC(), BundleLimits.DEFAULT);
    }

}
