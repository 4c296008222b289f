package org.tanik.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.coordinator.AddIntakeTest.assertProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.coordinator.imports.ImportResult.Verdict;
import org.tanik.coordinator.imports.QuarantineLimits;
import org.tanik.crypto.Random;
import org.tanik.enrolment.Organisation;
import org.tanik.error.Problem;
import org.tanik.model.Device;
import org.tanik.model.Vocabulary;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.sync.AllowList;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;
import org.tanik.work.Progress;

/**
 * The coordinator's fetch against an intake in memory: what is imported, tied, acknowledged and
 * remembered, in which order, and what a lost connection, a cancel or a second run leave.
 */
class IntakeFetchTest {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
    final FakeIntake intake = new FakeIntake();
    final String tA = FakeIntake.transportKey();
    final String tB = FakeIntake.transportKey();
    Organisations orgs;
    OpenVault vault;
    CoordinatorDesk desk;
    /** Bundle files of two enrolled volunteers, in the order each exported them. */
    final List<Path> fromA = new ArrayList<>();
    final List<Path> fromB = new ArrayList<>();

    @BeforeEach
    void organisationWithVolunteers() {
        orgs = new Organisations(dir.resolve("vaults"), clock).createOrganisation("İHD");
        try (VaultSession a = orgs.volunteer("a"); VaultSession b = orgs.volunteer("b")) {
            for (int i = 1; i <= 3; i++) {
                Organisations.sealed(a, "A" + i);
                fromA.add(orgs.export(a, "a" + i + ".tanik"));
                Organisations.sealed(b, "B" + i);
                fromB.add(orgs.export(b, "b" + i + ".tanik"));
            }
        }
        vault = new OpenVault(orgs.openOrg());
        desk = new CoordinatorDesk(vault, Vocabulary.load(), clock, intake);
        // Not an onion address: with direct-allowed, no proxy is needed.
        desk.organisation().addIntake("https://intake.example.org", AddIntakeTest.PIN, AddIntakeTest.KEY, "direct-allowed");
    }

    @AfterEach
    void lock() {
        vault.close();
    }

    IntakeFetch.Result fetch() {
        return fetch(Progress.none());
    }

    IntakeFetch.Result fetch(Progress<ImportResult> progress) {
        return desk.intakeFetch().fetch(null, false, QuarantineLimits.DEFAULT, progress);
    }

    @Test
    void fetchesImportsTiesKeysAcknowledgesAndPublishesTheAllowList() {
        String a1 = intake.upload(fromA.get(0), tA);
        String b1 = intake.upload(fromB.get(0), tB);

        IntakeFetch.Result first = fetch();
        assertThat(first.verdicts()).extracting(ImportResult::verdict).containsExactly(Verdict.QUARANTINED, Verdict.QUARANTINED);
        assertThat(intake.acknowledged).containsExactly(a1, b1);
        assertThat(ledgerCursor()).isEqualTo(2);
        assertThat(incomingFiles()).isEmpty();
        String deviceA = first.verdicts().get(0).device();
        String deviceB = first.verdicts().get(1).device();
        assertThat(vault.store().coordinator().intake().keys()).isEqualTo(Map.of(tA, Set.of(deviceA), tB, Set.of(deviceB)));
        // Published first (nothing known yet), and again once new keys were tied.
        assertThat(intake.published).hasSize(2);
        assertThat(list(0).approved()).isEmpty();

        desk.approve(fingerprint(deviceA), "a");
        assertThat(fetch().fetched()).isZero();
        AllowList afterApproval = list(2);
        assertThat(afterApproval.approved()).containsExactly(tA);
        assertThat(afterApproval.revoked()).isEmpty();

        desk.revoke(fingerprint(deviceB), "lost");
        fetch();
        AllowList afterRevocation = list(3);
        assertThat(afterRevocation.approved()).containsExactly(tA);
        assertThat(afterRevocation.revoked()).containsExactly(tB);
        assertThat(afterRevocation.serial()).isGreaterThan(afterApproval.serial());
        assertThat(afterApproval.serial()).isGreaterThan(list(1).serial());
        // The link signs as the organisation: with the key whose public half the intake was told to trust.
        assertThat(org.tanik.crypto.Ed25519.publicKey(intake.organisationKeySeen))
                .isEqualTo(Organisation.require(vault.store()).signingPublicKey());
    }

    @Test
    void acknowledgesOnlyWhatTheVaultHoldsAndResumesAfterALostConnection() {
        String a1 = intake.upload(fromA.get(0), tA);
        String a2 = intake.upload(fromA.get(1), tA);
        intake.beforeAck = sha -> assertThat(vault.store().coordinator().bundles().byFileHash(sha))
                .as("acknowledged only once committed").isPresent();
        intake.unreachable.add(a2);

        assertProblem(this::fetch, Problem.SYNC_UNREACHABLE);
        assertThat(intake.acknowledged).isEmpty();
        assertThat(vault.store().coordinator().bundles().all()).isEmpty();
        assertThat(ledgerCursor()).isZero();

        intake.unreachable.clear();
        assertThat(fetch().verdicts()).extracting(ImportResult::verdict).containsExactly(Verdict.QUARANTINED, Verdict.QUARANTINED);
        assertThat(intake.acknowledged).containsExactly(a1, a2);
        assertThat(intake.downloads).as("a1 arrived whole before the connection was lost: not fetched again")
                .containsExactly(a1 + "@0", a2 + "@0", a2 + "@0");
        assertThat(ledgerCursor()).isEqualTo(2);
    }

    @Test
    void aPartialDownloadResumesFromWhatArrived() throws IOException {
        String a1 = intake.upload(fromA.get(0), tA);
        Path incoming = Files.createDirectories(vault.directory().resolve("incoming"));
        byte[] bytes = Files.readAllBytes(fromA.get(0));
        Files.write(incoming.resolve(a1 + ".part"), java.util.Arrays.copyOf(bytes, 100));

        assertThat(fetch().verdicts()).extracting(ImportResult::verdict).containsExactly(Verdict.QUARANTINED);
        assertThat(intake.downloads).containsExactly(a1 + "@100");
        assertThat(incomingFiles()).isEmpty();
    }

    @Test
    void cancellingBetweenBundlesLeavesNothingHalfDoneAndARerunImportsNothingTwice() {
        List<String> shas = Stream.of(0, 1, 2).map(i -> intake.upload(fromA.get(i), tA)).toList();
        // Cancel as soon as one bundle is stored: the importer asks between bundles, also inside a group commit.
        IntakeFetch.Result stopped = fetch(Progress.of((done, total, r) -> { },
                () -> !vault.store().coordinator().bundles().all().isEmpty()));

        assertThat(stopped.cancelled()).isTrue();
        assertThat(stopped.verdicts()).hasSize(1);
        assertThat(intake.acknowledged).containsExactly(shas.get(0));
        assertThat(ledgerCursor()).isEqualTo(1);
        assertThat(vault.store().coordinator().bundles().all()).hasSize(1);

        IntakeFetch.Result rest = fetch();
        assertThat(rest.cancelled()).isFalse();
        assertThat(rest.verdicts()).hasSize(2).extracting(ImportResult::verdict).containsOnly(Verdict.QUARANTINED);
        assertThat(intake.acknowledged).containsExactlyElementsOf(shas);
        assertThat(vault.store().coordinator().bundles().all()).hasSize(3);
        assertThat(ledgerCursor()).isEqualTo(3);

        assertThat(fetch().fetched()).isZero();
        assertThat(vault.store().coordinator().bundles().all()).hasSize(3);
        assertThat(incomingFiles()).isEmpty();
    }

    @Test
    void aBundleAlreadyImportedFromAFileIsSaidSoAndAcknowledgedButTiesNoKey() {
        String deviceA = desk.importFiles(List.of(fromA.get(0)), Progress.none()).get(0).device();
        desk.approve(fingerprint(deviceA), "a");
        String a1 = intake.upload(fromA.get(0), tA);

        assertThat(fetch().verdicts()).extracting(ImportResult::verdict).containsExactly(Verdict.ALREADY_IMPORTED);
        assertThat(intake.acknowledged).containsExactly(a1);
        // Anyone holding a copy of the file could have uploaded it: that earns the uploader's key nothing.
        assertThat(vault.store().coordinator().intake().devicesOf(tA)).isEmpty();
    }

    @Test
    void aTransportKeyThatUploadedBundlesOfTwoDevicesIsAuditedAndNeverApproved() {
        intake.upload(fromA.get(0), tA);
        intake.upload(fromB.get(0), tA);
        IntakeFetch.Result r = fetch();
        assertThat(desk.auditEntries()).filteredOn(e -> e.action().equals("intake.sharedkey")).hasSize(1)
                .allMatch(e -> e.subject().equals(tA));
        r.verdicts().forEach(v -> desk.approve(fingerprint(v.device()), "x"));
        fetch();
        AllowList last = list(intake.published.size() - 1);
        assertThat(last.approved()).doesNotContain(tA);
        assertThat(last.revoked()).doesNotContain(tA);
        assertThat(desk.verifyAudit().intact()).isTrue();
    }

    @Test
    void aHostileBundleIsRefusedAcknowledgedAndKeptForTheCoordinator() throws IOException {
        Path garbage = dir.resolve("garbage.tanik");
        Files.write(garbage, Random.bytes(5000));
        String sha = intake.upload(garbage, tB);

        ImportResult r = fetch().verdicts().get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(intake.acknowledged).containsExactly(sha);
        assertThat(vault.directory().resolve("incoming/refused/" + sha + ".tanik")).hasSameBinaryContentAs(garbage);
        assertThat(vault.store().coordinator().intake().keys()).as("a refused bundle names no device").isEmpty();
        assertThat(ledgerCursor()).isEqualTo(1);
    }

    @Test
    void aBundleRefusedBecauseTheQuarantineIsFullStaysOnTheIntakeAndTheCursorWaits() {
        String a1 = intake.upload(fromA.get(0), tA);
        String b1 = intake.upload(fromB.get(0), tB);
        String a2 = intake.upload(fromA.get(1), tA);
        IntakeFetch.Result full = desk.intakeFetch().fetch(null, false, new QuarantineLimits(16L << 20, 1), Progress.none());
        assertThat(full.verdicts()).extracting(ImportResult::verdict)
                .containsExactly(Verdict.QUARANTINED, Verdict.REJECTED, Verdict.QUARANTINED);
        assertThat(intake.acknowledged).containsExactly(a1, a2);
        assertThat(ledgerCursor()).isEqualTo(1);
        assertThat(vault.directory().resolve("incoming/" + b1 + ".tanik")).exists();

        IntakeFetch.Result again = fetch();
        assertThat(again.verdicts()).extracting(ImportResult::verdict).containsExactly(Verdict.QUARANTINED, Verdict.QUARANTINED);
        assertThat(intake.acknowledged).containsExactly(a1, a2, b1, a2);
        assertThat(ledgerCursor()).isEqualTo(3);
        assertThat(intake.downloads).filteredOn(d -> d.startsWith(b1)).hasSize(1);
    }

    @Test
    void theRouteIsTheOneRulesAndNothingConnectsWithoutTheProxyItNeeds() {
        desk.organisation().addIntake(AddIntakeTest.URL, AddIntakeTest.PIN, AddIntakeTest.KEY, "tor-only");
        assertProblem(() -> fetch(), Problem.SYNC_PROXY_REQUIRED);
        assertProblem(() -> desk.intakeFetch().plan(null, false), Problem.SYNC_PROXY_REQUIRED);
        assertThat(intake.calls).isEmpty();
        IntakeFetch.Plan plan = desk.intakeFetch().plan("socks5://127.0.0.1:9050", false);
        assertThat(plan.proxy()).isEqualTo("127.0.0.1:9050");
        assertThat(plan.route()).isEqualTo("tor-only");
        assertProblem(() -> desk.intakeFetch().plan("http://127.0.0.1:9050", false), Problem.INVALID_PROXY);

        desk.organisation().addIntake("https://intake.example.org", AddIntakeTest.PIN, AddIntakeTest.KEY, "direct-allowed");
        assertThat(desk.intakeFetch().plan(null, false).direct()).isTrue();
        assertProblem(() -> desk.intakeFetch().plan(null, true), Problem.SYNC_PROXY_REQUIRED);
    }

    @Test
    void withoutAnIntakeTheFetchIsRefusedAsNotConfigured() {
        try (OpenVault other = new OpenVault(new Organisations(dir.resolve("other"), clock).createOrganisation("x").openOrg())) {
            CoordinatorDesk d = new CoordinatorDesk(other, Vocabulary.load(), clock, intake);
            assertProblem(() -> d.intakeFetch().fetch(null, false, QuarantineLimits.DEFAULT, Progress.none()),
                    Problem.SYNC_NOT_CONFIGURED);
        }
        assertThat(intake.calls).isEmpty();
    }

    private AllowList list(int i) {
        return AllowList.verify(intake.published.get(i), Organisation.require(vault.store()).signingPublicKey()).orElseThrow();
    }

    private long ledgerCursor() {
        return vault.store().coordinator().intake().cursor();
    }

    private String fingerprint(String deviceId) {
        return desk.volunteers().stream().filter(d -> d.id().equals(deviceId)).map(Device::fingerprint).findFirst().orElseThrow();
    }

    private List<Path> incomingFiles() {
        Path incoming = vault.directory().resolve("incoming");
        if (!Files.exists(incoming)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(incoming)) {
            return s.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
