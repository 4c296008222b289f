package org.tanik.coordinator.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tanik.bundle.BundleLimits;
import org.tanik.coordinator.ArchiveCheck;
import org.tanik.coordinator.FailingRead;
import org.tanik.coordinator.FailingWrite;
import org.tanik.coordinator.Volunteers;
import org.tanik.coordinator.search.SearchIndex;
import org.tanik.crypto.Fingerprint;
import org.tanik.crypto.Sha256;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.enrolment.Organisation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.i18n.Messages;
import org.tanik.model.Device;
import org.tanik.model.ReceivedBundle;
import org.tanik.model.Vocabulary;
import org.tanik.session.OpenVault;
import org.tanik.store.StoreInternals;
import org.tanik.store.VaultSession;
import org.tanik.store.coordinator.AuditLog;
import org.tanik.store.coordinator.CoordinatorStores;
import org.tanik.testing.CliRunner;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;
import org.tanik.testing.SampleTestimonies;
import org.tanik.volunteer.Outbox;

/**
 * A storage failure in the middle of a group commit. The batch is
 * {@code s1, big, b1, s3, tampered, s4}: s1 is verified long before the big bundle, so it is stored
 * alone in the first group; while the big one is verified, the small ones after it are too, so the
 * second group holds big, b1 (an unknown device: held), s3 and the rest. Storing s3, the third
 * bundle of that group, fails for real: its payload file cannot take its name, or one of its
 * database writes fails as a full or failing disk makes it fail. None of the second group may be
 * stored, the first group must stay, the person importing must be told plainly, and importing the
 * same files again must give every file its right verdict.
 */
class ImportGroupFailureTest {

    /** Records in the big bundle: enough that verifying it takes many times longer than a small one. */
    static final int BIG = 400;

    @TempDir
    static Path shared;

    static final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
    static Organisations orgs;
    static String deviceA;
    static String deviceB;
    static Outbox.Exported a1;
    static Outbox.Exported s1;
    static Outbox.Exported big;
    static Outbox.Exported b1;
    static Outbox.Exported s3;
    static Outbox.Exported s4;
    static Path tampered;
    static String tamperedSha;
    static String bigTestimony;
    static List<Path> batch;

    @TempDir
    Path dir;

    @BeforeAll
    static void bundles() throws Exception {
        orgs = new Organisations(shared, clock).createOrganisation("Org");
        try (VaultSession a = orgs.volunteer("a"); VaultSession b = orgs.volunteer("b")) {
            deviceA = Fingerprint.deviceId(a.device().publicKey());
            deviceB = Fingerprint.deviceId(b.device().publicKey());
            Organisations.sealed(a, "A bir");
            a1 = new Outbox(new OpenVault(a), clock).export(shared.resolve("a1.tanik"));
            Organisations.sealed(a, "S bir");
            s1 = new Outbox(new OpenVault(a), clock).export(shared.resolve("s1.tanik"));
            SampleTestimonies samples = new SampleTestimonies(7);
            for (int i = 0; i < BIG; i++) {
                String id = a.testimonies().create(samples.next(i)).id();
                a.testimonies().seal(id);
                if (i == 0) {
                    bigTestimony = id;
                }
            }
            big = new Outbox(new OpenVault(a), clock).export(shared.resolve("big.tanik"));
            Organisations.sealed(a, "S üç");
            s3 = new Outbox(new OpenVault(a), clock).export(shared.resolve("s3.tanik"));
            Organisations.sealed(a, "S dört");
            s4 = new Outbox(new OpenVault(a), clock).export(shared.resolve("s4.tanik"));
            Organisations.sealed(b, "B bir");
            b1 = new Outbox(new OpenVault(b), clock).export(shared.resolve("b1.tanik"));
        }
        byte[] bytes = Files.readAllBytes(s4.file());
        bytes[bytes.length / 2] ^= 0x10;
        tampered = Files.write(shared.resolve("tampered.tanik"), bytes);
        tamperedSha = Sha256.hex(bytes);
        assertThat(List.of(a1.sequence(), s1.sequence(), big.sequence(), s3.sequence(), s4.sequence(), b1.sequence()))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 1L);
        // The organisation knows device A (approved) and has stored its first bundle: the state each test starts from.
        try (VaultSession org = orgs.openOrg()) {
            ImportPipeline importer = importer(org, null);
            importer.importFile(a1.file());
            new Volunteers(org.coordinator(), clock).approve(deviceA, "A", importer);
        }
        batch = List.of(s1.file(), big.file(), b1.file(), s3.file(), tampered, s4.file());
    }

    /** Where the storing of s3 fails. */
    enum Fault {
        /** The payload's rename to {@code <bundle-id>.payload}: a directory holds that name. */
        PAYLOAD_RENAME,
        /** The bundle's received_bundle row: the disk is full. */
        RECEIVED_ROW,
        /** The bundle's archive_bundle row (payload key and record table): the disk is full. */
        ARCHIVE_ROW,
        /** The bundle's audit entry, its last write: the disk fails. */
        AUDIT_ENTRY,
        /** The bundle's received_bundle row: H2 fails inside, for no reason of the disk's. */
        DATABASE_INTERNAL
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aFailureInTheMiddleOfAGroupStoresNoneOfThatGroup(Fault fault) throws Exception {
        Path vault = copyOrganisation();
        Path blocker = data(vault).resolve("archive").resolve(s3.bundleId() + ".payload");
        try (VaultSession org = orgs.vaults().open(vault, Organisations.PASS)) {
            CoordinatorStores stores = org.coordinator();
            State before = State.of(org, vault);
            assertThat(before.bundles).containsExactly(a1.bundleId());
            Problem expected = switch (fault) {
                case PAYLOAD_RENAME -> {
                    Files.createDirectories(blocker.resolve("in-the-way"));
                    yield Problem.IO_FAILURE;
                }
                case RECEIVED_ROW -> {
                    FailingWrite.install(StoreInternals.connection(org), "received_bundle", "bundle_id", s3.bundleId(),
                            FailingWrite.Cause.DISK_FULL);
                    yield Problem.DISK_FULL;
                }
                case ARCHIVE_ROW -> {
                    FailingWrite.install(StoreInternals.connection(org), "archive_bundle", "bundle_id", s3.bundleId(),
                            FailingWrite.Cause.DISK_FULL);
                    yield Problem.DISK_FULL;
                }
                case AUDIT_ENTRY -> {
                    FailingWrite.install(StoreInternals.connection(org), "audit_log", "subject", s3.bundleId(),
                            FailingWrite.Cause.IO_ERROR);
                    yield Problem.IO_FAILURE;
                }
                case DATABASE_INTERNAL -> {
                    FailingWrite.install(StoreInternals.connection(org), "received_bundle", "bundle_id", s3.bundleId(),
                            FailingWrite.Cause.GENERAL);
                    yield Problem.DATABASE_ERROR;
                }
            };
            SearchIndex index = SearchIndex.build(stores);
            int indexed = index.size();
            List<ImportResult> reported = new ArrayList<>();
            Throwable thrown = catchThrowable(() -> importer(org, index).importFiles(batch,
                    (i, n, r) -> reported.add(r)));

            // The failure is s3's, and the person importing gets one plain sentence about it.
            assertThat(thrown).isInstanceOfSatisfying(TanikException.class,
                    e -> assertThat(e.problem()).isEqualTo(expected));
            String sentence = new Messages(Locale.ENGLISH).describe(thrown);
            assertThat(sentence).doesNotContain("{").doesNotContain("Exception").doesNotContain("H2");
            if (expected == Problem.DISK_FULL) {
                assertThat(sentence).isEqualTo("The disk is full. Nothing was lost; free some space and try again.");
            } else if (expected == Problem.DATABASE_ERROR) {
                // Not called damage: one transaction failed and was undone.
                assertThat(sentence).isEqualTo("The vault database could not finish this. It changed nothing, and "
                        + "nothing saved before was lost. Try again, and restart Tanik if it happens again.")
                        .doesNotContain(FailingWrite.Cause.GENERAL.reason);
            } else {
                assertThat(sentence).startsWith("A file could not be read or written: ")
                        .contains(fault == Fault.PAYLOAD_RENAME ? s3.bundleId() + ".payload" : "tanik.mv.db");
            }
            if (fault != Fault.PAYLOAD_RENAME) {
                assertThat(FailingWrite.failures).as("the fault fired once, for s3").hasValue(1);
            }
            // Only the first group was committed, so s1 alone has a verdict: big and b1 were in s3's group.
            assertThat(reported).as("the first group is s1 alone, reported once committed")
                    .extracting(ImportResult::file, ImportResult::verdict)
                    .containsExactly(tuple("s1.tanik", ImportResult.Verdict.IMPORTED));

            // The bundles checked ahead (the tampered one, s4) finish in the background and drop their staged files.
            awaitNoStagedFiles(vault);
            if (fault == Fault.PAYLOAD_RENAME) {
                assertThat(blocker.resolve("in-the-way")).as("the import did not touch what was in the way").isDirectory();
                deleteTree(blocker);
            }

            State after = State.of(org, vault);
            // The first group stays; nothing of the second: no rows, no payload file, no device change, no audit entry.
            assertThat(after.bundles).containsExactlyInAnyOrder(a1.bundleId(), s1.bundleId());
            assertThat(after.archiveBundles).containsExactlyInAnyOrder(a1.bundleId(), s1.bundleId());
            assertThat(after.payloadFiles).containsExactlyInAnyOrder(a1.bundleId() + ".payload", s1.bundleId() + ".payload");
            assertThat(after.devices).isEqualTo(Map.of(deviceA, 2L)); // s1's sequence; device B never registered
            assertThat(after.audit.intact()).isTrue();
            assertThat(after.auditEntries - before.auditEntries).isEqualTo(1);
            assertThat(after.auditSubjects).contains(s1.bundleId())
                    .doesNotContain(big.bundleId(), b1.bundleId(), s3.bundleId(), tamperedSha.substring(0, 16));
            // The in-memory catalogue and the search index follow the database.
            assertThat(stores.archive().countVersions()).isEqualTo(before.versions + 1);
            assertThatThrownBy(() -> stores.archive().versions(bigTestimony)).isInstanceOfSatisfying(TanikException.class,
                    e -> assertThat(e.problem()).isEqualTo(Problem.TESTIMONY_NOT_FOUND));
            assertThat(index.size()).isEqualTo(indexed + 1);
            assertThat(index.indexedVersion(bigTestimony)).isZero();

            // The fault gone, the same files again: every one gets its verdict, s1 is not stored twice.
            FailingWrite.remove(StoreInternals.connection(org));
            Map<String, ImportResult> again = new HashMap<>();
            importer(org, index).importFiles(batch, (i, n, r) -> again.put(r.file(), r));
            assertThat(again).hasSize(batch.size());
            assertThat(again.get("s1.tanik").verdict()).isEqualTo(ImportResult.Verdict.ALREADY_IMPORTED);
            assertThat(again.get("big.tanik").verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
            assertThat(again.get("big.tanik").records()).isEqualTo(BIG);
            assertThat(again.get("b1.tanik").verdict()).isEqualTo(ImportResult.Verdict.QUARANTINED);
            assertThat(again.get("s3.tanik").verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
            assertThat(again.get("s3.tanik").notes()).as("no gap: big, sequence 3, is stored").isEmpty();
            assertThat(again.get("tampered.tanik").verdict()).isEqualTo(ImportResult.Verdict.REJECTED);
            assertThat(again.get("s4.tanik").verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);

            State done = State.of(org, vault);
            List<String> imported = List.of(a1.bundleId(), s1.bundleId(), big.bundleId(), s3.bundleId(), s4.bundleId());
            assertThat(done.bundles).containsExactlyInAnyOrderElementsOf(concat(imported, b1.bundleId()));
            assertThat(done.archiveBundles).containsExactlyInAnyOrderElementsOf(imported);
            // b1, from a device not approved, is held as its file beside the payloads.
            assertThat(done.payloadFiles).containsExactlyInAnyOrderElementsOf(
                    concat(imported.stream().map(id -> id + ".payload").toList(), b1.bundleId() + ".held"));
            assertThat(done.devices).isEqualTo(Map.of(deviceA, 5L, deviceB, 0L)); // B is known now, pending, nothing imported from it
            assertThat(done.audit.intact()).isTrue();
            for (String id : imported.subList(1, imported.size())) {
                assertThat(Collections.frequency(done.auditSubjects, id)).as("audit entries for %s", id).isEqualTo(1);
            }
            assertThat(Collections.frequency(done.auditSubjects, tamperedSha.substring(0, 16))).isEqualTo(1);
            assertThat(stores.archive().countVersions()).isEqualTo(before.versions + 1 + BIG + 2);
            assertThat(index.size()).isEqualTo(indexed + 1 + BIG + 2);
        }
        // Opened again, the catalogue is rebuilt from the rows, and every record checks against what its device signed.
        try (VaultSession org = orgs.vaults().open(vault, Organisations.PASS)) {
            assertThat(org.coordinator().archive().countVersions()).isEqualTo(1 + 1 + BIG + 2);
            ArchiveCheck.Result check = ArchiveCheck.run(org.coordinator().archive());
            assertThat(check.intact()).as("every archived record checks against what its device signed").isTrue();
            assertThat(check.bundles()).isEqualTo(5);
            assertThat(check.records()).isEqualTo(1 + 1 + BIG + 2);
        }
    }

    /**
     * The search index follows a group after it committed, reading the review states. If that read
     * fails, the group is stored all the same, so its verdicts must have been reported before.
     */
    @Test
    void aFailureOfTheIndexAfterTheCommitStillReportsWhatWasStored() throws Exception {
        Path vault = copyOrganisation();
        try (VaultSession org = orgs.vaults().open(vault, Organisations.PASS)) {
            SearchIndex index = SearchIndex.build(org.coordinator());
            FailingRead.install(StoreInternals.connection(org), "review");
            Map<String, ImportResult> reported = new HashMap<>();
            List<Path> files = List.of(s1.file(), s3.file());
            assertThatThrownBy(() -> importer(org, index).importFiles(files, (i, n, r) -> reported.put(r.file(), r)))
                    .isInstanceOf(TanikException.class);
            assertThat(FailingRead.failures).as("the index's read failed").hasPositiveValue();
            FailingRead.remove(StoreInternals.connection(org));
            // Every bundle stored was reported as imported, before the failure surfaced.
            List<String> stored = org.coordinator().bundles().all().stream().map(ReceivedBundle::bundleId)
                    .filter(id -> !id.equals(a1.bundleId())).toList();
            assertThat(stored).isNotEmpty();
            assertThat(reported.values()).extracting(ImportResult::bundleId).containsExactlyInAnyOrderElementsOf(stored);
            assertThat(reported.values()).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.IMPORTED));
        }
    }

    @Test
    void theCommandLineSaysWhichFilesWereImportedAndWhichWereNot() throws Exception {
        Path vault = copyOrganisation();
        try (VaultSession org = orgs.vaults().open(vault, Organisations.PASS)) {
            FailingWrite.install(StoreInternals.connection(org), "archive_bundle", "bundle_id", s3.bundleId(),
                    FailingWrite.Cause.DISK_FULL);
        }
        CliRunner cli = new CliRunner(dir.resolve("home")).env("TANIK_PASSPHRASE", new String(Organisations.PASS));
        List<String> args = new ArrayList<>(List.of("import"));
        batch.forEach(f -> args.add(f.toString()));
        args.addAll(List.of("--vault", vault.toString()));

        CliRunner.Result failed = cli.run(args.toArray(String[]::new));
        assertThat(failed.code()).as("a problem the user can act on").isEqualTo(1);
        assertThat(failed.out().lines()).containsExactly("s1.tanik: imported");
        assertThat(failed.err().lines()).containsExactly(
                "Not imported: big.tanik, b1.tanik, s3.tanik, tampered.tanik, s4.tanik. Nothing of these files was "
                        + "stored; import them again once the problem below is solved.",
                "The disk is full. Nothing was lost; free some space and try again.");
        awaitNoStagedFiles(vault);
        try (VaultSession org = orgs.vaults().open(vault, Organisations.PASS)) {
            assertThat(State.of(org, vault).bundles).containsExactlyInAnyOrder(a1.bundleId(), s1.bundleId());
            FailingWrite.remove(StoreInternals.connection(org));
        }

        // The same command again: a verdict line for every file, exit 1 because one file is refused.
        CliRunner.Result again = cli.run(args.toArray(String[]::new));
        assertThat(again.err()).isEmpty();
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.out().lines()).containsExactly(
                "s1.tanik: already imported",
                "big.tanik: imported",
                "b1.tanik: quarantined (device " + deviceB + " is not approved yet)",
                "s3.tanik: imported",
                "tampered.tanik: rejected: The bundle's encrypted content was changed or cut short, so it cannot be trusted.",
                "s4.tanik: imported");
    }

    /** What a failed group must leave as it was, read from the tables and the folder themselves. */
    record State(List<String> bundles, List<String> archiveBundles, List<String> payloadFiles, Map<String, Long> devices,
                 AuditLog.Verification audit, long auditEntries, List<String> auditSubjects, int versions) {

        static State of(VaultSession org, Path vault) throws SQLException, IOException {
            Map<String, Long> devices = new HashMap<>();
            for (Device d : org.coordinator().devices().list()) {
                devices.put(d.id(), d.lastSequence());
            }
            List<AuditLog.Entry> entries = org.coordinator().audit().entries();
            return new State(ids(org, "received_bundle"), ids(org, "archive_bundle"), archiveFolder(vault), devices,
                    org.coordinator().audit().verify(), entries.size(),
                    entries.stream().map(AuditLog.Entry::subject).toList(), org.coordinator().archive().countVersions());
        }

        private static List<String> ids(VaultSession org, String table) throws SQLException {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = StoreInternals.connection(org).prepareStatement(
                    "SELECT CAST(bundle_id AS VARCHAR) FROM " + table + " ORDER BY bundle_id");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        }
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }

    /** The copied organisation vault's compartment, where its archive is. */
    static Path data(Path vault) {
        return org.tanik.store.TestCompartments.of(vault, org.tanik.testing.Organisations.PASS);
    }

    static List<String> archiveFolder(Path vault) throws IOException {
        try (Stream<Path> files = Files.list(data(vault).resolve("archive"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** Waits (up to 30 s) until no staged payload is left in the archive folder. */
    static void awaitNoStagedFiles(Path vault) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (archiveFolder(vault).stream().anyMatch(n -> n.endsWith(".staged"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("staged payloads left behind: " + archiveFolder(vault));
            }
            Thread.sleep(20);
        }
    }

    private Path copyOrganisation() throws IOException {
        return copy(dir.resolve("org"));
    }

    Path copy(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(orgs.orgDir())) {
            for (Path p : files.toList()) {
                Path to = target.resolve(orgs.orgDir().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static ImportPipeline importer(VaultSession org, SearchIndex index) {
        X25519Identity identity = Organisation.require(org).identity();
        return new ImportPipeline(org.coordinator(), identity, new RecordValidator(Vocabulary.load()), index, clock,
                BundleLimits.DEFAULT);
    }
}
