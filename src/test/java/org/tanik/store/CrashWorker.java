package org.tanik.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.tanik.crypto.Argon2Params;
import org.tanik.model.TestimonyContent;
import org.tanik.store.volunteer.TestimonyStore;

/**
 * Child process for {@link CrashSafetyTest}: saves testimonies in a loop and reports each save
 * only after the store returned, so the parent knows what was promised as saved.
 * Protocol on stdout: "SAVING id hash" before a write ("SAVING new hash" before a create),
 * "SAVED id hash" after it ("CREATED id hash" after a create).
 */
public final class CrashWorker {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        char[] pass = args[1].toCharArray();
        Vaults vaults = new Vaults(Argon2Params.TESTING, Clock.systemUTC());
        VaultSession session = Vaults.exists(dir) ? vaults.open(dir, pass) : vaults.create(dir, pass);
        TestimonyStore store = session.testimonies();
        List<String> ids = new ArrayList<>(store.list().stream().map(s -> s.id()).toList());
        java.util.Random random = new java.util.Random();
        System.out.println("READY");
        System.out.flush();
        for (int n = 0; ; n++) {
            TestimonyContent content = TestimonyContent.empty().withTitle("crash " + random.nextLong())
                    .withNarrative("narrative " + "x".repeat(random.nextInt(5000)));
            if (ids.isEmpty() || random.nextInt(3) == 0) {
                System.out.println("SAVING new " + CrashSafetyTest.hash(content));
                System.out.flush();
                String id = store.create(content).id();
                ids.add(id);
                System.out.println("CREATED " + id + " " + CrashSafetyTest.hash(content));
            } else {
                String id = ids.get(random.nextInt(ids.size()));
                System.out.println("SAVING " + id + " " + CrashSafetyTest.hash(content));
                System.out.flush();
                store.saveDraft(id, content);
                System.out.println("SAVED " + id + " " + CrashSafetyTest.hash(content));
            }
            System.out.flush();
        }
    }
}
