package org.tanik.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.bundle.BundleLimits;
import org.tanik.enrolment.Organisation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.TestimonyContent;
import org.tanik.model.Vocabulary;
import org.tanik.testing.LeakScanner;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;
import org.tanik.vault.Archive;
import org.tanik.vault.VaultSession;

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
        LeakScanner temp = LeakScanner.snapshotTemp();
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
            Importer importer = importer(org);
            importer.importFile(b1);
            new Volunteers(org.coordinator(), clock).approve(
                    org.coordinator().devices().list().get(0).fingerprint(), "vol", importer);
            assertThat(importer.importFile(b2).verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
        }
        Files.delete(b1);
        Files.delete(b2);
        int[] scanned = {0};
        assertThat(temp.findIn(List.of(dir), List.of(MARKER, "Pasaport iptali"), scanned)).isEmpty();
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
            try (java.sql.PreparedStatement s = org.connection().prepareStatement(
                    "UPDATE archive_bundle SET signature = ? WHERE bundle_id = CAST(? AS UUID)")) {
                s.setBytes(1, signature);
                s.setString(2, evidence.get(1).bundleId());
                s.executeUpdate();
            }
            try (java.sql.PreparedStatement s = org.connection().prepareStatement(
                    "UPDATE archive_bundle SET manifest = ? WHERE bundle_id = CAST(? AS UUID)")) {
                s.setBytes(1, evidence.get(1).manifest()); // the second bundle's manifest for the first
                s.setString(2, evidence.get(0).bundleId());
                s.executeUpdate();
            }
            ArchiveCheck.Result bad = ArchiveCheck.run(org.coordinator().archive());
            assertThat(bad.problems()).containsExactly(
                    "bundle " + evidence.get(0).bundleId() + ": the kept manifest belongs to another bundle",
                    "bundle " + evidence.get(1).bundleId() + ": the manifest's signature does not verify");
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
            assertThat(check.problems()).hasSize(2)
                    .allMatch(p -> p.endsWith("a record's bytes no longer match their hash (record_tampered)"));
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
        }
    }

    @Test
    void strayFilesInTheArchiveFolderAreRemovedOnOpen() throws Exception {
        Path archive = orgs.orgDir().resolve("archive");
        Files.write(archive.resolve("0b7e1a1e-0000-4000-8000-000000000000.payload"), new byte[100]);
        Files.write(archive.resolve("x.staged"), new byte[100]);
        try (VaultSession org = orgs.openOrg()) {
            assertThat(payloads()).hasSize(2);
            assertThat(org.coordinator().archive().versions(second)).hasSize(1);
        }
    }

    private List<Path> payloads() throws Exception {
        try (Stream<Path> files = Files.list(orgs.orgDir().resolve("archive"))) {
            return files.toList();
        }
    }

    private Importer importer(VaultSession org) {
        return new Importer(org.coordinator(), Organisation.require(org).identity(), new RecordValidator(Vocabulary.load()),
                null, Clock.systemUTC(), BundleLimits.DEFAULT);
    }
}
