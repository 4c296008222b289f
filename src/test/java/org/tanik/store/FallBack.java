package org.tanik.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.tanik.store.db.Database;
import org.tanik.store.db.VaultGeneration;

/**
 * Puts a closed vault's database back as it was before some later work, keeping everything else:
 * what H2 does by itself when its newest commits are damaged. For tests of how that is reported.
 */
public final class FallBack {
    private FallBack() {
    }

    /** Runs {@code laterWork} on the closed vault in {@code dir}, then restores the database from before it. */
    public static void around(Path dir, Runnable laterWork) {
        Path db = dir.resolve(Database.FILE_NAME);
        try {
            Path earlier = Files.createTempFile(dir.getParent(), "earlier", ".mv.db");
            try {
                Files.copy(db, earlier, StandardCopyOption.REPLACE_EXISTING);
                laterWork.run();
                Files.copy(earlier, db, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.delete(earlier);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sealed copy of the vault's counter as it stands on disk: it changes whenever it is written. */
    public static byte[] mark(Path dir) {
        try {
            return Files.readAllBytes(dir.resolve(VaultGeneration.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
