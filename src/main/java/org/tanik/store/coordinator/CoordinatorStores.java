package org.tanik.store.coordinator;

import java.nio.file.Path;
import java.time.Clock;
import org.tanik.store.db.VaultDb;

/** The coordinator's repositories in one vault, and the way to group their writes in a transaction. */
public final class CoordinatorStores {

    private final VaultDb db;
    private final DeviceRegistry devices;
    private final ReceivedBundles bundles;
    private final Archive archive;
    private final Reviews reviews;
    private final AuditLog audit;
    private final IntakeLedger intake;

    public CoordinatorStores(VaultDb db, Clock clock, Path vaultDirectory) {
        this.db = db;
        this.devices = new DeviceRegistry(db);
        this.bundles = new ReceivedBundles(db);
        ArchivePayloads payloads = new ArchivePayloads(vaultDirectory);
        this.archive = new Archive(db, payloads);
        // Leftovers of an import killed between writing a payload and committing its rows.
        payloads.removeUnreferenced(archive.payloadBundleIds(), bundles.quarantinedIds());
        this.reviews = new Reviews(db, clock);
        this.audit = new AuditLog(db, clock);
        this.intake = new IntakeLedger(db);
    }

    public DeviceRegistry devices() {
        return devices;
    }

    public ReceivedBundles bundles() {
        return bundles;
    }

    public Archive archive() {
        return archive;
    }

    public Reviews reviews() {
        return reviews;
    }

    public AuditLog audit() {
        return audit;
    }

    /** Transport keys, the fetch's cursor and the allow-list's serial. */
    public IntakeLedger intake() {
        return intake;
    }

    /** Runs the work as one transaction: all of its writes are stored, or none. */
    public void inTransaction(Runnable work) {
        db.transaction(work::run);
    }
}
