package org.tanik.coordinator.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.bundle.BundleException;
import org.tanik.bundle.BundleLimits;
import org.tanik.coordinator.Volunteers;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.enrolment.Organisation;
import org.tanik.model.ReceivedBundle;
import org.tanik.model.Vocabulary;
import org.tanik.store.VaultSession;
import org.tanik.store.coordinator.AuditLog;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;

/**
 * The admission rules alone, each outcome from a checked bundle: refused (not read, not verified,
 * not acceptable, too many devices waiting), held, stored, already imported, and the release of a
 * held bundle. The checks are made by {@link BundleCheck} or built by hand; no JavaFX.
 */
class AdmissionTest {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
    Organisations orgs;
    VaultSession volunteer;
    Path first;
    Path second;

    @BeforeEach
    void bundles() {
        orgs = new Organisations(dir, clock).createOrganisation("Org");
        volunteer = orgs.volunteer("v");
        Organisations.sealed(volunteer, "one");
        first = orgs.export(volunteer, "b1.tanik");
        Organisations.sealed(volunteer, "two");
        second = orgs.export(volunteer, "b2.tanik");
    }

    @Test
    void aFileNotReadThroughIsRefusedWithItsReasonAndNothingIsAudited() {
        try (VaultSession org = orgs.openOrg()) {
            int before = audit(org).size();
            ImportResult r = arrive(org, QuarantineLimits.DEFAULT,
                    new Checked.Unread("big.tanik", ImportNote.of("import.reason.tooLarge")));
            assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.REJECTED);
            assertThat(r.reason().key()).isEqualTo("import.reason.tooLarge");
            assertThat(r.bundleId()).isNull();
            assertThat(audit(org)).hasSize(before);
        }
    }

    @Test
    void anUnverifiedFileIsRefusedAndAuditedUnderItsHash() {
        String sha = "ab".repeat(32);
        try (VaultSession org = orgs.openOrg()) {
            ImportResult r = arrive(org, QuarantineLimits.DEFAULT,
                    new Checked.Unverified("bad.tanik", sha, BundleException.Reason.BAD_SIGNATURE));
            assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.REJECTED);
            assertThat(r.reason().key()).isEqualTo(BundleException.Reason.BAD_SIGNATURE.key());
            assertThat(audit(org)).last().satisfies(e -> {
                assertThat(e.action()).isEqualTo("import.rejected");
                assertThat(e.subject()).isEqualTo(sha.substring(0, 16));
                assertThat(e.detail()).contains("audit.detail.rejectedUnverified");
            });
        }
    }

    @Test
    void aFileFromAnUnknownDeviceIsHeldThenAFileAlreadyReceivedIsNotReadAgain() throws Exception {
        try (VaultSession org = orgs.openOrg()) {
            ImportResult held = arrive(org, QuarantineLimits.DEFAULT, check(org).file(first, known(org)));
            assertThat(held.verdict()).isEqualTo(ImportResult.Verdict.QUARANTINED);
            assertThat(org.coordinator().devices().countPending()).isEqualTo(1);
            assertThat(org.coordinator().bundles().byId(held.bundleId()).orElseThrow().state())
                    .isEqualTo(ReceivedBundle.State.QUARANTINED);
            // The same file again, even one that would now fail verification: its hash is known, so it is held already.
            String sha = org.coordinator().bundles().byId(held.bundleId()).orElseThrow().fileSha256();
            ImportResult again = arrive(org, QuarantineLimits.DEFAULT,
                    new Checked.Unverified("b1.tanik", sha, BundleException.Reason.BAD_SIGNATURE));
            assertThat(again.verdict()).isEqualTo(ImportResult.Verdict.QUARANTINED);
            assertThat(again.bundleId()).isEqualTo(held.bundleId());
        }
    }

    @Test
    void aBundleOfAnApprovedDeviceIsStoredAndItsFileIsThenAlreadyImported() {
        try (VaultSession org = orgs.openOrg()) {
            arrive(org, QuarantineLimits.DEFAULT, check(org).file(first, known(org)));
            new Volunteers(org.coordinator(), clock).approve(volunteer.device().fingerprint(), "v", pipeline(org));
            int before = org.coordinator().archive().countVersions();
            ImportResult stored = arrive(org, QuarantineLimits.DEFAULT, check(org).file(second, known(org)));
            assertThat(stored.verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
            assertThat(stored.records()).isPositive();
            int after = org.coordinator().archive().countVersions();
            assertThat(after).isEqualTo(before + stored.records());
            ImportResult again = arrive(org, QuarantineLimits.DEFAULT, check(org).file(second, known(org)));
            assertThat(again.verdict()).isEqualTo(ImportResult.Verdict.ALREADY_IMPORTED);
            assertThat(org.coordinator().archive().countVersions()).isEqualTo(after);
        }
    }

    @Test
    void anAuthenticBundleTheOrganisationDoesNotAcceptIsRefusedWithItsReasonAudited() {
        try (VaultSession org = orgs.openOrg()) {
            ImportResult r;
            try (Checked verified = check(org).file(first, known(org))) {
                Checked.Authentic a = (Checked.Authentic) verified;
                r = arrive(org, QuarantineLimits.DEFAULT, new Checked.Unacceptable(a.name(), a.sha(), a.bundle(),
                        ImportNote.of("import.reason.invalid.notSealed", "some-id")));
            }
            assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.REJECTED);
            assertThat(r.reason().key()).isEqualTo("import.reason.invalid.notSealed");
            assertThat(org.coordinator().devices().countPending()).as("nothing held").isZero();
            assertThat(audit(org)).last().satisfies(e -> {
                assertThat(e.action()).isEqualTo("import.rejected");
                assertThat(e.subject()).isEqualTo(r.bundleId());
            });
        }
    }

    @Test
    void aNewDeviceBeyondTheNumberThatMayWaitIsRefused() {
        VaultSession other = orgs.volunteer("w");
        Organisations.sealed(other, "w");
        Path fromOther = orgs.export(other, "w1.tanik");
        QuarantineLimits one = new QuarantineLimits(16 << 20, 1);
        try (VaultSession org = orgs.openOrg()) {
            assertThat(arrive(org, one, check(org).file(first, known(org))).verdict())
                    .isEqualTo(ImportResult.Verdict.QUARANTINED);
            ImportResult r = arrive(org, one, check(org).file(fromOther, known(org)));
            assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.REJECTED);
            assertThat(r.reason().key()).isEqualTo("import.reason.tooManyPending");
            // A second bundle of the device already waiting is held: the bound is on devices, not bundles.
            assertThat(arrive(org, one, check(org).file(second, known(org))).verdict())
                    .isEqualTo(ImportResult.Verdict.QUARANTINED);
        }
    }

    @Test
    void aHeldBundleThatNoLongerVerifiesIsRefusedAndLeavesQuarantine() {
        try (VaultSession org = orgs.openOrg()) {
            ImportResult held = arrive(org, QuarantineLimits.DEFAULT, check(org).file(first, known(org)));
            ReceivedBundle row = org.coordinator().bundles().byId(held.bundleId()).orElseThrow();
            ImportResult r = admission(org, QuarantineLimits.DEFAULT).released(row,
                    new Checked.Unverified("bundle " + row.bundleId(), null, BundleException.Reason.BAD_SIGNATURE));
            assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.REJECTED);
            assertThat(org.coordinator().bundles().byId(held.bundleId())).isEmpty();
            assertThat(Files.exists(orgs.orgData().resolve("archive").resolve(held.bundleId() + ".held"))).isFalse();
        }
    }

    @Test
    void aHeldBundleReleasedAfterApprovalIsStored() throws Exception {
        try (VaultSession org = orgs.openOrg()) {
            ImportResult held = arrive(org, QuarantineLimits.DEFAULT, check(org).file(first, known(org)));
            org.coordinator().inTransaction(() -> org.coordinator().devices().approve(held.device(), "v"));
            ReceivedBundle row = org.coordinator().bundles().byId(held.bundleId()).orElseThrow();
            ImportResult r;
            try (Checked c = check(org).file(first, known(org))) {
                r = admission(org, QuarantineLimits.DEFAULT).released(row, c);
            }
            assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
            assertThat(org.coordinator().bundles().byId(held.bundleId()).orElseThrow().state())
                    .isEqualTo(ReceivedBundle.State.IMPORTED);
            assertThat(r.records()).isPositive();
            assertThat(org.coordinator().archive().countVersions()).isEqualTo(r.records());
        }
    }

    /** The verdict on one checked file, admitted in its own transaction as the pipeline does. */
    private ImportResult arrive(VaultSession org, QuarantineLimits quarantine, Checked c) {
        ImportResult[] r = new ImportResult[1];
        try (c) {
            GroupCommit.run(org.coordinator(), group -> r[0] = admission(org, quarantine).arrived(c, group))
                    .forEach(Runnable::run);
        }
        return r[0];
    }

    private Admission admission(VaultSession org, QuarantineLimits quarantine) {
        return new Admission(org.coordinator(), null, clock, quarantine);
    }

    private static BundleCheck check(VaultSession org) {
        X25519Identity identity = Organisation.require(org).identity();
        return new BundleCheck(org.coordinator().archive().payloads(), identity,
                new BundleAcceptance(new RecordValidator(Vocabulary.load()), List.of(identity.recipient().encode())),
                null, BundleLimits.DEFAULT, QuarantineLimits.DEFAULT);
    }

    private static KnownDevices known(VaultSession org) {
        return KnownDevices.of(org.coordinator().devices().list());
    }

    private ImportPipeline pipeline(VaultSession org) {
        return new ImportPipeline(org.coordinator(), Organisation.require(org).identity(),
                new RecordValidator(Vocabulary.load()), null, clock, BundleLimits.DEFAULT);
    }

    private static List<AuditLog.Entry> audit(VaultSession org) {
        return org.coordinator().audit().entries();
    }
}
