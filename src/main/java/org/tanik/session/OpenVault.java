package org.tanik.session;

import java.nio.file.Path;
import java.util.Optional;
import org.tanik.enrolment.Organisation;
import org.tanik.store.Coercion;
import org.tanik.store.VaultSession;

/**
 * An unlocked vault as the faces hold it: whose it is, whether it came back at an earlier state,
 * and how to lock it. The use cases ({@code volunteer}, {@code coordinator}) are built on it; the
 * faces never reach the store behind it (the architecture test keeps them off {@link #store()}).
 */
public final class OpenVault implements AutoCloseable {

    private final VaultSession store;

    public OpenVault(VaultSession store) {
        this.store = store;
    }

    /**
     * The store behind this vault, for the use cases built on it. Faces must not call this: they
     * would bypass the rules the use cases keep (ArchitectureTest fails when they do).
     */
    public VaultSession store() {
        return store;
    }

    /** True when this is an organisation's vault: it opens at the coordinator's desk. A database read. */
    public boolean isOrganisation() {
        return Organisation.load(store).isPresent();
    }

    /** The organisation's name when this is an organisation's vault. A database read. */
    public Optional<String> organisationName() {
        return Organisation.load(store).map(Organisation::name);
    }

    /**
     * True when this vault was created for the organisation's coordinator but the organisation was not
     * set up yet (the application closed before it was named): the desktop offers to finish it.
     */
    public boolean organisationSetUpPending() {
        return Organisation.pending(store);
    }

    /** Marks a new vault as the coordinator's, until the organisation is set up in it. */
    public void markOrganisationSetUpPending() {
        Organisation.markPending(store);
    }

    /** The coordinator's set-up is given up: this vault is a volunteer's after all. */
    public void cancelOrganisationSetUp() {
        Organisation.cancelPending(store);
    }

    /** See {@link VaultSession#openedEarlierState()}: work saved since may be missing; say so. */
    public boolean openedEarlierState() {
        return store.openedEarlierState();
    }

    /** Marks how far the vault has got, so that a later fall back is noticed (after a large import). */
    public void checkpoint() {
        store.checkpoint();
    }

    /** The compartment folder this vault's data lives in (database, attachments, outbox). */
    public Path directory() {
        return store.directory();
    }

    /** The vault folder: the key file, the OS lock and the compartments. */
    public Path vaultDirectory() {
        return store.vaultDirectory();
    }

    /**
     * Creates (or replaces) the decoy opened by {@code duressPassphrase}, calls {@code fill} with the
     * decoy open (it may add harmless entries; a no-op is fine), then locks the decoy. With
     * {@code eraseReal}, opening the decoy later erases this vault silently. Refuses a weak
     * passphrase and one that opens this vault.
     */
    public void setDuress(char[] duressPassphrase, boolean eraseReal, java.util.function.Consumer<OpenVault> fill) {
        Coercion.setDuress(store, duressPassphrase, eraseReal, decoy -> fill.accept(new OpenVault(decoy)));
    }

    /** Removes the decoy and its passphrase: chaff takes its place, so the vault looks the same. */
    public void clearDuress() {
        Coercion.clearDuress(store);
    }

    /** Whether a duress passphrase is set and what opening it does; NONE inside a decoy. */
    public DuressState duressState() {
        return DuressState.valueOf(Coercion.duressState(store).name());
    }

    /** After how many wrong passphrases in a row the vault is erased; 0 when never. */
    public int wipeAfter() {
        return Coercion.wipeAfter(store);
    }

    /** Sets the wipe policy: 0 turns it off, 5 or more erases after that many failures; 1 to 4 are refused. */
    public void setWipeAfter(int n) {
        Coercion.setWipeAfter(store, n);
    }

    /** Erases this vault (key file first, then the compartments and the folder) and locks it. */
    public void eraseAndClose() {
        Coercion.eraseAndClose(store);
    }

    public boolean isOpen() {
        return store.isOpen();
    }

    /** Locks the vault: closes the database, releases the lock, wipes the keys. */
    @Override
    public void close() {
        store.close();
    }

    /**
     * Locks the vault as fast as possible, for the quick exit: what was saved stays, as after a
     * crash, without the usual tidy close (see {@code VaultSession.closeAtOnce}).
     */
    public void closeAtOnce() {
        store.closeAtOnce();
    }

    /** Locks the vault after compacting its database (maintenance; slower). */
    public void compactAndClose() {
        store.compactAndClose();
    }
}
