package org.tanik.coordinator.imports;

import java.nio.file.Path;
import java.time.Clock;
import org.tanik.bundle.BundleLimits;
import org.tanik.crypto.Argon2Params;
import org.tanik.enrolment.Organisation;
import org.tanik.model.Vocabulary;
import org.tanik.store.VaultSession;
import org.tanik.store.Vaults;

/** Child process for {@link ImportCrashTest}: imports one bundle, saying when it starts and ends. */
public final class ImportWorker {
    public static void main(String[] args) {
        try (VaultSession org = new Vaults(Argon2Params.TESTING, Clock.systemUTC()).open(Path.of(args[0]),
                args[1].toCharArray())) {
            ImportPipeline importer = new ImportPipeline(org.coordinator(), Organisation.require(org).identity(),
                    new RecordValidator(Vocabulary.load()), null, Clock.systemUTC(), BundleLimits.DEFAULT);
            System.out.println("START");
            System.out.flush();
            System.out.println("DONE " + importer.importFile(Path.of(args[2])).verdict());
            System.out.flush();
        }
    }
}
