package org.tanik.coordinator.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.bundle.BundleLimits;
import org.tanik.coordinator.Volunteers;
import org.tanik.enrolment.Organisation;
import org.tanik.model.Vocabulary;
import org.tanik.store.VaultSession;
import org.tanik.testing.Organisations;
import org.tanik.testing.SampleTestimonies;

/**
 * Kills an importing JVM with SIGKILL while it imports a large bundle. On reopen the bundle is
 * either wholly stored or not at all, and importing it again succeeds.
 */
class ImportCrashTest {

    static final int RECORDS = 1500;

    @TempDir
    Path dir;

    @Test
    void killedImportStoresNothingOfThatBundle() throws Exception {
        Clock clock = Clock.systemUTC();
        Organisations orgs = new Organisations(dir, clock).createOrganisation("Org");
        Path small;
        Path large;
        try (VaultSession v = orgs.volunteer("vol")) {
            Organisations.sealed(v, "first");
            small = orgs.export(v, "small.tanik");
            SampleTestimonies samples = new SampleTestimonies(1);
            for (int i = 0; i < RECORDS; i++) {
                v.testimonies().seal(v.testimonies().create(samples.next(i)).id());
            }
            large = orgs.export(v, "large.tanik");
        }
        try (VaultSession org = orgs.openOrg()) {
            ImportPipeline importer = importer(org, clock);
            importer.importFile(small);
            String fp = org.coordinator().devices().list().get(0).fingerprint();
            new Volunteers(org.coordinator(), clock).approve(fp, "vol", importer);
            assertThat(org.coordinator().archive().countVersions()).isEqualTo(1);
        }

        Random random = new Random(11);
        int interrupted = 0;
        int betweenRenameAndCommit = 0;
        boolean completed = false;
        Path archiveDir = orgs.orgData().resolve("archive");
        // First kills at seeded random moments (they land in verification or staging); then kills
        // triggered by the payload's rename to its final name, until one lands after that rename
        // and before the rows commit: the one window where all-or-nothing needs the cleanup on open.
        for (int round = 0; round < 10 && !completed && !(round >= 3 && betweenRenameAndCommit > 0); round++) {
            boolean killOnRename = round >= 3;
            boolean renamed = false;
            try (WatchService watch = FileSystems.getDefault().newWatchService()) {
                archiveDir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        System.getProperty("java.class.path"), ImportWorker.class.getName(), orgs.orgDir().toString(),
                        new String(Organisations.PASS), large.toString()).redirectErrorStream(true).start();
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String line;
                do {
                    line = out.readLine();
                } while (line != null && !line.equals("START"));
                assertThat(line).isEqualTo("START");
                if (killOnRename) {
                    renamed = awaitFinalPayload(watch);
                    assertThat(renamed).as("round %d: the worker renamed its payload", round).isTrue();
                } else {
                    Thread.sleep(random.nextInt(150 + round * 100));
                }
                p.toHandle().destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
                if (!killOnRename) {
                    renamed = finalPayloadSeen(watch.poll());
                }
            }
            try (VaultSession org = orgs.openOrg()) {
                int versions = org.coordinator().archive().countVersions();
                boolean stored = org.coordinator().bundles().all().size() == 2;
                assertThat(versions).as("round %d: all or nothing", round).isIn(1, 1 + RECORDS);
                assertThat(stored).isEqualTo(versions == 1 + RECORDS);
                if (versions == 1) {
                    interrupted++;
                    if (renamed) {
                        betweenRenameAndCommit++;
                    }
                } else {
                    completed = true;
                }
                System.out.printf("import-crash-test: round %d killed %s%n", round,
                        versions != 1 ? "after the commit" : renamed ? "between the payload rename and the commit"
                                : "before the payload rename");
                assertThat(org.coordinator().audit().verify().intact()).isTrue();
                // Opening removed any payload the killed import staged or renamed without its rows.
                assertThat(archiveFiles(orgs.orgData())).as("round %d: payload files", round).hasSize(versions == 1 ? 1 : 2)
                        .allMatch(name -> name.endsWith(".payload"));
            }
        }
        assertThat(interrupted).as("at least one kill landed inside the import").isPositive();
        assertThat(betweenRenameAndCommit).as("a kill landed after the payload rename, before the commit").isPositive();
        try (VaultSession org = orgs.openOrg()) {
            ImportResult again = importer(org, clock).importFile(large);
            assertThat(again.verdict()).isIn(ImportResult.Verdict.IMPORTED, ImportResult.Verdict.ALREADY_IMPORTED);
            assertThat(org.coordinator().archive().countVersions()).isEqualTo(1 + RECORDS);
            List<String> read = new ArrayList<>();
            org.coordinator().archive().forEachLatest(e -> read.add(e.testimony().content().title()));
            assertThat(read).hasSize(1 + RECORDS);
        }
        assertThat(archiveFiles(orgs.orgData())).hasSize(2);
        try (VaultSession org = orgs.openOrg()) {
            assertThat(org.coordinator().archive().countVersions()).as("opened again").isEqualTo(1 + RECORDS);
        }
        System.out.printf("import-crash-test: %d kills inside the import (%d between rename and commit), nothing stored each time%n",
                interrupted, betweenRenameAndCommit);
    }

    /** Waits (a minute at most) until a payload gets its final name in the watched archive folder. */
    private static boolean awaitFinalPayload(WatchService watch) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            WatchKey key = watch.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (key == null) {
                return false;
            }
            if (finalPayloadSeen(key)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the events of {@code key} include a file given the final ".payload" name. */
    private static boolean finalPayloadSeen(WatchKey key) {
        if (key == null) {
            return false;
        }
        boolean seen = false;
        for (WatchEvent<?> e : key.pollEvents()) {
            // An OVERFLOW (events lost) proves nothing, so it does not count.
            if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE
                    && e.context() instanceof Path p && p.toString().endsWith(".payload")) {
                seen = true;
            }
        }
        key.reset();
        return seen;
    }

    private static List<String> archiveFiles(Path vault) throws IOException {
        try (Stream<Path> files = Files.list(vault.resolve("archive"))) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    private static ImportPipeline importer(VaultSession org, Clock clock) {
        return new ImportPipeline(org.coordinator(), Organisation.require(org).identity(), new RecordValidator(Vocabulary.load()),
                null, clock, BundleLimits.DEFAULT);
    }
}
