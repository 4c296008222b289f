package org.tanik.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.bundle.BundleLimits;
import org.tanik.coordinator.imports.ImportPipeline;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.coordinator.imports.RecordValidator;
import org.tanik.coordinator.search.SearchIndex;
import org.tanik.coordinator.search.SearchQuery;
import org.tanik.crypto.Fingerprint;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.enrolment.Organisation;
import org.tanik.model.DeviceState;
import org.tanik.model.ReviewState;
import org.tanik.model.Vocabulary;
import org.tanik.store.VaultSession;
import org.tanik.store.coordinator.Archive;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;

/**
 * The end-to-end case in one test: volunteers enrol with one organisation, make testimonies
 * and export bundles; the coordinator imports them all in shuffled order with one duplicate, one
 * tampered bundle and one from a revoked device.
 */
class CoordinatorEndToEndTest {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));

    @Test
    void shuffledImportWithDuplicateTamperedAndRevoked() throws Exception {
        Organisations orgs = new Organisations(dir, clock).createOrganisation("İnsan Hakları");
        VaultSession a = orgs.volunteer("a");
        VaultSession b = orgs.volunteer("b");
        VaultSession c = orgs.volunteer("c");

        // Each device's first bundle arrives first and is quarantined until the device is approved.
        String a1 = Organisations.sealed(a, "A bir");
        Path bundleA1 = orgs.export(a, "a1.tanik");
        String b1 = Organisations.sealed(b, "B bir");
        Path bundleB1 = orgs.export(b, "b1.tanik");
        String c1 = Organisations.sealed(c, "C bir");
        Path bundleC1 = orgs.export(c, "c1.tanik");

        // Later work: A amends a1 and adds a2; B adds b2; C exports one bundle before and one after its revocation.
        clock.advance(Duration.ofHours(1));
        a.testimonies().amend(a1);
        a.testimonies().seal(a1);
        String a2 = Organisations.sealed(a, "A iki");
        Path bundleA2 = orgs.export(a, "a2.tanik");
        String b2 = Organisations.sealed(b, "B iki");
        List<String> bMore = List.of(Organisations.sealed(b, "B üç"), Organisations.sealed(b, "B dört"),
                Organisations.sealed(b, "B beş")); // a bundle of several records, as real ones are
        Path bundleB2 = orgs.export(b, "b2.tanik");
        String c2 = Organisations.sealed(c, "C iki, before revocation");
        Path bundleC2 = orgs.export(c, "c2.tanik");
        Organisations.sealed(c, "C iki b, before revocation");
        Path bundleC2b = orgs.export(c, "c2b.tanik"); // arrives before the revocation, so c2 is a late arrival
        clock.advance(Duration.ofHours(1));
        Instant revokedAt = clock.instant();
        clock.advance(Duration.ofHours(1));
        Organisations.sealed(c, "C üç, after revocation");
        Path bundleC3 = orgs.export(c, "c3.tanik");

        Path duplicate = Files.copy(bundleA2, dir.resolve("a2-copy.tanik"));
        byte[] tamperedBytes = Files.readAllBytes(bundleB2);
        tamperedBytes[tamperedBytes.length / 2] ^= 0x10;
        Path tampered = Files.write(dir.resolve("b2-tampered.tanik"), tamperedBytes);

        try (VaultSession org = orgs.openOrg()) {
            X25519Identity identity = Organisation.require(org).identity();
            var stores = org.coordinator();
            SearchIndex index = SearchIndex.build(stores);
            ImportPipeline importer = new ImportPipeline(stores, identity, new RecordValidator(Vocabulary.load()), index, clock,
                    BundleLimits.DEFAULT);
            Volunteers volunteers = new Volunteers(stores, clock);

            assertThat(verdicts(importer, List.of(bundleA1, bundleB1, bundleC1))).containsOnlyKeys("a1.tanik", "b1.tanik",
                    "c1.tanik").containsValues(ImportResult.Verdict.QUARANTINED);
            assertThat(stores.archive().countVersions()).isZero();
            for (var d : volunteers.list()) {
                assertThat(d.state()).isEqualTo(DeviceState.PENDING);
                assertThat(volunteers.approve(d.fingerprint(), "label " + d.fingerprint().substring(0, 5), importer))
                        .singleElement().satisfies(r -> assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.IMPORTED));
            }
            assertThat(importer.importFile(bundleC2b).verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
            clock.advance(Duration.ofHours(1)); // the coordinator revokes C at a moment between C's two later bundles
            String cFingerprint = Fingerprint.deviceId(c.device().publicKey());
            stores.inTransaction(() -> stores.devices().revoke(cFingerprint, "laptop seized", revokedAt));

            List<Path> batch = new ArrayList<>(List.of(bundleA2, bundleB2, bundleC2, bundleC3, duplicate, tampered));
            Collections.shuffle(batch, new Random(2016));
            Map<String, ImportResult> results = new HashMap<>();
            importer.importFiles(batch, (i, n, r) -> results.put(r.file(), r));

            assertThat(results.get("a2.tanik").verdict()).isIn(ImportResult.Verdict.IMPORTED,
                    ImportResult.Verdict.ALREADY_IMPORTED);
            assertThat(results.get("a2-copy.tanik").verdict()).isIn(ImportResult.Verdict.IMPORTED,
                    ImportResult.Verdict.ALREADY_IMPORTED);
            assertThat(List.of(results.get("a2.tanik").verdict(), results.get("a2-copy.tanik").verdict()))
                    .containsExactlyInAnyOrder(ImportResult.Verdict.IMPORTED, ImportResult.Verdict.ALREADY_IMPORTED);
            assertThat(results.get("b2.tanik").verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
            assertThat(results.get("b2-tampered.tanik").verdict()).isEqualTo(ImportResult.Verdict.REJECTED);
            assertThat(results.get("c2.tanik").verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
            assertThat(results.get("c2.tanik").notes()).anySatisfy(n -> assertThat(n.text(Locale.ENGLISH)).contains("Flagged")
                    .contains("laptop seized"));
            assertThat(results.get("c3.tanik").verdict()).isEqualTo(ImportResult.Verdict.REJECTED);
            assertThat(results.get("c3.tanik").reason().text(Locale.ENGLISH)).contains("revoked");
            assertThat(results.get("c3.tanik").reason().text(Locale.forLanguageTag("tr"))).contains("iptal");

            // Exactly the right versions, the newest of a1 being its amendment.
            Set<String> archived = new TreeSet<>();
            for (String id : List.of(a1, a2, b1, b2, c1, c2)) {
                for (Archive.Entry e : stores.archive().versions(id)) {
                    archived.add(e.testimony().content().title() + " v" + e.testimony().version());
                }
            }
            for (String id : bMore) {
                stores.archive().versions(id).forEach(e -> archived.add(e.testimony().content().title()));
            }
            assertThat(archived).containsExactlyInAnyOrder("A bir v1", "A bir v2", "A iki v1", "B bir v1", "B iki v1",
                    "B üç", "B dört", "B beş", "C bir v1", "C iki, before revocation v1");
            assertThat(stores.archive().countVersions()).isEqualTo(11); // with C iki b
            assertThat(index.search(SearchQuery.all().withText("bir"))).extracting(ArchiveItem::version)
                    .containsExactlyInAnyOrder(2, 1, 1);
            assertThat(stores.archive().provenance(c2, 1)).hasValueSatisfying(p -> {
                assertThat(p.device()).isEqualTo(cFingerprint);
                assertThat(p.verification()).contains("flagged");
            });
            assertThat(stores.bundles().all()).hasSize(7); // a1 a2 b1 b2 c1 c2 c2b: nothing from the tampered or c3

            new ReviewDesk(stores, index).change(a2, ReviewState.NEEDS_FOLLOW_UP, null, "call the witness again");
            new ReviewDesk(stores, index).change(b2, ReviewState.DUPLICATE, a2, "same event");
            assertThat(stores.reviews().history(a2)).singleElement().satisfies(e -> assertThat(e.note())
                    .isEqualTo("call the witness again"));
            assertThat(index.search(SearchQuery.all().withReviewState(ReviewState.NEEDS_FOLLOW_UP)))
                    .extracting(ArchiveItem::id).containsExactly(a2);

            var audit = stores.audit().verify();
            assertThat(audit.intact()).isTrue();
            assertThat(audit.entries()).isGreaterThanOrEqualTo(14);
            identity.destroy();
        }
        // Opened again, the archive reads the same versions back from its payload files.
        try (VaultSession org = orgs.openOrg()) {
            var stores = org.coordinator();
            assertThat(stores.archive().countVersions()).isEqualTo(11);
            assertThat(stores.archive().versions(bMore.get(2))).singleElement()
                    .satisfies(e -> assertThat(e.testimony().content().title()).isEqualTo("B beş"));
            assertThat(SearchIndex.build(stores).search(SearchQuery.all().withText("bir"))).hasSize(3);
            assertThat(ArchiveCheck.run(stores.archive()).intact()).isTrue();
            assertThat(stores.audit().verify().intact()).isTrue();
        } finally {
            a.close();
            b.close();
            c.close();
        }
    }

    private static Map<String, ImportResult.Verdict> verdicts(ImportPipeline importer, List<Path> files) {
        Map<String, ImportResult.Verdict> out = new HashMap<>();
        importer.importFiles(files, (i, n, r) -> out.put(r.file(), r.verdict()));
        return out;
    }
}
