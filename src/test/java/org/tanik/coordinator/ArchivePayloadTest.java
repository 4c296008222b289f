package org.tanik.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.bundle.BundleLimits;
import org.tanik.coordinator.imports.ImportPipeline;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.coordinator.imports.RecordValidator;
import org.tanik.coordinator.search.SearchIndex;
import org.tanik.enrolment.Organisation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.TestimonyContent;
import org.tanik.model.Vocabulary;
import org.tanik.store.StoreInternals;
import org.tanik.store.VaultSession;
import org.tanik.store.coordinator.Archive;
import org.tanik.store.coordinator.AuditDetail;
import org.tanik.testing.LeakScanner;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;
import org.tanik.work.Progress;

/**
 * The archive keeps each bundle's payload as its sealed age chunks and reads records back from
 * them: versions read back exactly, damage is detected rather than read, and nothing of the
 * testimonies is on disk in the clear.
 */
class ArchivePayloadTest {

    static final String MARKER = "İşkence-izi-7741";

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
    Organisations orgs;
    String first;
    String second;

    @BeforeEach
    void importTwoBundles() throws Exception {
        LeakScanner temp = LeakScanner.watch(List.of(MARKER, "Pasaport iptali"));
        orgs = new Organisations(dir, clock).createOrganisation("Org");
        Path b1;
        Path b2;
        try (VaultSession v = orgs.volunteer("vol")) {
            first = v.testimonies().create(TestimonyContent.empty().withTitle("Gözaltı " + MARKER)
                    .withNarrative("Anlatı " + MARKER + " ".repeat(70_000) + "son")).id();
            v.testimonies().seal(first);
            second = Organisations.sealed(v, "Pasaport iptali");
            b1 = orgs.export(v, "b1.tanik");
            v.testimonies().amend(first);
            v.testimonies().saveDraft(first, v.testimonies().latest(first).content().withTitle("Gözaltı, ikinci " + MARKER));
            v.testimonies().seal(first);
            b2 = orgs.export(v, "b2.tanik");
        }
        try (VaultSession org = orgs.openOrg()) {
            ImportPipeline importer = importer(org);
            importer.importFile(b1);
            new Volunteers(org.coordinator(), clock).approve(
                    org.coordinator().devices().list().get(0).fingerprint(), "vol", importer);
            assertThat(importer.importFile(b2).verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
        }
        Files.delete(b1);
        Files.delete(b2);
        // The markers reached the archive: read them back through it before scanning for them.
        try (VaultSession org = orgs.openOrg()) {
            List<String> titles = new ArrayList<>();
            org.coordinator().archive().forEachLatest(e -> titles.add(e.testimony().content().title()));
            assertThat(titles).containsExactlyInAnyOrder("Gözaltı, ikinci " + MARKER, "Pasaport iptali");
        }
        int[] scanned = {0};
        assertThat(temp.findIn(List.of(dir), scanned)).isEmpty();
        assertThat(scanned[0]).isGreaterThan(3);
    }

    @Test
    void everyVersionReadsBackFromThePayloads() throws Exception {
        try (VaultSession org = orgs.openOrg()) {
            List<Archive.Entry> versions = org.coordinator().archive().versions(first);
            assertThat(versions).extracting(e -> e.testimony().content().title())
                    .containsExactly("Gözaltı " + MARKER, "Gözaltı, ikinci " + MARKER);
            assertThat(versions.get(0).testimony().content().narrative()).endsWith("son").hasSizeGreaterThan(70_000);
            List<String> latest = new ArrayList<>();
            org.coordinator().archive().forEachLatest(e -> latest.add(e.testimony().content().title()));
            assertThat(latest).containsExactlyInAnyOrder("Gözaltı, ikinci " + MARKER, "Pasaport iptali");
        }
        assertThat(payloads()).hasSize(2);
    }

    @Test
    void aBundleOfSeveralRecordsIsReadAgainOnceTheVaultIsOpenedAgain() throws Exception {
        Path b3;
        List<String> ids = new ArrayList<>();
        try (VaultSession v = orgs.vaults().open(dir.resolve("vol"), Organisations.PASS)) {
            for (String title : List.of("Üç", "Dört", "Beş")) {
                ids.add(Organisations.sealed(v, title));
            }
            b3 = orgs.export(v, "b3.tanik");
        }
        try (VaultSession org = orgs.openOrg()) {
            assertThat(importer(org).importFile(b3).records()).isEqualTo(3);
        }
        try (VaultSession org = orgs.openOrg()) {
            assertThat(org.coordinator().archive().countVersions()).isEqualTo(6);
            assertThat(ids).extracting(id -> org.coordinator().archive().versions(id).get(0).testimony().content().title())
                    .containsExactly("Üç", "Dört", "Beş");
            assertThat(ArchiveCheck.run(org.coordinator().archive()).intact()).isTrue();
        }
    }

    @Test
    void theArchiveChecksAgainstWhatTheDeviceSigned() throws Exception {
        try (VaultSession org = orgs.openOrg()) {
            ArchiveCheck.Result ok = ArchiveCheck.run(org.coordinator().archive());
            assertThat(ok.intact()).isTrue();
            assertThat(ok.bundles()).isEqualTo(2);
            assertThat(ok.records()).isEqualTo(3);

            List<Archive.Evidence> evidence = org.coordinator().archive().evidence();
            byte[] signature = evidence.get(1).signature();
            signature[10] ^= 1;
            try (java.sql.PreparedStatement s = StoreInternals.connection(org).prepareStatement(
                    "UPDATE archive_bundle SET signature = ? WHERE bundle_id = CAST(? AS UUID)")) {
                s.setBytes(1, signature);
                s.setString(2, evidence.get(1).bundleId());
                s.executeUpdate();
            }
            try (java.sql.PreparedStatement s = StoreInternals.connection(org).prepareStatement(
                    "UPDATE archive_bundle SET manifest = ? WHERE bundle_id = CAST(? AS UUID)")) {
                s.setBytes(1, evidence.get(1).manifest()); // the second bundle's manifest for the first
                s.setString(2, evidence.get(0).bundleId());
                s.executeUpdate();
            }
            ArchiveCheck.Result bad = ArchiveCheck.run(org.coordinator().archive());
            assertThat(bad.intact()).isFalse();
            assertThat(bad.complete()).isTrue();
            assertThat(bad.records()).isZero();
            String device = evidence.get(0).device();
            assertThat(bad.failures()).containsExactly(
                    new ArchiveCheck.Failure(evidence.get(0).bundleId(), device,
                            AuditDetail.of("archive.reason.otherBundle", evidence.get(1).bundleId())),
                    new ArchiveCheck.Failure(evidence.get(1).bundleId(), device, AuditDetail.of("archive.reason.badSignature")));
            AuditText en = new AuditText(Locale.ENGLISH);
            assertThat(bad.failures().get(1).text(en)).isEqualTo("Bundle " + evidence.get(1).bundleId() + " from device "
                    + device + ": its device's signature no longer matches the manifest kept for it: the manifest or the "
                    + "signature was altered after import.");
            assertThat(bad.summary(en)).startsWith("2 of 2 bundles failed the check: for these bundles,");
            assertThat(bad.failures().get(0).text(new AuditText(Locale.forLanguageTag("tr")))).isEqualTo(device
                    + " cihazından gelen " + evidence.get(0).bundleId() + " paketi: onun için saklanan manifest başka bir "
                    + "pakete (" + evidence.get(1).bundleId() + ") ait: arşiv değiştirilmiş.");
        }
    }

    @Test
    void theCheckReportsProgressAndStopsBetweenBundlesWhenCancelled() throws Exception {
        try (VaultSession org = orgs.openOrg()) {
            List<String> progress = new ArrayList<>();
            ArchiveCheck.Result all = ArchiveCheck.run(org.coordinator().archive(),
                    (done, total, bundle) -> progress.add(done + "/" + total));
            assertThat(progress).containsExactly("1/2", "2/2");
            assertThat(all.intact()).isTrue();
            assertThat(all.summary(new AuditText(Locale.ENGLISH))).isEqualTo(
                    "The archive is intact: 2 bundles, 3 records checked against what their devices signed.");
            assertThat(all.summary(new AuditText(Locale.forLanguageTag("tr")))).isEqualTo(
                    "Arşiv sağlam: 2 paket ve 3 kayıt, cihazlarının imzaladığıyla karşılaştırıldı.");

            // Cancelled once the first bundle is done: the second is never read.
            progress.clear();
            ArchiveCheck.Result part = ArchiveCheck.run(org.coordinator().archive(),
                    Progress.of((done, total, bundle) -> progress.add(done + "/" + total), () -> !progress.isEmpty()));
            assertThat(progress).containsExactly("1/2");
            assertThat(part.bundles()).isEqualTo(1);
            assertThat(part.total()).isEqualTo(2);
            assertThat(part.complete()).isFalse();
            assertThat(part.intact()).isFalse(); // half a check proves nothing about the other half
            assertThat(part.failures()).isEmpty();
            assertThat(part.summary(new AuditText(Locale.ENGLISH))).isEqualTo("The check was stopped after 1 of 2 "
                    + "bundles; none of them failed. Run it again to check the whole archive.");

            ArchiveCheck.Result none = ArchiveCheck.run(org.coordinator().archive(),
                    Progress.of((done, total, bundle) -> { }, () -> true));
            assertThat(none.bundles()).isZero();
            assertThat(none.records()).isZero();
        }
    }

    @Test
    void aChangedByteInAPayloadIsDetectedNotRead() throws Exception {
        for (Path p : payloads()) {
            byte[] b = Files.readAllBytes(p);
            b[b.length / 2] ^= 1;
            Files.write(p, b);
        }
        try (VaultSession org = orgs.openOrg()) {
            assertThatThrownBy(() -> org.coordinator().archive().versions(first))
                    .isInstanceOfSatisfying(TanikException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.RECORD_TAMPERED));
            assertThatThrownBy(() -> SearchIndex.build(org.coordinator()))
                    .isInstanceOf(TanikException.class);
            ArchiveCheck.Result check = ArchiveCheck.run(org.coordinator().archive());
            // Listed: exactly the versions in a damaged chunk. The long first version spans the middle
            // of both payloads; the short second one may lie in an intact chunk, by its id's order.
            List<AuditDetail> expected = new ArrayList<>(List.of(AuditDetail.of("archive.reason.versionChanged", 1L, first),
                    AuditDetail.of("archive.reason.versionChanged", 2L, first)));
            try {
                org.coordinator().archive().versions(second);
            } catch (TanikException e) {
                expected.add(AuditDetail.of("archive.reason.versionChanged", 1L, second));
            }
            assertThat(check.failures()).extracting(ArchiveCheck.Failure::reason).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(check.failedBundles()).isEqualTo(2);
            assertThat(check.summary(new AuditText(Locale.ENGLISH))).startsWith("2 of 2 bundles failed the check");
            assertThat(check.records()).isZero();
        }
    }

    @Test
    void everyRecordedVersionThatTheSignedManifestDoesNotListIsNamed() throws Exception {
        String bundle;
        try (VaultSession org = orgs.openOrg()) {
            bundle = org.coordinator().archive().evidence().get(0).bundleId();
            byte[] table = table(org, bundle);
            // The first bundle's table (8 bytes, then 64 per record: id, version, offset, length, SHA-256):
            // one bit of each recorded hash changed, as H2's encryption would not notice.
            assertThat(table.length).isEqualTo(8 + 2 * 64);
            table[8 + 32] ^= 1;
            table[8 + 64 + 32] ^= 1;
            try (java.sql.PreparedStatement s = StoreInternals.connection(org).prepareStatement(
                    "UPDATE archive_bundle SET records = ? WHERE bundle_id = CAST(? AS UUID)")) {
                s.setBytes(1, table);
                s.setString(2, bundle);
                assertThat(s.executeUpdate()).isOne();
            }
        }
        try (VaultSession org = orgs.openOrg()) {
            ArchiveCheck.Result check = ArchiveCheck.run(org.coordinator().archive());
            assertThat(check.failures()).extracting(ArchiveCheck.Failure::bundleId).containsOnly(bundle);
            assertThat(check.failures()).extracting(ArchiveCheck.Failure::reason).containsExactlyInAnyOrder(
                    AuditDetail.of("archive.reason.notInManifest", 1L, first),
                    AuditDetail.of("archive.reason.notInManifest", 1L, second));
            assertThat(check.summary(new AuditText(Locale.ENGLISH))).startsWith("1 of 2 bundles failed the check");
        }
    }

    private static byte[] table(VaultSession org, String bundleId) throws java.sql.SQLException {
        try (java.sql.PreparedStatement s = StoreInternals.connection(org).prepareStatement(
                "SELECT records FROM archive_bundle WHERE bundle_id = CAST(? AS UUID)")) {
            s.setString(1, bundleId);
            try (java.sql.ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBytes(1);
            }
        }
    }

    @Test
    void aDamagedChunkListsExactlyTheVersionsItHoldsAndNoOthers() throws Exception {
        Path b3;
        List<String> ids = new ArrayList<>();
        try (VaultSession v = orgs.vaults().open(dir.resolve("vol"), Organisations.PASS)) {
            for (int i = 0; i < 12; i++) {
                String id = v.testimonies().create(TestimonyContent.empty().withTitle("Kayıt " + i)
                        .withNarrative("Anlatı " + i + " " + "ı".repeat(10_000))).id();
                v.testimonies().seal(id);
                ids.add(id);
            }
            b3 = orgs.export(v, "b3.tanik");
        }
        List<Path> before = payloads();
        try (VaultSession org = orgs.openOrg()) {
            assertThat(importer(org).importFile(b3).records()).isEqualTo(12);
        }
        List<Path> added = new ArrayList<>(payloads());
        added.removeAll(before);
        Path payload = added.get(0);
        byte[] b = Files.readAllBytes(payload);
        assertThat(b.length).as("12 records of 20 kB span several 64 kB chunks").isGreaterThan(3 * 65_536);
        b[70_000] ^= 1; // in the second chunk
        Files.write(payload, b);

        try (VaultSession org = orgs.openOrg()) {
            Archive archive = org.coordinator().archive();
            ArchiveCheck.Result check = ArchiveCheck.run(archive);
            List<String> unreadable = new ArrayList<>();
            for (String id : ids) {
                try {
                    archive.versions(id);
                } catch (TanikException e) {
                    assertThat(e.problem()).isEqualTo(Problem.RECORD_TAMPERED);
                    unreadable.add(id);
                }
            }
            assertThat(unreadable).as("some, not all: the others are in intact chunks").isNotEmpty().hasSizeLessThan(6);
            assertThat(check.failures()).extracting(ArchiveCheck.Failure::reason).containsExactlyInAnyOrderElementsOf(
                    unreadable.stream().map(id -> AuditDetail.of("archive.reason.versionChanged", 1L, id)).toList());
            assertThat(check.failedBundles()).isEqualTo(1);
            assertThat(check.summary(new AuditText(Locale.ENGLISH))).startsWith("1 of 3 bundles failed the check");
            assertThat(check.failures().get(0).text(new AuditText(Locale.forLanguageTag("tr"))))
                    .matches(".* paketi: [0-9a-f-]{36} tanıklığının 1\\. sürümü, cihazının imzaladığı özetle artık eşleşmiyor: .*");
        }
    }

    @Test
    void aMissingPayloadIsAClearError() throws Exception {
        for (Path p : payloads()) {
            Files.delete(p);
        }
        try (VaultSession org = orgs.openOrg()) {
            assertThatThrownBy(() -> org.coordinator().archive().versions(second))
                    .isInstanceOfSatisfying(TanikException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.DATABASE_DAMAGED));
            assertThat(ArchiveCheck.run(org.coordinator().archive()).failures()).hasSize(2)
                    .extracting(ArchiveCheck.Failure::reason).containsOnly(AuditDetail.of("archive.reason.payloadUnreadable"));
        }
    }

    @Test
    void strayFilesInTheArchiveFolderAreRemovedOnOpen() throws Exception {
        Path archive = orgs.orgData().resolve("archive");
        Files.write(archive.resolve("0b7e1a1e-0000-4000-8000-000000000000.payload"), new byte[100]);
        Files.write(archive.resolve("x.staged"), new byte[100]);
        try (VaultSession org = orgs.openOrg()) {
            assertThat(payloads()).hasSize(2);
            assertThat(org.coordinator().archive().versions(second)).hasSize(1);
        }
    }

    private List<Path> payloads() throws Exception {
        try (Stream<Path> files = Files.list(orgs.orgData().resolve("archive"))) {
            return files.toList();
        }
    }

    private ImportPipeline importer(VaultSession org) {
        return new ImportPipeline(org.coordinator(), Organisation.require(org).identity(), new RecordValidator(Vocabulary.load()),
                null, Clock.systemUTC(), BundleLimits.DEFAULT);
    }
}
