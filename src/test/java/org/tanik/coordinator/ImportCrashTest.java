package org.tanik.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.bundle.BundleLimits;
import org.tanik.enrolment.Organisation;
import org.tanik.model.Vocabulary;
import org.tanik.testing.Organisations;
import org.tanik.testing.SampleTestimonies;
import org.tanik.vault.VaultSession;

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
            Importer importer = importer(org, clock);
            importer.importFile(small);
            String fp = org.coordinator().devices().list().get(0).fingerprint();
            new Volunteers(org.coordinator(), clock).approve(fp, "vol", importer);
            assertThat(org.coordinator().archive().countVersions()).isEqualTo(1);
        }

        Random random = new Random(11);
        int interrupted = 0;
        boolean completed = false;
        for (int round = 0; round < 6 && !completed; round++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), ImportWorker.class.getName(), orgs.orgDir().toString(),
                    new String(Organisations.PASS), large.toString()).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("START"));
            assertThat(line).isEqualTo("START");
            Thread.sleep(round < 5 ? random.nextInt(150 + round * 100) : 0);
            p.toHandle().destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            try (VaultSession org = orgs.openOrg()) {
                int versions = org.coordinator().archive().countVersions();
                boolean stored = org.coordinator().bundles().all().size() == 2;
                assertThat(versions).as("round %d: all or nothing", round).isIn(1, 1 + RECORDS);
                assertThat(stored).isEqualTo(versions == 1 + RECORDS);
                if (versions == 1) {
                    interrupted++;
                } else {
                    completed = true;
                }
                assertThat(org.coordinator().audit().verify().intact()).isTrue();
                // Opening removed any payload the killed import staged or renamed without its rows.
                assertThat(archiveFiles(orgs.orgDir())).as("round %d: payload files", round).hasSize(versions == 1 ? 1 : 2)
                        .allMatch(name -> name.endsWith(".payload"));
            }
        }
        assertThat(interrupted).as("at least one kill landed inside the import").isPositive();
        try (VaultSession org = orgs.openOrg()) {
            ImportResult again = importer(org, clock).importFile(large);
            assertThat(again.verdict()).isIn(ImportResult.Verdict.IMPORTED, ImportResult.Verdict.ALREADY_IMPORTED);
            assertThat(org.coordinator().archive().countVersions()).isEqualTo(1 + RECORDS);
            List<String> read = new ArrayList<>();
            org.coordinator().archive().forEachLatest(e -> read.add(e.testimony().content().title()));
            assertThat(read).hasSize(1 + RECORDS);
        }
        assertThat(archiveFiles(orgs.orgDir())).hasSize(2);
        try (VaultSession org = orgs.openOrg()) {
            assertThat(org.coordinator().archive().countVersions()).as("opened again").isEqualTo(1 + RECORDS);
        }
        System.out.printf("import-crash-test: %d kills inside the import, nothing stored each time%n", interrupted);
    }

    private static List<String> archiveFiles(Path vault) throws IOException {
        try (Stream<Path> files = Files.list(vault.resolve("archive"))) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    private static Importer importer(VaultSession org, Clock clock) {
        return new Importer(org.coordinator(), Organisation.require(org).identity(), new RecordValidator(Vocabulary.load()),
                null, clock, BundleLimits.DEFAULT);
    }
}
