package org.tanik.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.bundle.BundleException;
import org.tanik.bundle.BundleLimits;
import org.tanik.coordinator.imports.ImportNote;
import org.tanik.coordinator.imports.ImportPipeline;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.coordinator.imports.RecordValidator;
import org.tanik.crypto.Fingerprint;
import org.tanik.enrolment.Organisation;
import org.tanik.model.ReviewState;
import org.tanik.model.Vocabulary;
import org.tanik.store.VaultSession;
import org.tanik.store.coordinator.AuditDetail;
import org.tanik.store.coordinator.AuditLog;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;

/**
 * Audit details in the reader's language: structured details through the bundles, the plain English
 * of older entries (and of the importer) by their exact shapes, anything else as it was written.
 */
class AuditTextTest {

    static final AuditText EN = new AuditText(Locale.ENGLISH);
    static final AuditText TR = new AuditText(Locale.forLanguageTag("tr"));
    static final String FP = "12345 67890 13579 24680";
    static final String SHA = "0123456789abcdef".repeat(4);

    @TempDir
    Path dir;

    @Test
    void anEmptyArchiveIsNotCalledIntact() {
        ArchiveCheck.Result none = new ArchiveCheck.Result(0, 0, 0, 0, List.of());
        assertThat(none.summary(EN)).isEqualTo("The archive holds no imported bundle yet: there is nothing to check.");
        assertThat(none.summary(TR)).isEqualTo("Arşivde henüz içe aktarılmış bir paket yok: denetlenecek bir şey yok.");
        assertThat(new ArchiveCheck.Result(1, 1, 3, 0, List.of()).summary(EN)).startsWith("The archive is intact: one bundle");
    }

    @Test
    void structuredDetailsInBothLanguages() {
        AuditDetail imported = AuditDetail.of("audit.detail.import", FP, 12, 1, SHA);
        assertThat(EN.format(imported)).isEqualTo("Device " + FP + ", bundle number 12: one new version archived. "
                + "File SHA-256: " + SHA);
        assertThat(TR.format(imported)).isEqualTo("Cihaz " + FP + ", 12 numaralı paket: 1 yeni sürüm arşivlendi. "
                + "Dosyanın SHA-256 özeti: " + SHA);
        AuditDetail review = ReviewDesk.auditDetail(ReviewState.NEEDS_FOLLOW_UP, null, "ask again");
        assertThat(EN.format(review)).isEqualTo("New state: Needs follow-up. Note: ask again");
        assertThat(TR.format(review)).isEqualTo("Yeni durum: Takip gerekiyor. Not: ask again");
        AuditDetail rejected = AuditDetail.of("audit.detail.rejected", FP, 4,
                AuditDetail.of("import.reason.replaySequence", "4"));
        assertThat(TR.format(rejected))
                .isEqualTo("Cihaz " + FP + ", 4 numaralı paket: Bu cihaz 4 numaralı paketi zaten göndermişti (yeniden gönderim).");
        assertThat(TR.format(AuditDetail.of("audit.detail.rejected", FP, 4, AuditDetail.of("bundle.error.bad_signature"))))
                .startsWith("Cihaz " + FP + ", 4 numaralı paket: ").doesNotContain("device signature");
    }

    @Test
    void argumentsAreShownAsTypedNeverInterpreted() {
        for (String hostile : List.of("{0}", "'quoted' and '' and '", "{1,number,integer}", "a|b", "\"},{\"key\":\"x\"}",
                "İstanbul'da\nikinci satır")) {
            AuditDetail d = AuditDetail.of("audit.detail.revoke", hostile);
            assertThat(EN.format(AuditDetail.decode(d.encode()).orElseThrow())).isEqualTo("Reason: " + hostile);
            assertThat(TR.format(d)).isEqualTo("Gerekçe: " + hostile);
        }
    }

    @Test
    void unknownKeysAndMisshapenArgumentsStillShowWhatWasRecorded() {
        assertThat(TR.format(AuditDetail.of("audit.detail.fromANewerRelease", "a", 2))).isEqualTo(
                "audit.detail.fromANewerRelease: a, 2");
        // A sequence number that is text where the pattern wants a number.
        assertThat(TR.format(AuditDetail.of("audit.detail.quarantined", FP, "seven")))
                .isEqualTo("audit.detail.quarantined: " + FP + ", seven");
        assertThat(TR.detail(new AuditLog.Entry(1, Instant.EPOCH, "import", "b", null))).isNull();
    }

    @Test
    void olderPlainEntriesAreTranslatedByTheirShapesOrShownAsWritten() {
        assertThat(TR.detail(entry("import", "device " + FP + ", sequence 3, 2 new versions, file sha256 " + SHA)))
                .isEqualTo("Cihaz " + FP + ", 3 numaralı paket: 2 yeni sürüm arşivlendi. Dosyanın SHA-256 özeti: " + SHA);
        assertThat(EN.detail(entry("import", "device " + FP + ", sequence 3, 0 new versions, file sha256 " + SHA
                + ", flagged"))).isEqualTo("Device " + FP + ", bundle number 3: no new versions archived, flagged "
                + "because the device was revoked since. File SHA-256: " + SHA);
        assertThat(TR.detail(entry("import.quarantined", "device " + FP + ", sequence 1")))
                .isEqualTo("Cihaz " + FP + ", 1 numaralı paket: cihaz onaylanana dek bekletiliyor.");
        assertThat(TR.detail(entry("device.approve", "label: Ayşe'nin dizüstü: {0}")))
                .isEqualTo("Etiket: Ayşe'nin dizüstü: {0}");
        assertThat(TR.detail(entry("device.revoke", "reason: laptop seized"))).isEqualTo("Gerekçe: laptop seized");
        String dup = "0b7e1a1e-0000-4000-8000-000000000000";
        assertThat(TR.detail(entry("review", "DUPLICATE of " + dup + ": same as: VERIFIED of x")))
                .isEqualTo("Yeni durum: Mükerrer, " + dup + " tanıklığının mükerreri. Not: same as: VERIFIED of x");
        assertThat(TR.detail(entry("review", "VERIFIED"))).isEqualTo("Yeni durum: Doğrulandı");
        assertThat(TR.detail(entry("identity.export", "organisation identity written to a file")))
                .isEqualTo("Kuruluşun gizli anahtarı şifrelenmeden bir dosyaya yazıldı.");

        // Not one of those shapes: shown exactly as written, in any language.
        for (AuditLog.Entry odd : List.of(entry("import", "device " + FP + ", sequence 3"),
                entry("import", "device 123, sequence 3, 2 new versions, file sha256 " + SHA),
                entry("review", "APPROVED: not a state"), entry("review", "VERIFIED of not-a-uuid"),
                entry("device.approve", "Label: capitalised"), entry("some.future.action", "label: x"),
                entry("import", "{\"key\":\"broken\""))) {
            assertThat(TR.detail(odd)).as(odd.detail()).isEqualTo(odd.detail());
        }
    }

    @Test
    void everyRefusalTheImporterWritesInEnglishIsReadBackFaithfully() {
        for (BundleException.Reason r : BundleException.Reason.values()) {
            assertRoundTrip(new ImportNote(r.key(), List.of()));
        }
        for (ImportNote note : List.of(ImportNote.of("import.reason.replayId"), ImportNote.of("import.reason.revoked"),
                ImportNote.of("import.reason.replaySequence", 17),
                ImportNote.of("import.reason.invalidRecord", "incidents[0].acts[0].type: unknown code 'x'. Also: this"),
                ImportNote.of("import.reason.invalid.twice", 2, "0123abcd-0000-4000-8000-00000000ffff"),
                ImportNote.of("import.reason.invalid.violationType", "no_such_type"),
                ImportNote.of("import.reason.invalid.provinceText", 41))) {
            assertRoundTrip(note);
        }
        // Written by the previous release, whose validator phrased its reason in English inside the generic
        // sentence: the most specific sentence of this release reads it, in Turkish throughout.
        assertThat(TR.detail(entry("import.rejected", "device " + FP + ", sequence 2: A testimony record is not valid: "
                + "version 2 of 0123abcd-0000-4000-8000-00000000ffff appears twice."))).isEqualTo("Cihaz " + FP
                + ", 2 numaralı paket: Bir tanıklık kaydı geçerli değil: 0123abcd-0000-4000-8000-00000000ffff "
                + "tanıklığının 2. sürümü iki kez var.");
        // A file refused before its manifest could be trusted: recorded by the reason's name alone.
        assertThat(TR.detail(entry("import.rejected", "PAYLOAD_DAMAGED"))).isEqualTo("Cihazı belirlenemeden reddedildi: "
                + new BundleException(BundleException.Reason.PAYLOAD_DAMAGED).message(Locale.forLanguageTag("tr")));
        assertThat(TR.detail(entry("import.rejected", "NOT_A_REASON"))).isEqualTo("NOT_A_REASON");
        assertThat(TR.detail(entry("import.rejected", "device " + FP + ", sequence 2: a reason of a newer release")))
                .isEqualTo("Cihaz " + FP + ", 2 numaralı paket: a reason of a newer release");
    }

    private static void assertRoundTrip(ImportNote note) {
        String english = note.text(Locale.ENGLISH);
        AuditLog.Entry e = entry("import.rejected", "device " + FP + ", sequence 9: " + english);
        assertThat(EN.detail(e)).as(note.key()).isEqualTo("Device " + FP + ", bundle number 9: " + english);
        assertThat(TR.detail(e)).as(note.key()).isEqualTo("Cihaz " + FP + ", 9 numaralı paket: "
                + note.text(Locale.forLanguageTag("tr")));
    }

    /**
     * Through the real writers: held, approved, imported, reviewed, revoked, refused. Every entry
     * reads in Turkish, and no English sentence is left.
     */
    @Test
    void everyEntryTheCoordinatorSideWritesReadsInTurkish() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
        Organisations orgs = new Organisations(dir, clock).createOrganisation("Örgüt");
        Path b1;
        Path b2;
        String first;
        String second;
        String device;
        try (VaultSession v = orgs.volunteer("vol")) {
            device = Fingerprint.deviceId(v.device().publicKey()); // audit details name devices by their registry id
            first = Organisations.sealed(v, "Gözaltı");
            b1 = orgs.export(v, "b1.tanik");
            second = Organisations.sealed(v, "Gözaltı, yine");
            b2 = orgs.export(v, "b2.tanik");
        }
        try (VaultSession org = orgs.openOrg()) {
            ImportPipeline importer = new ImportPipeline(org.coordinator(), Organisation.require(org).identity(),
                    new RecordValidator(Vocabulary.load()), null, clock, BundleLimits.DEFAULT);
            Volunteers volunteers = new Volunteers(org.coordinator(), clock);
            assertThat(importer.importFile(b1).verdict()).isEqualTo(ImportResult.Verdict.QUARANTINED);
            volunteers.approve(device, "Gönüllü \"A\" | {0}", importer);
            assertThat(importer.importFile(b2).verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
            ReviewDesk desk = new ReviewDesk(org.coordinator(), null);
            desk.change(first, ReviewState.VERIFIED, null, "aranarak doğrulandı");
            desk.change(second, ReviewState.DUPLICATE, first, null);
            volunteers.revoke(device, "dizüstü el konuldu");
        }
        clock.advance(Duration.ofDays(1));
        Path b3;
        try (VaultSession v = orgs.vaults().open(dir.resolve("vol"), Organisations.PASS)) {
            Organisations.sealed(v, "Üçüncü");
            b3 = orgs.export(v, "b3.tanik");
        }
        try (VaultSession org = orgs.openOrg()) {
            ImportPipeline importer = new ImportPipeline(org.coordinator(), Organisation.require(org).identity(),
                    new RecordValidator(Vocabulary.load()), null, clock, BundleLimits.DEFAULT);
            assertThat(importer.importFile(b3).verdict()).isEqualTo(ImportResult.Verdict.REJECTED);
            byte[] damaged = java.nio.file.Files.readAllBytes(b2);
            damaged[damaged.length - 40] ^= 1;
            assertThat(importer.importFile(java.nio.file.Files.write(dir.resolve("damaged.tanik"), damaged)).verdict())
                    .isEqualTo(ImportResult.Verdict.REJECTED);
            List<AuditLog.Entry> entries = org.coordinator().audit().entries();
            assertThat(org.coordinator().audit().verify().intact()).isTrue();
            assertThat(entries).extracting(AuditLog.Entry::action).containsExactly("import.quarantined",
                    "device.approve", "import", "import", "review", "review", "device.revoke", "import.rejected", "import.rejected");
            assertThat(entries.stream().map(TR::detail).toList()).containsExactly(
                    "Cihaz " + device + ", 1 numaralı paket: cihaz onaylanana dek bekletiliyor.",
                    "Etiket: Gönüllü \"A\" | {0}",
                    "Cihaz " + device + ", 1 numaralı paket: 1 yeni sürüm arşivlendi. Dosyanın SHA-256 özeti: "
                            + org.coordinator().bundles().bySequence(device, 1).orElseThrow().fileSha256(),
                    "Cihaz " + device + ", 2 numaralı paket: 1 yeni sürüm arşivlendi. Dosyanın SHA-256 özeti: "
                            + org.coordinator().bundles().bySequence(device, 2).orElseThrow().fileSha256(),
                    "Yeni durum: Doğrulandı. Not: aranarak doğrulandı",
                    "Yeni durum: Mükerrer, " + first + " tanıklığının mükerreri",
                    "Gerekçe: dizüstü el konuldu",
                    "Cihaz " + device + ", 3 numaralı paket: İptal edilmiş bir cihaz tarafından, iptalinden sonra "
                            + "oluşturulmuş.",
                    "Cihazı belirlenemeden reddedildi: " + new BundleException(BundleException.Reason.PAYLOAD_DAMAGED)
                            .message(Locale.forLanguageTag("tr")));
            assertThat(entries.stream().map(EN::detail).toList()).element(2).asString()
                    .startsWith("Device " + device + ", bundle number 1: one new version archived. File SHA-256: ");
            // Every writer stores structure, not sentences.
            assertThat(entries).allSatisfy(e -> assertThat(AuditDetail.decode(e.detail())).as(e.action()).isPresent());
        }
    }

    private static AuditLog.Entry entry(String action, String detail) {
        return new AuditLog.Entry(1, Instant.EPOCH, action, "subject", detail);
    }
}
