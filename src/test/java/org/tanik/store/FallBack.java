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
        // Every compartment's database: the chaff's is unchanged by the work, so restoring it changes nothing.
        java.util.List<Path> dbs = TestCompartments.all(dir).stream().map(c -> c.resolve(Database.FILE_NAME)).toList();
        java.util.List<Path> copies = new java.util.ArrayList<>();
        try {
            try {
                for (Path db : dbs) {
                    Path earlier = Files.createTempFile(dir.getParent(), "earlier", ".mv.db");
                    copies.add(earlier);
                    Files.copy(db, earlier, StandardCopyOption.REPLACE_EXISTING);
                }
                laterWork.run();
                for (int i = 0; i < dbs.size(); i++) {
                    Files.copy(copies.get(i), dbs.get(i), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                for (Path c : copies) {
                    Files.delete(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sealed copy of the vault's counter as it stands on disk: it changes whenever it is written. */
    public static byte[] mark(Path dir) {
        try {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            for (Path c : TestCompartments.all(dir)) {
                all.write(Files.readAllBytes(c.resolve(VaultGeneration.FILE_NAME)));
            }
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
