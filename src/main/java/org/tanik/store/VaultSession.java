package org.tanik.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.tanik.crypto.Argon2Params;
import org.tanik.store.coordinator.CoordinatorStores;
import org.tanik.store.db.Database;
import org.tanik.store.db.VaultDb;
import org.tanik.store.db.VaultGeneration;
import org.tanik.store.db.VaultSecrets;
import org.tanik.store.vault.BlobStore;
import org.tanik.store.vault.MasterKey;
import org.tanik.store.vault.RecordCipher;
import org.tanik.store.vault.VaultLock;
import org.tanik.store.volunteer.DeviceIdentity;
import org.tanik.store.volunteer.ExportLedger;
import org.tanik.store.volunteer.OutboxLedger;
import org.tanik.store.volunteer.TestimonyStore;
import org.tanik.store.volunteer.TransportKey;

/**
 * An unlocked vault. Holds the keys, the database connection and the OS lock; {@link #close()}
 * (locking) closes the database, releases the lock and wipes the keys.
 */
public final class VaultSession implements AutoCloseable {

    private final Path directory;
    private final Path vaultDirectory;
    private final String vaultId;
    /** The key-file slot this session was opened with (0 in a format-1 vault), and that slot's flags. */
    private final int slot;
    private final int slotFlags;
    private final Argon2Params params;
    private final java.time.Clock clock;
    /** Work started after unlocking (the duress erase), finished before the vault locks. */
    private Thread quietWork;
    private final MasterKey masterKey;
    private final Connection connection;
    /** The connection, the record cipher and the one monitor every repository of this vault shares. */
    private final VaultDb db;
    private final VaultLock lock;
    private final TestimonyStore testimonies;
    private final VaultSecrets secrets;
    private final DeviceIdentity device;
    private final ExportLedger exports;
    private final OutboxLedger outbox;
    private final TransportKey transport;
    private final CoordinatorStores coordinator;
    private final VaultGeneration generation;
    private final BlobStore blobs;
    private final boolean earlierState;
    private boolean closed;

    /**
     * @param vaultDirectory the vault folder (key file, lock)
     * @param directory      the compartment this session's data lives in (the vault folder in format 1)
     * @param lock           null for a compartment opened inside another session (a decoy being filled)
     */
    VaultSession(Path vaultDirectory, Path directory, String vaultId, MasterKey masterKey, Connection connection,
                 VaultLock lock, java.time.Clock clock, Argon2Params params, int slot, int slotFlags) {
        this.vaultDirectory = vaultDirectory;
        this.slot = slot;
        this.slotFlags = slotFlags;
        this.params = params;
        this.clock = clock;
        this.directory = directory;
        this.vaultId = vaultId;
        this.masterKey = masterKey;
        this.connection = connection;
        this.lock = lock;
        RecordCipher cipher = new RecordCipher(masterKey.recordKey());
        this.db = new VaultDb(connection, cipher);
        this.testimonies = new TestimonyStore(db, clock);
        this.secrets = new VaultSecrets(db);
        this.device = DeviceIdentity.loadOrCreate(secrets);
        this.exports = new ExportLedger(db, testimonies);
        this.outbox = new OutboxLedger(db);
        this.transport = new TransportKey(secrets);
        this.coordinator = new CoordinatorStores(db, clock, directory);
        this.generation = new VaultGeneration(directory, cipher, vaultId);
        this.blobs = new BlobStore(directory, masterKey);
        try {
            this.earlierState = generation.wentBack(connection);
        } catch (SQLException e) {
            throw Database.translate(e);
        }
    }

    /**
     * True when the database opened at an earlier state than the one this vault was last closed (or
     * last imported into) with: H2 found its newest commits damaged and went back to the last intact
     * one, so work saved since may be missing. Nothing altered is ever read; the user must be told.
     */
    public boolean openedEarlierState() {
        return earlierState;
    }

    /**
     * Records how far the vault has got, so that a later fall back to an earlier state is noticed
     * (see {@link #openedEarlierState()}). Done on close; worth doing after a large import too.
     * Best effort: a failure here loses no data, only that one mark.
     */
    public synchronized void checkpoint() {
        if (closed) {
            return;
        }
        synchronized (db.lock) { // in the order close() takes them
            advanceQuietly();
        }
    }

    private void advanceQuietly() {
        try {
            generation.advance(connection);
        } catch (SQLException | java.io.IOException | RuntimeException ignored) {
            // Only the mark is lost: the next open cannot tell a fall back past this point.
        }
    }

    /** The coordinator's registry, archive, review and audit log (empty in a volunteer's vault). */
    public CoordinatorStores coordinator() {
        return coordinator;
    }

    /** What this device has sent, and what is waiting to be sent. */
    public ExportLedger exports() {
        return exports;
    }

    /** The exported bundles and how far sending each has got. */
    public OutboxLedger outbox() {
        return outbox;
    }

    /** The key that signs requests to the intake (not the bundle-signing device key). */
    public TransportKey transport() {
        return transport;
    }

    /** Sealed named values: organisation keys, enrolment. */
    public VaultSecrets secrets() {
        return secrets;
    }

    /** This vault's signing identity. */
    public DeviceIdentity device() {
        return device;
    }

    public Path directory() {
        return directory;
    }

    /** The vault folder (key file, OS lock, compartments); {@link #directory()} is the compartment. */
    public Path vaultDirectory() {
        return vaultDirectory;
    }

    int slot() {
        return slot;
    }

    boolean isDecoy() {
        return (slotFlags & org.tanik.store.vault.KeyFile.FLAG_DECOY) != 0;
    }

    Argon2Params params() {
        return params;
    }

    java.time.Clock clock() {
        return clock;
    }

    /**
     * Runs {@code work} on its own thread, off the caller's path (the duress erase after the decoy
     * opened); {@link #close()} waits for it, so the work is done by the time the vault is locked.
     */
    synchronized void startQuietly(Runnable work) {
        quietWork = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException ignored) {
                // Nothing may show: a failed erase leaves the vault as it was; the next open tries again.
            }
        }, "tanik-quiet");
        quietWork.setDaemon(false);
        quietWork.start();
    }

    /** Waits for the work started by {@link #startQuietly}. */
    void awaitQuietWork() {
        Thread t;
        synchronized (this) {
            t = quietWork;
        }
        if (t != null) {
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public String vaultId() {
        return vaultId;
    }

    public TestimonyStore testimonies() {
        return testimonies;
    }

    /** The encrypted attachment contents ({@code attachments/<id>.blob}); unusable once locked. */
    public BlobStore blobs() {
        return blobs;
    }

    /** The vault's keys: for the store's own tests (through a test fixture), never for callers. */
    MasterKey masterKey() {
        return masterKey;
    }

    /** The raw connection: for the store's own tests (through a test fixture); callers use the repositories. */
    Connection connection() {
        return connection;
    }

    public synchronized boolean isOpen() {
        return !closed;
    }

    @Override
    public void close() {
        close("SHUTDOWN");
    }

    /**
     * Locks the vault after rewriting the database file without its free space, which also drops
     * old (sealed) versions of overwritten rows. Slower than {@link #close()}: for maintenance.
     */
    public void compactAndClose() {
        close("SHUTDOWN COMPACT");
    }

    /**
     * Locks the vault as fast as it can, for the quick exit: the database files are closed as if the
     * process had been killed (what was committed stays, as after a crash; H2 recovers on the next
     * open) and the generation mark is not advanced (a mark behind the database is not a fall back).
     * This spares the checkpoint and the mark's write, so the keys are wiped sooner.
     */
    public void closeAtOnce() {
        awaitQuietWork();
        closeNow("SHUTDOWN IMMEDIATELY", false);
    }

    private void close(String shutdown) {
        awaitQuietWork();
        closeNow(shutdown, true);
    }

    private synchronized void closeNow(String shutdown, boolean mark) {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (db.lock) {
            if (mark) {
                advanceQuietly();
            }
            try (Statement s = connection.createStatement()) {
                s.execute(shutdown);
            } catch (SQLException ignored) {
                // Closing anyway; H2 recovers from an unclean close on next open.
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already closed by SHUTDOWN.
            }
        }
        blobs.close();
        masterKey.close();
        if (lock != null) {
            lock.close();
        }
    }
}
