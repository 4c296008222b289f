package org.tanik.session;

import java.nio.file.Path;
import org.tanik.crypto.Secrets;
import org.tanik.store.VaultBackups;
import org.tanik.store.Vaults;
import org.tanik.store.vault.PassphrasePolicy;

/**
 * Creating, unlocking and re-keying a vault: the first use case of every face. Passphrases are
 * {@code char[]} the caller wipes; a wrong one costs one key derivation and changes nothing on disk.
 */
public final class VaultAccess {

    private final Vaults vaults;
    private final VaultBackups backups;

    public VaultAccess(Vaults vaults) {
        this(vaults, new VaultBackups(VaultBackups.workFactorFor(vaults.params())));
    }

    public VaultAccess(Vaults vaults, VaultBackups backups) {
        this.vaults = vaults;
        this.backups = backups;
    }

    /** True when {@code dir} holds a vault (its key file). */
    public boolean exists(Path dir) {
        return Vaults.exists(dir);
    }

    /** Creates a vault in an empty or missing folder and returns it unlocked. */
    public OpenVault create(Path dir, char[] passphrase) {
        return new OpenVault(vaults.create(dir, passphrase));
    }

    /**
     * Unlocks the vault, or its decoy when {@code passphrase} is the duress passphrase (the caller
     * cannot tell which, and need not). Under a wipe policy a wrong passphrase is counted, and the
     * N-th in a row erases the vault; either way the caller sees WRONG_PASSPHRASE.
     */
    public OpenVault unlock(Path dir, char[] passphrase) {
        return new OpenVault(vaults.open(dir, passphrase));
    }

    /**
     * Erases a vault that is not open: the key file is overwritten and deleted first, then the
     * compartments, the lock file and the folder. VAULT_ALREADY_OPEN when it is open anywhere.
     */
    public void erase(Path dir) {
        vaults.erase(dir);
    }

    /** Re-wraps the vault's key under a new passphrase; only the key file changes, atomically. */
    public void changePassphrase(Path dir, char[] oldPassphrase, char[] newPassphrase) {
        vaults.changePassphrase(dir, oldPassphrase, newPassphrase);
    }

    /**
     * Copies the whole vault in {@code dir} into one file encrypted with {@code backupPassphrase}
     * (age, scrypt). The vault's own passphrase is checked first (it opens and locks again, as an
     * unlock does), so only someone who may open the vault can copy it; the copy is made while the
     * vault is locked to everyone else. The backup passphrase must be as strong as a vault's: the file
     * is meant to travel.
     */
    public void backup(Path dir, char[] passphrase, char[] backupPassphrase, Path out) {
        PassphrasePolicy.require(backupPassphrase);
        unlock(dir, passphrase).close();
        backups.backup(dir, backupPassphrase, out);
    }

    /** Restores a backup into {@code dir}, a new or empty folder, all or nothing; then unlock it as usual. */
    public void restore(Path backup, char[] backupPassphrase, Path dir) {
        backups.restore(backup, backupPassphrase, dir);
    }

    /** Strength of a new passphrase, 0 (very weak) to 4 (strong), measured on a wiped copy. */
    public static int passphraseScore(char[] passphrase) {
        return PassphrasePolicy.score(passphrase);
    }

    /** True when a passphrase of this score may protect a vault (create and re-key refuse weaker). */
    public static boolean strongEnough(int score) {
        return PassphrasePolicy.strongEnough(score);
    }

    /** Overwrites passphrases a face has read, once it no longer needs them (faces do not reach crypto). */
    public static void wipe(char[]... passphrases) {
        Secrets.wipe(passphrases);
    }
}
