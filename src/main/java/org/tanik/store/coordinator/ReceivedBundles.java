package org.tanik.store.coordinator;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tanik.model.ReceivedBundle;
import org.tanik.store.db.VaultDb;

/**
 * Bundles received by the coordinator. A quarantined bundle keeps its file (still age-encrypted to
 * the organisation) in the vault's archive folder until its device is approved; then it is imported
 * and the file dropped. Vaults made before that kept the file in the {@code held_file} column,
 * which is still read ({@link #legacyHeldFile}) but never written.
 */
public final class ReceivedBundles {

    private static final String COLUMNS = "CAST(bundle_id AS VARCHAR), file_sha256, device, sequence, created_at, "
            + "received_at, imported_at, state, record_count, flagged";
    private final VaultDb db;

    ReceivedBundles(VaultDb db) {
        this.db = db;
    }

    public Optional<ReceivedBundle> byFileHash(String sha256) {
        return one("file_sha256 = ?", sha256);
    }

    public Optional<ReceivedBundle> byId(String bundleId) {
        return one("bundle_id = CAST(? AS UUID)", bundleId);
    }

    public Optional<ReceivedBundle> bySequence(String device, long sequence) {
        return db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT " + COLUMNS + " FROM received_bundle WHERE device = ? AND sequence = ?")) {
                s.setString(1, device);
                s.setLong(2, sequence);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(read(r)) : Optional.empty();
                }
            }
        });
    }

    public List<ReceivedBundle> forDevice(String device) {
        return list("WHERE device = ? ORDER BY sequence", device);
    }

    public List<ReceivedBundle> all() {
        return list("ORDER BY received_at", null);
    }

    /** Records a bundle; a quarantined one's file is kept by ArchivePayloads.hold. */
    public void add(ReceivedBundle b) {
        db.call(() -> {
            try (PreparedStatement s = db.prepare("INSERT INTO received_bundle (bundle_id, file_sha256, device, sequence, "
                    + "created_at, received_at, imported_at, state, record_count, flagged) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setObject(1, UUID.fromString(b.bundleId()));
                s.setString(2, b.fileSha256());
                s.setString(3, b.device());
                s.setLong(4, b.sequence());
                s.setTimestamp(5, Timestamp.from(b.createdAt()));
                s.setTimestamp(6, Timestamp.from(b.receivedAt()));
                s.setTimestamp(7, b.importedAt() == null ? null : Timestamp.from(b.importedAt()));
                s.setString(8, b.state().name());
                s.setInt(9, b.recordCount());
                s.setBoolean(10, b.flagged());
                return s.executeUpdate();
            }
        });
    }

    /** The ids of the bundles in quarantine. */
    public java.util.Set<String> quarantinedIds() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (ReceivedBundle b : list("WHERE state = 'QUARANTINED'", null)) {
            out.add(b.bundleId());
        }
        return out;
    }

    /** The held file of a quarantined bundle from a vault made before held files lived beside the database. */
    public Optional<byte[]> legacyHeldFile(String bundleId) {
        return db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT held_file FROM received_bundle WHERE bundle_id = CAST(? AS UUID)")) {
                s.setString(1, bundleId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.ofNullable(r.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    /** A held bundle was imported: mark it and drop the held copy. */
    public void markImported(String bundleId, Instant at, int recordCount, boolean flagged) {
        db.call(() -> {
            try (PreparedStatement s = db.prepare("UPDATE received_bundle SET state = 'IMPORTED', imported_at = ?, "
                    + "record_count = ?, flagged = ?, held_file = NULL WHERE bundle_id = CAST(? AS UUID)")) {
                s.setTimestamp(1, Timestamp.from(at));
                s.setInt(2, recordCount);
                s.setBoolean(3, flagged);
                s.setString(4, bundleId);
                return s.executeUpdate();
            }
        });
    }

    /** Removes a held bundle that was refused: it leaves quarantine, and the audit log keeps its verdict. */
    public void remove(String bundleId) {
        db.call(() -> {
            try (PreparedStatement s = db.prepare("DELETE FROM received_bundle WHERE bundle_id = CAST(? AS UUID)")) {
                s.setString(1, bundleId);
                return s.executeUpdate();
            }
        });
    }

    private Optional<ReceivedBundle> one(String where, String value) {
        List<ReceivedBundle> l = list("WHERE " + where, value);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private List<ReceivedBundle> list(String tail, String value) {
        return db.call(() -> {
            List<ReceivedBundle> out = new ArrayList<>();
            try (PreparedStatement s = db.prepare("SELECT " + COLUMNS + " FROM received_bundle " + tail)) {
                if (value != null) {
                    s.setString(1, value);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(read(r));
                    }
                }
            }
            return out;
        });
    }

    private static ReceivedBundle read(ResultSet r) throws SQLException {
        Timestamp imported = r.getTimestamp(7);
        return new ReceivedBundle(r.getString(1), r.getString(2), r.getString(3), r.getLong(4),
                r.getTimestamp(5).toInstant(), r.getTimestamp(6).toInstant(), imported == null ? null : imported.toInstant(),
                ReceivedBundle.State.valueOf(r.getString(8)), r.getInt(9), r.getBoolean(10));
    }
}
