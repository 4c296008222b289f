package org.tanik.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.tanik.crypto.Argon2Params;
import org.tanik.crypto.Hkdf;
import org.tanik.crypto.Random;
import org.tanik.crypto.Secrets;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.AtomicFiles;
import org.tanik.store.db.Database;
import org.tanik.store.vault.KeyFile;
import org.tanik.store.vault.MasterKey;
import org.tanik.store.vault.OwnerOnly;
import org.tanik.store.vault.PassphrasePolicy;
import org.tanik.store.vault.VaultLock;

/**
 * Creates, unlocks, re-keys and erases vaults. The KDF parameters are injected so tests can run cheaply.
 *
 * <p>A vault folder holds the key file ({@link KeyFile}), the OS lock and two compartments
 * ({@link Compartments}). A format-1 vault (its database at the top of the folder, one wrapped key)
 * is turned into this layout by its first unlock: the passphrase is needed to write the new slot,
 * and every vault on disk then looks the same. The move is done so that a crash in the middle is
 * finished by the next unlock (see {@link #migrate}).
 */
public final class Vaults {

    /** Failures in a row a wipe policy allows at least: fewer would erase a vault on a few typos. */
    public static final int MIN_WIPE_AFTER = 5;

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
        byte[] kek = null;
        try {
            String vaultId = UUID.randomUUID().toString();
            KeyFile file = KeyFile.create(vaultId, params);
            String real = Compartments.newName();
            int slot = Random.bytes(1)[0] & 1;
            Path compartment = Files.createDirectories(dir.resolve(real));
            MasterKey key = new MasterKey(raw);
            // The databases first, the key file last: a vault without a key file is not a vault yet.
            Connection c = Database.open(compartment, key, true);
            Compartments.makeChaff(dir, Compartments.newName(), vaultId, this);
            kek = file.derive(passphrase);
            file.withSlot(slot, kek, raw, real, 0).write(dir);
            OwnerOnly.apply(dir);
            OwnerOnly.apply(compartment);
            return new VaultSession(dir, compartment, vaultId, key, c, lock, clock, params, slot, 0);
        } catch (IOException e) {
            lock.close();
            throw new TanikException(Problem.IO_FAILURE, e, dir.toString());
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        } finally {
            Secrets.wipe(raw, kek);
        }
    }

    /**
     * Unlocks a vault: one key derivation, then every slot is tried. A wrong passphrase changes
     * nothing on disk unless a wipe policy is set: then it is counted, and the vault is erased when
     * the count reaches the policy (the caller still sees only WRONG_PASSPHRASE). The duress
     * passphrase opens the decoy; if it says so, the real compartment is then erased on another thread.
     */
    public VaultSession open(Path dir, char[] passphrase) {
        KeyFile file;
        VaultLock lock;
        try {
            file = KeyFile.read(dir);
            lock = VaultLock.acquire(dir);
        } catch (OutOfMemoryError e) {
            throw Database.outOfMemory(e);
        }
        byte[] kek = null;
        KeyFile.Slot slot = null;
        try {
            if (!file.counterIntact()) {
                // An edited or missing counter cannot be trusted to say how many guesses are left, so it
                // leaves the fewest any policy does: the strictest policy, one failure short of erasing.
                // Editing the file therefore never gains a guess; the right passphrase resets the count.
                file = file.withCounter(MIN_WIPE_AFTER, MIN_WIPE_AFTER - 1);
                file.write(dir);
            }
            kek = file.derive(passphrase);
            Optional<KeyFile.Slot> opened = file.open(kek);
            if (opened.isEmpty()) {
                countFailure(dir, file, lock);
                throw new TanikException(Problem.WRONG_PASSPHRASE);
            }
            slot = opened.get();
            if (file.failures() != 0) {
                file.withCounter(file.wipeAfter(), 0).write(dir);
            }
            if (file.formatVersion() == 1) {
                slot = migrate(dir, file, kek, slot);
            }
            Path compartment = dir.resolve(slot.compartment());
            if (!Database.exists(compartment)) {
                throw new TanikException(Problem.DATABASE_DAMAGED);
            }
            MasterKey key = new MasterKey(slot.masterKey());
            Connection c = null;
            try {
                c = Database.open(compartment, key, false);
                VaultSession session = new VaultSession(dir, compartment, file.vaultId(), key, c, lock, clock,
                        file.params(), slot.index(), slot.flags());
                if (slot.erasesOther()) {
                    int mine = slot.index();
                    String name = slot.compartment();
                    session.startQuietly(() -> Coercion.eraseOther(session, mine, name));
                }
                return session;
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
            Secrets.wipe(kek);
            if (slot != null) {
                Secrets.wipe(slot.masterKey());
            }
        }
    }

    /** Counts a wrong passphrase under a wipe policy; erases the vault when the count reaches it. */
    private static void countFailure(Path dir, KeyFile file, VaultLock lock) {
        if (file.formatVersion() == 1 || file.wipeAfter() == 0) {
            return;
        }
        int failures = file.failures() + 1;
        if (failures >= file.wipeAfter()) {
            eraseLocked(dir, lock);
        } else {
            file.withCounter(file.wipeAfter(), failures).write(dir);
        }
    }

    /**
     * Turns a format-1 vault into a format-2 one: its files move into a compartment whose name is
     * derived from the master key (so a crash half way is finished by the next unlock, which finds
     * the same name), chaff is made beside it, and the format-2 key file, with the same salt (the
     * passphrase's key is the same), is written last. Until then the format-1 file still opens it.
     */
    private KeyFile.Slot migrate(Path dir, KeyFile file, byte[] kek, KeyFile.Slot slot) {
        byte[] nameBytes = Hkdf.derive(slot.masterKey(), new byte[0], "tanik-compartment-name", KeyFile.NAME_BYTES);
        String name = HexFormat.of().formatHex(nameBytes);
        Path compartment = dir.resolve(name);
        try {
            Files.createDirectories(compartment);
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path p : entries.toList()) {
                    String n = p.getFileName().toString();
                    if (n.equals(KeyFile.FILE_NAME) || n.startsWith("." + KeyFile.FILE_NAME) || n.equals("vault.lock")
                            || Compartments.isCompartmentName(n)) {
                        continue;
                    }
                    Files.move(p, compartment.resolve(n), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            AtomicFiles.syncDirectory(compartment);
            AtomicFiles.syncDirectory(dir);
        } catch (IOException e) {
            throw new TanikException(Problem.IO_FAILURE, e, dir.toString());
        }
        for (Path leftover : Compartments.others(dir, name)) {
            Compartments.delete(leftover); // chaff of an earlier attempt that did not finish
        }
        Compartments.makeChaff(dir, Compartments.newName(), file.vaultId(), this);
        int index = Random.bytes(1)[0] & 1;
        file.asFormat2().withSlot(index, kek, slot.masterKey(), name, 0).write(dir);
        OwnerOnly.apply(dir);
        OwnerOnly.apply(compartment);
        return new KeyFile.Slot(index, slot.masterKey(), name, 0);
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

    /**
     * Re-wraps the key the passphrase opens under a new passphrase. Only the key file changes,
     * atomically. The salt and parameters stay (the other slot depends on them, and raising them for one
     * slot only would tell an examiner which slots were re-keyed: security.md, "Key derivation cost");
     * only the slot the old passphrase opened is rewritten. A format-1 vault is re-keyed as format 1; it
     * moves to compartments at its next unlock.
     *
     * <p>On a locked vault this holds the vault's lock, and a wrong old passphrase is counted as a wrong
     * unlock is, so the wipe policy cannot be side-stepped by guessing here. On a vault open in this or
     * another window (the desktop's change while unlocked) there is nothing to protect by counting:
     * whoever is there has it open.
     */
    public void changePassphrase(Path dir, char[] oldPassphrase, char[] newPassphrase) {
        PassphrasePolicy.require(newPassphrase);
        VaultLock lock = lockUnlessOpen(dir);
        byte[] kek = null;
        byte[] newKek = null;
        KeyFile.Slot slot = null;
        try {
            KeyFile file = KeyFile.read(dir);
            if (lock != null && !file.counterIntact()) {
                file = file.withCounter(MIN_WIPE_AFTER, MIN_WIPE_AFTER - 1); // as open() reads an edited counter
                file.write(dir);
            }
            kek = file.derive(oldPassphrase);
            Optional<KeyFile.Slot> opened = file.open(kek);
            if (opened.isEmpty()) {
                if (lock != null) {
                    countFailure(dir, file, lock);
                }
                throw new TanikException(Problem.WRONG_PASSPHRASE);
            }
            slot = opened.get();
            if (file.formatVersion() == 1) {
                // Not unlocked since format 2 came: it stays format 1 (with a fresh salt) until it is.
                KeyFile.createFormat1(file.vaultId(), slot.masterKey(), newPassphrase, params).write(dir);
            } else {
                newKek = file.derive(newPassphrase);
                requireOpensNoOtherSlot(file, newKek, slot.index());
                KeyFile changed = file.withSlot(slot.index(), newKek, slot.masterKey(), slot.compartment(), slot.flags());
                (lock != null && file.failures() != 0 ? changed.withCounter(file.wipeAfter(), 0) : changed).write(dir);
            }
            OwnerOnly.apply(dir);
        } catch (OutOfMemoryError e) {
            throw Database.outOfMemory(e); // Argon2's memory; the key file is written whole or not at all
        } finally {
            Secrets.wipe(kek, newKek);
            if (slot != null) {
                Secrets.wipe(slot.masterKey());
            }
            if (lock != null) {
                lock.close();
            }
        }
    }

    /**
     * Two slots opened by one passphrase would make an unlock open whichever comes first, and a decoy
     * set to erase the real vault would then erase it: a new passphrase must open no other slot.
     */
    private static void requireOpensNoOtherSlot(KeyFile file, byte[] newKek, int mine) {
        Optional<KeyFile.Slot> other = file.open(newKek);
        other.ifPresent(s -> Secrets.wipe(s.masterKey()));
        if (other.isPresent() && other.get().index() != mine) {
            throw new TanikException(Problem.PASSPHRASE_IN_USE);
        }
    }

    /** The vault's lock, or null when the vault is open (here or in another window). */
    private static VaultLock lockUnlessOpen(Path dir) {
        try {
            return VaultLock.acquire(dir);
        } catch (TanikException e) {
            if (e.problem() == Problem.VAULT_ALREADY_OPEN) {
                return null;
            }
            throw e;
        }
    }

    /** Erases a vault that is not open anywhere (VAULT_ALREADY_OPEN otherwise). */
    public void erase(Path dir) {
        if (!exists(dir)) {
            throw new TanikException(Problem.NO_VAULT, dir.toString());
        }
        eraseLocked(dir, VaultLock.acquire(dir));
    }

    /**
     * Erases the vault holding its lock: the key file first (overwritten in place, synced, deleted,
     * with any leftover of an atomic write), since without it nothing else can be read; then the
     * compartments and everything else in the folder, the lock file, and the folder itself.
     */
    static void eraseLocked(Path dir, VaultLock lock) {
        try {
            KeyFile.destroy(dir);
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path p : entries.toList()) {
                    if (p.getFileName().toString().equals("vault.lock")) {
                        continue;
                    }
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        Compartments.delete(p);
                    } else {
                        Files.delete(p);
                    }
                }
            }
            lock.close();
            Files.deleteIfExists(dir.resolve("vault.lock"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new TanikException(Problem.IO_FAILURE, e, dir.toString());
        } finally {
            lock.close();
        }
    }

    public Argon2Params params() {
        return params;
    }

    Clock clock() {
        return clock;
    }
}
