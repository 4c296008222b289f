package org.tanik.session;

import java.nio.file.Path;
import java.util.Optional;
import org.tanik.enrolment.Organisation;
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

    public Path directory() {
        return store.directory();
    }

    public boolean isOpen() {
        return store.isOpen();
    }

    /** Locks the vault: closes the database, releases the lock, wipes the keys. */
    @Override
    public void close() {
        store.close();
    }

    /** Locks the vault after compacting its database (maintenance; slower). */
    public void compactAndClose() {
        store.compactAndClose();
    }
}
