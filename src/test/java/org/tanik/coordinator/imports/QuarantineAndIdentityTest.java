package org.tanik.coordinator.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.bundle.BundleException;
import org.tanik.bundle.BundleLimits;
import org.tanik.bundle.BundleWriter;
import org.tanik.bundle.TestimonyRecords;
import org.tanik.coordinator.Volunteers;
import org.tanik.crypto.Fingerprint;
import org.tanik.crypto.age.AgeDecryptor;
import org.tanik.crypto.age.AgeEncryptor;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.crypto.age.X25519Recipient;
import org.tanik.enrolment.Organisation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.DeviceState;
import org.tanik.model.Testimony;
import org.tanik.model.Vocabulary;
import org.tanik.store.StoreInternals;
import org.tanik.store.VaultSession;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;
import org.tanik.work.Progress;

/**
 * What a device the organisation has not approved can cost it, and how devices are told apart: the
 * hardening of the import against floods, forged invitations, altered registries and seized keys.
 */
class QuarantineAndIdentityTest {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));

    ImportPipeline importer(VaultSession org, QuarantineLimits quarantine) {
        return new ImportPipeline(org.coordinator(), Organisation.require(org).identity(),
                new RecordValidator(Vocabulary.load()), null, clock, BundleLimits.DEFAULT, quarantine);
    }

    ImportPipeline importer(VaultSession org) {
        return importer(org, QuarantineLimits.DEFAULT);
    }

    @Test
    void aHeldBundleIsAFileBesideTheDatabaseNeverABlob() throws Exception {
        Organisations orgs = new Organisations(dir, clock).createOrganisation("Org");
        VaultSession v = orgs.volunteer("v");
        Organisations.sealed(v, "held");
        Path bundle = orgs.export(v, "b1.tanik");
        try (VaultSession org = orgs.openOrg()) {
            ImportResult r = importer(org).importFile(bundle);
            assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.QUARANTINED);
            Path held = orgs.orgData().resolve("archive").resolve(r.bundleId() + ".held");
            assertThat(held).exists().hasSameBinaryContentAs(bundle);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(held))).isEqualTo("rw-------");
            try (PreparedStatement s = StoreInternals.connection(org).prepareStatement("SELECT held_file FROM received_bundle");
                 ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBytes(1)).isNull();
            }
            List<ImportResult> released = new Volunteers(org.coordinator(), clock)
                    .approve(v.device().fingerprint(), "v", importer(org));
            assertThat(released).singleElement().extracting(ImportResult::verdict).isEqualTo(ImportResult.Verdict.IMPORTED);
            assertThat(held).doesNotExist();
        }
    }

    @Test
    void aLargeBundleFromAnUnapprovedDeviceIsRefusedBeforeItIsReadAndAcceptedOnceApproved() throws Exception {
        Organisations orgs = new Organisations(dir, clock).createOrganisation("Org");
        VaultSession v = orgs.volunteer("v");
        Organisations.sealed(v, "small first");
        Path first = orgs.export(v, "b1.tanik");
        v.testimonies().seal(v.testimonies().create(org.tanik.model.TestimonyContent.empty().withTitle("large")
                .withNarrative("uzun anlatı ".repeat(2_000))).id());
        Path large = orgs.export(v, "b2.tanik");
        QuarantineLimits small = new QuarantineLimits(16 << 10, 100);
        try (VaultSession org = orgs.openOrg()) {
            assertThat(importer(org, small).importFile(first).verdict()).isEqualTo(ImportResult.Verdict.QUARANTINED);
            ImportResult refused = importer(org, small).importFile(large);
            assertThat(refused.verdict()).isEqualTo(ImportResult.Verdict.REJECTED);
            assertThat(refused.reason().key()).isEqualTo(BundleException.Reason.OVER_DEVICE_LIMIT.key());
            assertThat(refused.reason().text(Locale.ENGLISH)).contains("not approved yet");
            assertThat(heldFiles(orgs)).hasSize(1);

            new Volunteers(org.coordinator(), clock).approve(v.device().fingerprint(), "v", importer(org, small));
            assertThat(importer(org, small).importFile(large).verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
        }
    }

    @Test
    void newDevicesStopAtTheNumberThatMayWait() throws Exception {
        Organisations orgs = new Organisations(dir, clock).createOrganisation("Org");
        List<Path> firsts = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            VaultSession v = orgs.volunteer(name);
            Organisations.sealed(v, name);
            firsts.add(orgs.export(v, name + ".tanik"));
            v.close();
        }
        try (VaultSession org = orgs.openOrg()) {
            List<ImportResult> results = importer(org, new QuarantineLimits(16 << 20, 2))
                    .importFiles(firsts, Progress.none());
            assertThat(results).extracting(ImportResult::verdict).containsExactly(ImportResult.Verdict.QUARANTINED,
                    ImportResult.Verdict.QUARANTINED, ImportResult.Verdict.REJECTED);
            assertThat(results.get(2).reason().key()).isEqualTo("import.reason.tooManyPending");
            assertThat(org.coordinator().devices().countPending()).isEqualTo(2);
            assertThat(heldFiles(orgs)).hasSize(2);
        }
    }

    @Test
    void aDeviceIsItsPublicKeyNotItsStoredId() throws Exception {
        Organisations orgs = new Organisations(dir, clock).createOrganisation("Org");
        VaultSession v = orgs.volunteer("v");
        Organisations.sealed(v, "one");
        Path first = orgs.export(v, "b1.tanik");
        Organisations.sealed(v, "two");
        Path second = orgs.export(v, "b2.tanik");
        try (VaultSession org = orgs.openOrg()) {
            importer(org).importFile(first);
            new Volunteers(org.coordinator(), clock).approve(v.device().fingerprint(), "v", importer(org));
            // Someone with the vault open alters the stored key of the approved device.
            try (PreparedStatement s = StoreInternals.connection(org).prepareStatement("UPDATE device SET public_key = ?")) {
                s.setBytes(1, new byte[32]);
                s.executeUpdate();
            }
            ImportResult r = importer(org).importFile(second);
            assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.REJECTED);
            assertThat(r.reason().key()).isEqualTo("import.reason.deviceKeyMismatch");
            assertThat(org.coordinator().archive().countVersions()).isEqualTo(1);
        }
    }

    @Test
    void fingerprintsPeopleCompareCarryAboutOneHundredBitsAndTheShortIdIsTheirStart() throws Exception {
        Organisations orgs = new Organisations(dir, clock).createOrganisation("Org");
        VaultSession v = orgs.volunteer("v");
        String fingerprint = v.device().fingerprint();
        assertThat(fingerprint).matches("\\d{5}( \\d{5}){5}");
        assertThat(Fingerprint.deviceId(v.device().publicKey())).isEqualTo(fingerprint.substring(0, 23));
        Organisations.sealed(v, "one");
        Path first = orgs.export(v, "b1.tanik");
        try (VaultSession org = orgs.openOrg()) {
            assertThat(Organisation.require(org).fingerprint()).matches("\\d{5}( \\d{5}){5}");
            importer(org).importFile(first);
            Volunteers volunteers = new Volunteers(org.coordinator(), clock);
            assertThat(volunteers.list()).singleElement().satisfies(d -> assertThat(d.fingerprint()).isEqualTo(fingerprint));
            // One digit off in the groups beyond the short id: not this device.
            String wrong = fingerprint.substring(0, 34) + (fingerprint.charAt(34) == '0' ? '1' : '0');
            assertThat(catchThrowableOfType(TanikException.class, () -> volunteers.approve(wrong, "x", importer(org)))
                    .problem()).isEqualTo(Problem.DEVICE_NOT_FOUND);
            assertThat(volunteers.approve(fingerprint.replace(" ", ""), "v", importer(org))).hasSize(1);
        }
    }

    @Test
    void aSeizedKeyCannotBackdateABundleIntoTheArchive() throws Exception {
        Organisations orgs = new Organisations(dir, clock).createOrganisation("Org");
        VaultSession v = orgs.volunteer("v");
        Organisations.sealed(v, "before");
        Path first = orgs.export(v, "b1.tanik");
        Instant early = clock.instant();
        clock.advance(Duration.ofDays(2));
        try (VaultSession org = orgs.openOrg()) {
            importer(org).importFile(first);
            Volunteers volunteers = new Volunteers(org.coordinator(), clock);
            volunteers.approve(v.device().fingerprint(), "v", importer(org));
            volunteers.revoke(v.device().fingerprint(), "laptop seized");
        }
        // Whoever holds the key now makes the next bundle with a date from before the revocation.
        clock.advance(Duration.between(clock.instant(), early.plusSeconds(60)));
        Organisations.sealed(v, "forged, backdated");
        Path forged = orgs.export(v, "b2.tanik");
        try (VaultSession org = orgs.openOrg()) {
            ImportResult r = importer(org).importFile(forged);
            assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.REJECTED);
            assertThat(r.reason().key()).isEqualTo("import.reason.revokedSequence");
            assertThat(r.reason().text(Locale.ENGLISH)).contains("2").contains("(1)");
        }
    }

    @Test
    void aHeldBundleRefusedAtApprovalLeavesQuarantineWithItsVerdict() throws Exception {
        Organisations orgs = new Organisations(dir, clock).createOrganisation("Org");
        VaultSession v = orgs.volunteer("v");
        Organisations.sealed(v, "damaged while held");
        Path bundle = orgs.export(v, "b1.tanik");
        try (VaultSession org = orgs.openOrg()) {
            ImportResult r = importer(org).importFile(bundle);
            Path held = orgs.orgData().resolve("archive").resolve(r.bundleId() + ".held");
            byte[] bytes = Files.readAllBytes(held);
            bytes[bytes.length - 40] ^= 1;
            Files.write(held, bytes);
            List<ImportResult> released = new Volunteers(org.coordinator(), clock)
                    .approve(v.device().fingerprint(), "v", importer(org));
            assertThat(released).singleElement().satisfies(x -> {
                assertThat(x.verdict()).isEqualTo(ImportResult.Verdict.REJECTED);
                assertThat(x.reason().key()).isEqualTo(BundleException.Reason.PAYLOAD_DAMAGED.key());
            });
            assertThat(org.coordinator().bundles().all()).isEmpty();
            assertThat(held).doesNotExist();
            assertThat(org.coordinator().audit().entries()).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("import.rejected");
                assertThat(e.subject()).isEqualTo(r.bundleId());
            });
            // Sent again, it is judged again: held no more, the device being approved now.
            assertThat(importer(org).importFile(bundle).verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
        }
    }

    @Test
    void revokingAWaitingDeviceEmptiesItsQuarantine() throws Exception {
        Organisations orgs = new Organisations(dir, clock).createOrganisation("Org");
        VaultSession v = orgs.volunteer("v");
        Organisations.sealed(v, "never approved");
        Path bundle = orgs.export(v, "b1.tanik");
        try (VaultSession org = orgs.openOrg()) {
            importer(org).importFile(bundle);
            new Volunteers(org.coordinator(), clock).revoke(v.device().fingerprint(), "not ours");
            assertThat(org.coordinator().bundles().all()).isEmpty();
            assertThat(heldFiles(orgs)).isEmpty();
            assertThat(org.coordinator().devices().list()).singleElement()
                    .extracting(d -> d.state()).isEqualTo(DeviceState.REVOKED);
        }
    }

    @Test
    void aBundleAlsoAddressedToAnotherKeyIsRefusedByImportAndVerifyAlike() throws Exception {
        Organisations orgs = new Organisations(dir, clock).createOrganisation("Org");
        VaultSession v = orgs.volunteer("v");
        String id = Organisations.sealed(v, "for two");
        Testimony t = v.testimonies().latest(id);
        Path forged = dir.resolve("forged.tanik");
        try (VaultSession org = orgs.openOrg()) {
            X25519Recipient orgKey = Organisation.require(org).identity().recipient();
            X25519Recipient hostile = X25519Identity.generate().recipient();
            try (OutputStream out = Files.newOutputStream(forged)) {
                BundleWriter.write(out, List.of(orgKey, hostile), v.device().privateKey(), 1, null, clock.instant(),
                        TestimonyRecords.toEntries(List.of(t)));
            }
            ImportResult r = importer(org).importFile(forged);
            assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.REJECTED);
            assertThat(r.reason().key()).isEqualTo("import.reason.otherRecipients");
            assertThat(r.reason().text(Locale.ENGLISH)).contains(hostile.encode()).contains("forged");
            assertThat(org.coordinator().bundles().all()).isEmpty();
            assertThat(heldFiles(orgs)).isEmpty();
        }
    }

    @Test
    void theSameSignedContentInAnotherFileIsAlreadyImportedNotAReplay() throws Exception {
        Organisations orgs = new Organisations(dir, clock).createOrganisation("Org");
        VaultSession v = orgs.volunteer("v");
        Organisations.sealed(v, "once");
        Path bundle = orgs.export(v, "b1.tanik");
        try (VaultSession org = orgs.openOrg()) {
            X25519Identity identity = Organisation.require(org).identity();
            importer(org).importFile(bundle);
            ImportResult first = new Volunteers(org.coordinator(), clock)
                    .approve(v.device().fingerprint(), "v", importer(org)).get(0);
            assertThat(first.verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
            // Someone who can read it encrypts the same payload again: another file, the same signed manifest.
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            try (InputStream in = AgeDecryptor.decrypt(Files.newInputStream(bundle), List.of(identity))) {
                in.transferTo(plain);
            }
            Path again = dir.resolve("again.tanik");
            try (OutputStream out = AgeEncryptor.encrypt(List.of(identity.recipient()), Files.newOutputStream(again))) {
                out.write(plain.toByteArray());
            }
            assertThat(Files.readAllBytes(again)).isNotEqualTo(Files.readAllBytes(bundle));
            ImportResult r = importer(org).importFile(again);
            assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.ALREADY_IMPORTED);
            assertThat(r.notes()).singleElement().satisfies(n -> assertThat(n.text(Locale.ENGLISH))
                    .isEqualTo("The same signed content as bundle " + first.bundleId()
                            + ", already imported (this file was encrypted again)."));
            assertThat(org.coordinator().bundles().all()).hasSize(1);
        }
    }

    private List<Path> heldFiles(Organisations orgs) throws Exception {
        Path archive = orgs.orgData().resolve("archive");
        if (!Files.isDirectory(archive)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(archive)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".held")).toList();
        }
    }
}
