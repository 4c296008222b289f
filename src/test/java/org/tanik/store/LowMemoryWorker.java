package org.tanik.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.tanik.crypto.Argon2Params;
import org.tanik.i18n.Messages;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.TestimonyContent;

/**
 * Child process for {@link LowMemoryOpenTest}: opens a vault again and again with less and less heap
 * left free, as a laptop short of memory would. The classes are loaded first (by opening a small
 * vault), so what runs short is the opening itself. Prints one line per attempt:
 * "OPENED free-KiB", "PROBLEM free-KiB CODE message" or "THROWN free-KiB class". The vault is
 * made on the first run, with the smallest Argon2 memory so that the key derivation is not all that
 * runs short.
 */
public final class LowMemoryWorker {

    private static List<byte[]> ballast = new ArrayList<>();

    public static void main(String[] args) {
        Path vault = Path.of(args[0]);
        char[] pass = args[1].toCharArray();
        Vaults vaults = new Vaults(new Argon2Params(8, 1, 1), Clock.systemUTC());
        if (!Vaults.exists(vault)) {
            try (VaultSession s = vaults.create(vault, pass.clone())) {
                for (int i = 0; i < 20; i++) {
                    s.testimonies().create(TestimonyContent.empty().withTitle("t" + i).withNarrative("n".repeat(100_000)));
                }
            }
        }
        Messages messages = new Messages(java.util.Locale.ENGLISH);
        vaults.open(vault, pass.clone()).close(); // loads every class the opening needs
        messages.describe(new TanikException(Problem.DATABASE_DAMAGED));
        for (int i = 2; i < args.length; i++) {
            long freeKiB = Long.parseLong(args[i]);
            String line;
            try {
                fill(freeKiB);
                VaultSession s = vaults.open(vault, pass.clone());
                ballast.clear(); // the opening is what is tested; locking gets room again
                s.close();
                line = "OPENED ";
            } catch (TanikException e) {
                ballast.clear();
                line = "PROBLEM " + e.problem() + " " + messages.describe(e);
            } catch (Throwable t) {
                ballast.clear();
                line = "THROWN " + t.getClass().getName();
            }
            ballast.clear();
            System.out.println(line.replaceFirst(" ", " " + freeKiB + " "));
            System.out.flush();
        }
    }

    /** Takes the heap until about {@code freeKiB} is left. */
    private static void fill(long freeKiB) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        try {
            while (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()) > freeKiB * 1024 + 16 * 1024) {
                ballast.add(new byte[16 * 1024]);
            }
        } catch (OutOfMemoryError e) {
            ballast.remove(ballast.size() - 1);
        }
    }
}
