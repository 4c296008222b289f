package org.tanik.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;
import org.tanik.model.TestimonyContent;
import org.tanik.model.TestimonySummary;

/**
 * Kills a child JVM with SIGKILL while it saves testimonies, 20 times over the same vault. After
 * each kill the vault must open, and every testimony reported as saved must hold either the last
 * reported content or the content of the write that was in flight.
 */
class CrashSafetyTest {

    static final String PASS = "crash test passphrase with many words";
    static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    void killedWhileSavingLosesNothingReportedAsSaved() throws Exception {
        Random random = new Random(7);
        Map<String, String> saved = new HashMap<>();
        int totalSaves = 0;
        for (int round = 0; round < KILLS; round++) {
            Map<String, Set<String>> acceptable = new HashMap<>();
            saved.forEach((id, h) -> acceptable.computeIfAbsent(id, k -> new HashSet<>()).add(h));
            Process p = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                    CrashWorker.class.getName(), dir.toString(), PASS).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("READY");
            long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100 + random.nextInt(900));
            String line;
            while (System.nanoTime() < killAt && (line = out.readLine()) != null) {
                String[] f = line.split(" ");
                if (f[0].equals("SAVED")) {
                    saved.put(f[1], f[2]);
                    acceptable.computeIfAbsent(f[1], k -> new HashSet<>()).add(f[2]);
                    totalSaves++;
                } else if (f[0].equals("SAVING") && !f[1].equals("new")) {
                    acceptable.computeIfAbsent(f[1], k -> new HashSet<>()).add(f[2]);
                }
            }
            // SIGKILL via the handle: Process.destroyForcibly() would also close our end of the pipe.
            p.toHandle().destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            // Lines the child printed before dying still count: they were promised.
            while ((line = out.readLine()) != null) {
                String[] f = line.split(" ");
                if (f.length == 3 && f[0].equals("SAVED")) {
                    saved.put(f[1], f[2]);
                    acceptable.computeIfAbsent(f[1], k -> new HashSet<>()).add(f[2]);
                } else if (f.length == 3 && f[0].equals("SAVING") && !f[1].equals("new")) {
                    acceptable.computeIfAbsent(f[1], k -> new HashSet<>()).add(f[2]);
                }
            }
            try (VaultSession s = new Vaults(Argon2Params.TESTING, Clock.systemUTC()).open(dir, PASS.toCharArray())) {
                List<TestimonySummary> list = s.testimonies().list();
                for (Map.Entry<String, String> e : saved.entrySet()) {
                    String actual = hash(s.testimonies().latest(e.getKey()).content());
                    assertThat(acceptable.get(e.getKey())).as("round %d, testimony %s", round, e.getKey()).contains(actual);
                    saved.put(e.getKey(), actual);
                }
                assertThat(list.size()).isGreaterThanOrEqualTo(saved.size());
            }
        }
        System.out.printf("crash-test: %d kills, %d saves reported, %d testimonies intact%n", KILLS, totalSaves,
                saved.size());
        assertThat(totalSaves).isPositive();
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String hash(TestimonyContent c) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(c.title().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(c.narrative().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
