package org.tanik.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;
import org.tanik.model.TestimonyContent;
import org.tanik.model.TestimonySummary;
import org.tanik.store.VaultSession;
import org.tanik.store.Vaults;
import org.tanik.store.volunteer.TestimonyStore;
import org.tanik.testing.SampleTestimonies;

/**
 * Prints the vault's figures for 10,000 realistic testimonies. Not part of the normal test run:
 * {@code mvn -B test -Dtest=VaultBenchmark}. Targets: unlock 0.5-1.5 s, save median under 20 ms,
 * list under 1 s, under 300 MB resident.
 *
 * The vault is filled here; the figures come from a fresh child JVM started with the launcher's
 * memory options, so resident memory is that of a process doing what the app does, not of JUnit.
 */
class VaultBenchmark {

    static final int COUNT = 10_000;
    static final String PASS = "benchmark passphrase with enough words şğı";

    @TempDir
    Path dir;

    @Test
    void tenThousandTestimonies() throws Exception {
        Vaults vaults = new Vaults(Argon2Params.DEFAULT, Clock.systemUTC());
        SampleTestimonies samples = new SampleTestimonies(42);
        long t0 = System.nanoTime();
        VaultSession session = vaults.create(dir, PASS.toCharArray());
        System.out.printf("vault-bench: create (incl. KDF) %.2f s%n", secs(t0));
        long fill = System.nanoTime();
        for (int i = 0; i < COUNT; i++) {
            session.testimonies().create(samples.next(i));
        }
        session.compactAndClose();
        System.out.printf("vault-bench: filled %d testimonies in %.1f s; database file %.1f MB%n", COUNT, secs(fill),
                Files.size(org.tanik.store.TestCompartments.of(dir, PASS.toCharArray()).resolve("tanik.mv.db")) / 1e6);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:MaxHeapFreeRatio=30", "-XX:MinHeapFreeRatio=10",
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(), dir.toString(), PASS)
                .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            r.lines().forEach(System.out::println);
        }
        child.waitFor();
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Runs in the child JVM: unlock, list, save, and report resident memory. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            Vaults vaults = new Vaults(Argon2Params.DEFAULT, Clock.systemUTC());
            double[] unlocks = new double[5];
            for (int i = 0; i < unlocks.length; i++) {
                long u = System.nanoTime();
                vaults.open(dir, args[1].toCharArray()).close();
                unlocks[i] = secs(u);
            }
            Arrays.sort(unlocks);
            System.out.printf("vault-bench: unlock median %.2f s (min %.2f, max %.2f; Argon2id %d MiB, t=%d, p=%d)%n",
                    unlocks[2], unlocks[0], unlocks[4], Argon2Params.DEFAULT.memoryKiB() / 1024,
                    Argon2Params.DEFAULT.iterations(), Argon2Params.DEFAULT.parallelism());
            SampleTestimonies samples = new SampleTestimonies(43);
            try (VaultSession s = vaults.open(dir, args[1].toCharArray())) {
                TestimonyStore store = s.testimonies();
                List<TestimonySummary> list = null;
                for (int i = 0; i < 4; i++) {
                    long l = System.nanoTime();
                    list = store.list();
                    System.out.printf("vault-bench: list of %d in %.0f ms (%s)%n", list.size(), secs(l) * 1000,
                            i == 0 ? "first, cold" : "again");
                }
                int saves = 500;
                double[] ms = new double[saves];
                for (int i = 0; i < saves; i++) {
                    String id = list.get(i * 7 % list.size()).id();
                    TestimonyContent edited = samples.next(COUNT + i);
                    long w = System.nanoTime();
                    store.saveDraft(id, edited);
                    ms[i] = (System.nanoTime() - w) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf("vault-bench: save one testimony: median %.2f ms, p99 %.2f ms (%d saves)%n",
                        ms[saves / 2], ms[(int) (saves * 0.99)], saves);
                System.gc();
                System.out.printf("vault-bench: resident memory %s (JVM -Xmx512m, no GUI), heap used %.0f MB%n", rss(),
                        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6);
            }
        }

        private static String rss() throws Exception {
            Path status = Path.of("/proc/self/status");
            if (!Files.exists(status)) {
                return "n/a";
            }
            return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS")).findFirst()
                    .map(l -> l.replaceAll("\\s+", " ").substring(6).trim()).orElse("n/a");
        }
    }
}
