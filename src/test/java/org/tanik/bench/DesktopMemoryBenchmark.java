package org.tanik.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.config.AppDirectories;
import org.tanik.crypto.Argon2Params;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.crypto.age.X25519Recipient;
import org.tanik.enrolment.Organisation;
import org.tanik.store.VaultSession;
import org.tanik.store.Vaults;

/**
 * Leaves a coordinator's home folder for {@code packaging/memory-bench.sh}, which measures the resident
 * memory of the installed desktop app on it (issue 19): an organisation vault at the default place of
 * {@code HOME=<tanik.bench.home>} on Linux, holding the archive of {@link CoordinatorBenchmark} (its
 * generator, 20,000 testimonies in bundles of 100 from 4 approved devices) imported through the import
 * pipeline. The vault takes the real Argon2id parameters, so that unlocking it costs the desktop what it
 * costs a user (128 MiB of heap). The passphrase is a throwaway one given by the caller. Not part of the
 * normal run: {@code mvn -B -o -q test -Dtest=DesktopMemoryBenchmark -Dtanik.bench.home=DIR
 * -Dtanik.bench.passphrase=WORDS [-Dtanik.bench.testimonies=N]}.
 */
class DesktopMemoryBenchmark {

    @TempDir
    Path bundles;

    @Test
    void coordinatorHomeWithArchive() throws Exception {
        String home = System.getProperty("tanik.bench.home");
        String pass = System.getProperty("tanik.bench.passphrase");
        if (home == null || pass == null || pass.isBlank()) {
            throw new AssertionError("give -Dtanik.bench.home=DIR and -Dtanik.bench.passphrase=WORDS");
        }
        // Where the desktop looks on Linux with HOME=home and no TANIK_HOME or XDG_DATA_HOME.
        Path vaultDir = new AppDirectories(Path.of(home, ".local", "share", "tanik")).vault();
        if (Files.exists(vaultDir)) {
            throw new AssertionError(vaultDir + " exists already: give an empty folder");
        }
        Files.createDirectories(vaultDir.getParent());
        Clock clock = Clock.systemUTC();
        Vaults vaults = new Vaults(Argon2Params.DEFAULT, clock);
        X25519Identity identity;
        X25519Recipient recipient;
        try (VaultSession org = vaults.create(vaultDir, pass.toCharArray())) {
            Organisation.init(org, "Memory bench");
            identity = Organisation.require(org).identity();
            recipient = X25519Recipient.parse(Organisation.require(org).recipient());
        }
        CoordinatorBenchmark archive = new CoordinatorBenchmark();
        archive.dir = bundles;
        List<Path> files = archive.makeBundles(recipient);
        long t = System.nanoTime();
        try (VaultSession org = vaults.open(vaultDir, pass.toCharArray())) {
            archive.importAll(org, identity, files, clock);
        } finally {
            identity.destroy();
        }
        System.out.printf("desktop-memory-bench: %d testimonies imported in %.1f s into %s%n",
                CoordinatorBenchmark.BUNDLES * CoordinatorBenchmark.PER_BUNDLE, (System.nanoTime() - t) / 1e9, vaultDir);
    }
}
