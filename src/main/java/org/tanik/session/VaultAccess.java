package org.tanik.session;

import java.nio.file.Path;
import org.tanik.crypto.Secrets;
import org.tanik.store.Vaults;
import org.tanik.store.vault.PassphrasePolicy;

/**
 * Creating, unlocking and re-keying a vault: the first use case of every face. Passphrases are
 * {@code char[]} the caller wipes; a wrong one costs one key derivation and changes nothing on disk.
 */
public final class VaultAccess {

    private final Vaults vaults;

    public VaultAccess(Vaults vaults) {
        this.vaults = vaults;
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
