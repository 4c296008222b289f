package org.tanik.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.UUID;
import org.tanik.crypto.Argon2Params;
import org.tanik.crypto.Random;
import org.tanik.crypto.Secrets;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.store.db.Database;
import org.tanik.store.vault.KeyFile;
import org.tanik.store.vault.MasterKey;
import org.tanik.store.vault.OwnerOnly;
import org.tanik.store.vault.PassphrasePolicy;
import org.tanik.store.vault.VaultLock;

/** Creates, unlocks and re-keys vaults. The KDF parameters are injected so tests can run cheaply. */
public final class Vaults {

    private final Argon2Params params;
    private final Clock clock;

    public Vaults(Argon2Params params, Clock clock) {
        this.params = params;
        this.clock = clock;
        Database.driver();
    }

    public static boolean exists(Path dir) {
        return Files.exists(dir.resolve(KeyFile.FILE_NAME));
    }

    /** Creates a new vault in an empty or missing directory and returns it unlocked. */
    public VaultSession create(Path dir, char[] passphrase) {
        PassphrasePolicy.require(passphrase);
        if (exists(dir) || Database.exists(dir)) {
            throw new TanikException(Problem.VAULT_EXISTS, dir.toString());
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new TanikException(Problem.IO_FAILURE, e, dir.toString());
        }
        VaultLock lock = VaultLock.acquire(dir);
        byte[] raw = Random.bytes(MasterKey.BYTES);
        try {
            String vaultId = UUID.randomUUID().toString();
            MasterKey key = new MasterKey(raw);
            // The database first, the key file last: a vault without a key file is not a vault yet.
            Connection c = Database.open(dir, key, true);
            KeyFile.create(vaultId, raw, passphrase, params).write(dir);
            OwnerOnly.apply(dir);
            return new VaultSession(dir, vaultId, key, c, lock, clock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        } finally {
            Secrets.wipe(raw);
        }
    }

    /** Unlocks a vault. A wrong passphrase costs one KDF run and changes nothing on disk. */
    public VaultSession open(Path dir, char[] passphrase) {
        KeyFile file;
        VaultLock lock;
        try {
            file = KeyFile.read(dir);
            lock = VaultLock.acquire(dir);
        } catch (OutOfMemoryError e) {
            throw Database.outOfMemory(e);
        }
        byte[] raw = null;
        try {
            raw = file.unwrap(passphrase);
            if (!Database.exists(dir)) {
                throw new TanikException(Problem.DATABASE_DAMAGED);
            }
            MasterKey key = new MasterKey(raw);
            Connection c = null;
            try {
                c = Database.open(dir, key, false);
                return new VaultSession(dir, file.vaultId(), key, c, lock, clock);
            } catch (RuntimeException | OutOfMemoryError e) {
                closeQuietly(c);
                key.close();
                throw e;
            }
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        } catch (OutOfMemoryError e) {
            // Argon2's memory, H2's pages: a heap too small to open the vault, which is not damaged.
            lock.close();
            throw Database.outOfMemory(e);
        } finally {
            Secrets.wipe(raw);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (java.sql.SQLException | RuntimeException ignored) {
                // Already failing: the first error is the one to report.
            }
        }
    }

    /** Re-wraps the master key under a new passphrase. Only the key file changes, atomically. */
    public void changePassphrase(Path dir, char[] oldPassphrase, char[] newPassphrase) {
        PassphrasePolicy.require(newPassphrase);
        KeyFile file = KeyFile.read(dir);
        byte[] raw = null;
        try {
            raw = file.unwrap(oldPassphrase);
            KeyFile.create(file.vaultId(), raw, newPassphrase, params).write(dir);
            OwnerOnly.apply(dir);
        } catch (OutOfMemoryError e) {
            throw Database.outOfMemory(e); // Argon2's memory; the key file is written whole or not at all
        } finally {
            Secrets.wipe(raw);
        }
    }

    public Argon2Params params() {
        return params;
    }
}
