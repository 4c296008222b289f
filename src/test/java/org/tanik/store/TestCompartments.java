package org.tanik.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tanik.crypto.Secrets;
import org.tanik.store.db.Database;
import org.tanik.store.vault.KeyFile;

/** Finds a vault's compartments on disk, for tests that look at or damage its files. */
public final class TestCompartments {

    private TestCompartments() {
    }

    /** The compartment {@code passphrase} opens (the vault folder itself in format 1). */
    public static Path of(Path vaultDir, char[] passphrase) {
        KeyFile file = KeyFile.read(vaultDir);
        byte[] kek = file.derive(passphrase);
        try {
            KeyFile.Slot slot = file.open(kek).orElseThrow(() -> new AssertionError("the passphrase opens no slot"));
            Secrets.wipe(slot.masterKey());
            return slot.compartment() == null ? vaultDir : vaultDir.resolve(slot.compartment());
        } finally {
            Secrets.wipe(kek);
        }
    }

    /** Every compartment folder with a database (the vault folder itself in format 1); never empty. */
    public static List<Path> all(Path vaultDir) {
        if (Database.exists(vaultDir)) {
            return List.of(vaultDir);
        }
        List<Path> found = Compartments.others(vaultDir, "").stream().filter(Database::exists).toList();
        if (found.isEmpty()) {
            throw new AssertionError("no compartment in " + vaultDir);
        }
        return found;
    }

    /** The compartment holding {@code child} (e.g. "attachments", "outbox"): exactly one must. */
    public static Path holding(Path vaultDir, String child) {
        List<Path> found = all(vaultDir).stream().filter(c -> Files.exists(c.resolve(child))).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " compartments hold " + child + " in " + vaultDir);
        }
        return found.get(0);
    }
}
