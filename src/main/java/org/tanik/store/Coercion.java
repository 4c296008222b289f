package org.tanik.store;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.tanik.crypto.Random;
import org.tanik.crypto.Secrets;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.store.vault.KeyFile;
import org.tanik.store.vault.MasterKey;
import org.tanik.store.vault.PassphrasePolicy;

/**
 * Protection under coercion on an open vault: the duress passphrase and its decoy, the wipe policy,
 * erasing. Every change of the key file is made while this process holds the vault's lock; the
 * monitor below keeps this process's own changes (the duress erase runs on its own thread) in turn.
 */
public final class Coercion {

    /** The real vault's record of what its duress passphrase does (the decoy's slot says it too). */
    static final String DURESS_SECRET = "coercion.duress";
    private static final byte KEEP = 1;
    private static final byte ERASE = 2;
    private static final Object KEY_FILE = new Object();

    private Coercion() {
    }

    /** What {@link #duressState} reports. */
    public enum State { NONE, KEEP_REAL, ERASE_REAL }

    /**
     * Makes a new decoy under {@code duress} in place of the other compartment (chaff or an older
     * decoy), lets {@code fill} add to it while open, then writes its slot. The old compartment is
     * deleted last, so a crash leaves a vault that still opens.
     */
    public static void setDuress(VaultSession real, char[] duress, boolean eraseReal, Consumer<VaultSession> fill) {
        requireReal(real);
        PassphrasePolicy.require(duress);
        Path dir = real.vaultDirectory();
        byte[] kek = null;
        byte[] raw = Random.bytes(MasterKey.BYTES);
        synchronized (KEY_FILE) {
            try {
                KeyFile file = KeyFile.read(dir);
                kek = file.derive(duress);
                file.open(kek).ifPresent(s -> {
                    Secrets.wipe(s.masterKey());
                    if (s.index() == real.slot()) {
                        throw new TanikException(Problem.DURESS_OPENS_VAULT);
                    }
                });
                String mine = real.directory().getFileName().toString();
                var old = Compartments.others(dir, mine);
                String name = Compartments.newName();
                try {
                    Compartments.make(dir, name, real.vaultId(), raw, vaultsOf(real), fill);
                } catch (RuntimeException e) {
                    Compartments.delete(dir.resolve(name)); // the old decoy or chaff stays as it was
                    throw e;
                }
                int flags = KeyFile.FLAG_DECOY | (eraseReal ? KeyFile.FLAG_ERASE_OTHER : 0);
                file.withSlot(1 - real.slot(), kek, raw, name, flags).write(dir);
                old.forEach(Compartments::delete);
                real.secrets().put(DURESS_SECRET, new byte[] {eraseReal ? ERASE : KEEP});
            } finally {
                Secrets.wipe(kek, raw);
            }
        }
    }

    /** Puts chaff back in place of the decoy and random bytes in place of its slot. */
    public static void clearDuress(VaultSession real) {
        requireReal(real);
        Path dir = real.vaultDirectory();
        synchronized (KEY_FILE) {
            KeyFile file = KeyFile.read(dir);
            String mine = real.directory().getFileName().toString();
            var old = Compartments.others(dir, mine);
            Compartments.makeChaff(dir, Compartments.newName(), real.vaultId(), vaultsOf(real));
            file.withRandomSlot(1 - real.slot()).write(dir);
            old.forEach(Compartments::delete);
            real.secrets().remove(DURESS_SECRET);
        }
    }

    public static State duressState(VaultSession session) {
        if (session.isDecoy()) {
            return State.NONE;
        }
        return session.secrets().get(DURESS_SECRET).map(v -> v.length == 1 && v[0] == ERASE ? State.ERASE_REAL
                : State.KEEP_REAL).orElse(State.NONE);
    }

    /** The wipe policy written in the key file: 0 when off. */
    public static int wipeAfter(VaultSession session) {
        requireFormat2(session);
        return KeyFile.read(session.vaultDirectory()).wipeAfter();
    }

    /** 0 turns the policy off; {@value Vaults#MIN_WIPE_AFTER} or more sets it; the count starts again. */
    public static void setWipeAfter(VaultSession session, int n) {
        if (n != 0 && (n < Vaults.MIN_WIPE_AFTER || n > 1000)) {
            throw new TanikException(Problem.WIPE_AFTER_TOO_LOW, Integer.toString(Vaults.MIN_WIPE_AFTER));
        }
        requireFormat2(session);
        synchronized (KEY_FILE) {
            Path dir = session.vaultDirectory();
            KeyFile.read(dir).withCounter(n, 0).write(dir);
        }
    }

    /** Locks the vault, then erases it (key file first). */
    public static void eraseAndClose(VaultSession session) {
        Path dir = session.vaultDirectory();
        session.close();
        synchronized (KEY_FILE) {
            new Vaults(session.params(), session.clock()).erase(dir);
        }
    }

    /**
     * The duress "erase the real vault": the other compartment becomes chaff and its slot random
     * bytes, written over the key file's own bytes. Runs after the decoy opened, on its own thread.
     * Repeated at every opening of such a decoy, so that each one does the same work.
     */
    static void eraseOther(VaultSession decoy, int mySlot, String myCompartment) {
        Path dir = decoy.vaultDirectory();
        synchronized (KEY_FILE) {
            KeyFile file = KeyFile.read(dir);
            var old = Compartments.others(dir, myCompartment);
            file.withRandomSlot(1 - mySlot).overwrite(dir);
            Compartments.makeChaff(dir, Compartments.newName(), decoy.vaultId(), vaultsOf(decoy));
            old.forEach(Compartments::delete);
        }
    }

    private static Vaults vaultsOf(VaultSession s) {
        return new Vaults(s.params(), s.clock());
    }

    private static void requireReal(VaultSession session) {
        if (session.isDecoy()) {
            throw new TanikException(Problem.DURESS_UNAVAILABLE);
        }
        requireFormat2(session);
    }

    private static void requireFormat2(VaultSession session) {
        if (session.directory().equals(session.vaultDirectory())) {
            // A format-1 vault is moved to compartments when it opens; this cannot be one.
            throw new IllegalStateException("format-1 vault open");
        }
    }
}
