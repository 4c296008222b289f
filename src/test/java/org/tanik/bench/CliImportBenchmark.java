package org.tanik.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanik.config.AppDirectories;
import org.tanik.crypto.Argon2Params;
import org.tanik.enrolment.Organisation;
import org.tanik.crypto.age.X25519Recipient;
import org.tanik.store.VaultSession;
import org.tanik.store.Vaults;

/**
 * Leaves a coordinator's home folder for {@code packaging/import-bench.sh}, which times the installed
 * app's {@code tanik import} on it (issue 19: a command-line import is always a cold one, in a JVM of
 * its own, which the AOT cache is meant to warm): an organisation vault at the default place of
 * {@code HOME=<tanik.bench.home>} on Linux, its 4 bench devices approved and nothing imported, and the
 * bundles of {@link CoordinatorBenchmark} (20,000 testimonies in bundles of 100) in {@code bundles/} of
 * that folder. The vault takes the real Argon2id parameters, as a user's does. Not part of the normal
 * run: {@code mvn -B -o -q test -Dtest=CliImportBenchmark -Dtanik.bench.home=DIR
 * -Dtanik.bench.passphrase=WORDS [-Dtanik.bench.testimonies=N]}.
 */
class CliImportBenchmark {

    @Test
    void coordinatorHomeWithBundlesToImport() throws Exception {
        String home = System.getProperty("tanik.bench.home");
        String pass = System.getProperty("tanik.bench.passphrase");
        if (home == null || pass == null || pass.isBlank()) {
            throw new AssertionError("give -Dtanik.bench.home=DIR and -Dtanik.bench.passphrase=WORDS");
        }
        Path vaultDir = new AppDirectories(Path.of(home, ".local", "share", "tanik")).vault();
        Path bundles = Path.of(home, "bundles");
        if (Files.exists(vaultDir) || Files.exists(bundles)) {
            throw new AssertionError(home + " holds a vault or bundles already: give an empty folder");
        }
        Files.createDirectories(vaultDir.getParent());
        Files.createDirectories(bundles);
        Vaults vaults = new Vaults(Argon2Params.DEFAULT, Clock.systemUTC());
        X25519Recipient recipient;
        try (VaultSession org = vaults.create(vaultDir, pass.toCharArray())) {
            Organisation.init(org, "Import bench");
            recipient = X25519Recipient.parse(Organisation.require(org).recipient());
        }
        CoordinatorBenchmark archive = new CoordinatorBenchmark();
        archive.dir = bundles;
        List<Path> files = archive.makeBundles(recipient);
        try (VaultSession org = vaults.open(vaultDir, pass.toCharArray())) {
            archive.approveDevices(org.coordinator());
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        System.out.printf("cli-import-bench: %d bundles (%d testimonies, %.1f MB) in %s, to import into %s%n",
                files.size(), CoordinatorBenchmark.BUNDLES * CoordinatorBenchmark.PER_BUNDLE, bytes / 1e6, bundles,
                vaultDir);
    }
}
