package org.tanik.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
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
 * each kill the vault must open without falling back to an earlier state, and every testimony
 * must hold exactly its last reported save, or the save that was in flight when the kill came.
 * Any older content is a lost update and fails, so a worker that reports saves it did not make
 * is caught.
 */
class CrashSafetyTest {

    static final String PASS = "crash test passphrase with many words";
    static final int KILLS = 20;

    @TempDir
    Path dir;

    /** What the child reported: the last save per testimony and the write it had started. */
    static final class Reports {
        final Map<String, String> saved = new HashMap<>();
        String inFlightId;
        String inFlightHash;
        int saves;
        int created;

        void read(String line) {
            String[] f = line.split(" ");
            if (f.length != 3) {
                return;
            }
            if (f[0].equals("SAVING")) {
                inFlightId = f[1];
                inFlightHash = f[2];
            } else if (f[0].equals("SAVED") || f[0].equals("CREATED")) {
                if (f[0].equals("CREATED")) {
                    created++;
                }
                saved.put(f[1], f[2]);
                inFlightId = null;
                inFlightHash = null;
                saves++;
            }
        }

        /** The contents a testimony may hold after the kill. */
        Set<String> acceptable(String id) {
            Set<String> ok = new HashSet<>();
            ok.add(saved.get(id));
            if (id.equals(inFlightId)) {
                ok.add(inFlightHash);
            }
            return ok;
        }
    }

    @Test
    void killedWhileSavingLosesNothingReportedAsSaved() throws Exception {
        Random random = new Random(7);
        Reports reports = new Reports();
        int killsDuringSave = 0;
        int inVault = 0;
        for (int round = 0; round < KILLS; round++) {
            reports.inFlightId = null;
            reports.inFlightHash = null;
            reports.created = 0;
            Process p = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                    CrashWorker.class.getName(), dir.toString(), PASS).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("READY");
            // The kill comes at a random moment of the child's own pace: a reader thread takes the
            // lines, so waiting for the next line never decides when the kill lands.
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                try {
                    for (String l; (l = out.readLine()) != null; ) {
                        lines.add(l);
                    }
                } catch (java.io.IOException e) {
                    lines.add("READ-ERROR " + e);
                }
            });
            reader.start();
            Thread.sleep(300 + random.nextInt(2200));
            // SIGKILL via the handle: Process.destroyForcibly() would also close our end of the pipe.
            p.toHandle().destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            // Lines the child printed before dying still count: they were promised.
            reader.join();
            lines.forEach(reports::read);
            // The child flushes "SAVING" before it writes and prints "SAVED" only after the store
            // returned: a SAVING with no SAVED after it means the kill landed inside a save.
            boolean duringSave = reports.inFlightHash != null;
            if (duringSave) {
                killsDuringSave++;
            }
            try (VaultSession s = new Vaults(Argon2Params.TESTING, Clock.systemUTC()).open(dir, PASS.toCharArray())) {
                assertThat(s.openedEarlierState()).as("round %d: vault fell back to an earlier state", round).isFalse();
                List<TestimonySummary> list = s.testimonies().list();
                for (String id : List.copyOf(reports.saved.keySet())) {
                    String actual = hash(s.testimonies().latest(id).content());
                    assertThat(reports.acceptable(id)).as("round %d, testimony %s: last save or the one in flight",
                            round, id).contains(actual);
                    reports.saved.put(id, actual);
                }
                // Every reported create is there; the create in flight may be or not.
                boolean creating = "new".equals(reports.inFlightId);
                assertThat(list.size()).as("round %d: testimonies in the vault", round)
                        .isBetween(inVault + reports.created, inVault + reports.created + (creating ? 1 : 0));
                inVault = list.size();
            }
        }
        System.out.printf("crash-test: %d kills, %d during a save, %d saves reported, %d testimonies intact%n",
                KILLS, killsDuringSave, reports.saves, reports.saved.size());
        assertThat(reports.saves).isPositive();
        // Saves take nearly all the worker's time; if kills mostly missed them the test would
        // prove nothing about crash safety.
        assertThat(killsDuringSave).as("kills that landed inside a save").isGreaterThanOrEqualTo(KILLS / 2);
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
