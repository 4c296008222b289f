package org.tanik.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;
import org.tanik.session.OpenVault;
import org.tanik.session.VaultAccess;
import org.tanik.store.Vaults;
import org.tanik.testing.SampleTestimonies;

/**
 * Unlock time with the real passphrase and with the duress passphrase on the same vault (issue 17:
 * the two medians should differ by less than 10%). Not part of the normal test run:
 * {@code mvn -B test -Dtest=UnlockTimingBenchmark}. The shipped Argon2id parameters; the real vault
 * holds {@code -Dtanik.bench.testimonies} testimonies (default 200), the decoy three. The two kinds
 * alternate (and so does which of the two goes first) so that a slower moment of the machine falls
 * on both. Timed: the unlock call (key
 * derivation, both slots, opening the database), not the lock.
 *
 * <p>{@code -Dtanik.bench.passes=N} makes the vault with N Argon2id passes of the shipped memory instead
 * of the shipped passes: N = 2 is a vault made before issue 19, which keeps its cost (security.md).
 */
class UnlockTimingBenchmark {

    static final int RUNS = 20;
    static final char[] PASS = "benchmark passphrase with enough words şğı".toCharArray();
    static final char[] DURESS = "a different passphrase for the decoy üç".toCharArray();

    @TempDir
    Path dir;

    @Test
    void realAndDuressUnlocks() {
        int testimonies = Integer.getInteger("tanik.bench.testimonies", 200);
        Argon2Params params = new Argon2Params(Argon2Params.DEFAULT.memoryKiB(),
                Integer.getInteger("tanik.bench.passes", Argon2Params.DEFAULT.iterations()),
                Argon2Params.DEFAULT.parallelism());
        VaultAccess access = new VaultAccess(new Vaults(params, Clock.systemUTC()));
        SampleTestimonies samples = new SampleTestimonies(17);
        Path vault = dir.resolve("vault");
        try (OpenVault real = access.create(vault, PASS.clone())) {
            for (int i = 0; i < testimonies; i++) {
                real.store().testimonies().create(samples.next(i));
            }
            real.setDuress(DURESS.clone(), false, decoy -> {
                for (int i = 0; i < 3; i++) {
                    decoy.store().testimonies().create(samples.next(i));
                }
            });
        }
        // One of each first: class loading and the file cache, not what is measured.
        access.unlock(vault, PASS.clone()).close();
        access.unlock(vault, DURESS.clone()).close();
        List<Double> real = new ArrayList<>();
        List<Double> duress = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            // Which goes first alternates too: an unlock pays for the garbage and the disk writes the
            // lock before it left, which would otherwise always fall on the same kind.
            if (i % 2 == 0) {
                real.add(time(access, vault, PASS));
                duress.add(time(access, vault, DURESS));
            } else {
                duress.add(time(access, vault, DURESS));
                real.add(time(access, vault, PASS));
            }
        }
        double realMedian = percentile(real, 50);
        double duressMedian = percentile(duress, 50);
        System.out.printf("unlock-bench: %d runs each, Argon2id %s, real vault %d testimonies, decoy 3, Java %s%n",
                RUNS, params, testimonies, System.getProperty("java.version"));
        System.out.printf("unlock-bench: real   median %.0f ms, p90 %.0f ms%n", realMedian, percentile(real, 90));
        System.out.printf("unlock-bench: duress median %.0f ms, p90 %.0f ms%n", duressMedian, percentile(duress, 90));
        System.out.printf("unlock-bench: duress/real median ratio %.3f (p90 ratio %.3f)%n", duressMedian / realMedian,
                percentile(duress, 90) / percentile(real, 90));
    }

    private static double time(VaultAccess access, Path vault, char[] passphrase) {
        char[] copy = passphrase.clone();
        long t0 = System.nanoTime();
        OpenVault v = access.unlock(vault, copy);
        double ms = (System.nanoTime() - t0) / 1e6;
        v.close();
        return ms;
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
