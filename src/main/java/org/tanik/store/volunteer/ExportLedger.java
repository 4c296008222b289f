package org.tanik.store.volunteer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tanik.model.SentStatus;
import org.tanik.model.Testimony;
import org.tanik.store.db.Database;
import org.tanik.store.db.Transactions;
import org.tanik.store.db.VaultDb;

/**
 * What this device has sent: the sealed versions not yet in any bundle, the bundle sequence and
 * the previous bundle's hash (so the organisation can see gaps and replays). Marking happens only
 * after the bundle file is safely on disk, in one transaction.
 */
public final class ExportLedger {

    /** The last bundle this device made. */
    public record LastBundle(long sequence, String fileSha256) {
    }

    private final Connection connection;
    private final Object lock;
    private final TestimonyStore store;

    public ExportLedger(VaultDb db, TestimonyStore store) {
        this.connection = db.connection;
        this.lock = db.lock;
        this.store = store;
    }

    /** Every sealed version never exported, oldest first. */
    public List<Testimony> pending() {
        List<String[]> keys = new ArrayList<>();
        synchronized (lock) {
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT CAST(id AS VARCHAR), version FROM testimony_version WHERE status = 'SEALED' "
                            + "AND exported_bundle IS NULL ORDER BY sealed_at, id, version")) {
                while (r.next()) {
                    keys.add(new String[] {r.getString(1), Integer.toString(r.getInt(2))});
                }
            } catch (SQLException e) {
                throw Database.translate(e);
            }
            List<Testimony> out = new ArrayList<>(keys.size());
            for (String[] k : keys) {
                out.add(store.version(k[0], Integer.parseInt(k[1])));
            }
            return out;
        }
    }

    public Optional<LastBundle> last() {
        synchronized (lock) {
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT sequence, file_sha256 FROM bundle_export ORDER BY sequence DESC LIMIT 1")) {
                return r.next() ? Optional.of(new LastBundle(r.getLong(1), r.getString(2))) : Optional.empty();
            } catch (SQLException e) {
                throw Database.translate(e);
            }
        }
    }

    /** Records a bundle and marks its versions exported, all or nothing. */
    public void recordExport(long sequence, String bundleId, String fileSha256, Instant createdAt, List<Testimony> versions) {
        recordExport(sequence, bundleId, fileSha256, createdAt, versions, null);
    }

    /** Where the outbox keeps its copy of a bundle: the file's name in {@code outbox/} and its size. */
    public record OutboxCopy(OutboxLedger outbox, String fileName, long size) {
    }

    /**
     * Records a bundle, marks its versions exported and, when {@code copy} is given, adds it to the
     * outbox as waiting: all in one transaction, so a bundle is never exported without its outbox row.
     */
    public void recordExport(long sequence, String bundleId, String fileSha256, Instant createdAt, List<Testimony> versions,
                             OutboxCopy copy) {
        synchronized (lock) {
            Transactions.run(connection, () -> {
                if (copy != null) {
                    copy.outbox().add(bundleId, sequence, fileSha256, copy.size(), copy.fileName());
                }
                try (PreparedStatement b = connection.prepareStatement("INSERT INTO bundle_export (sequence, bundle_id, "
                        + "file_sha256, record_count, created_at) VALUES (?, ?, ?, ?, ?)");
                     PreparedStatement m = connection.prepareStatement(
                             "UPDATE testimony_version SET exported_bundle = ? WHERE id = ? AND version = ?")) {
                    b.setLong(1, sequence);
                    b.setObject(2, UUID.fromString(bundleId));
                    b.setString(3, fileSha256);
                    b.setInt(4, versions.size());
                    b.setTimestamp(5, Timestamp.from(createdAt));
                    b.executeUpdate();
                    for (Testimony t : versions) {
                        m.setObject(1, UUID.fromString(bundleId));
                        m.setObject(2, UUID.fromString(t.id()));
                        m.setInt(3, t.version());
                        m.addBatch();
                    }
                    m.executeBatch();
                }
            });
        }
    }

    /** The bundle a version went out in, if any. */
    public Optional<String> exportedIn(String id, int version) {
        synchronized (lock) {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT CAST(exported_bundle AS VARCHAR) FROM testimony_version WHERE id = ? AND version = ?")) {
                s.setObject(1, UUID.fromString(id));
                s.setInt(2, version);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw Database.translate(e);
            }
        }
    }

    /**
     * For every testimony with a version in a bundle, its newest such version and that bundle's
     * number, export time and (from the outbox) delivery time. Bundles exported before the outbox
     * existed have no outbox row: exported, never delivered through sync.
     */
    public Map<String, SentStatus> sent() {
        return query(null);
    }

    /** The same for one testimony. */
    public Optional<SentStatus> sent(String id) {
        return Optional.ofNullable(query(UUID.fromString(id)).get(id));
    }

    private Map<String, SentStatus> query(UUID only) {
        String sql = "SELECT CAST(v.id AS VARCHAR), v.version, b.sequence, b.created_at, o.state, o.received_at "
                + "FROM testimony_version v JOIN bundle_export b ON b.bundle_id = v.exported_bundle "
                + "LEFT JOIN outbox o ON o.bundle_id = v.exported_bundle"
                + (only == null ? "" : " WHERE v.id = ?");
        Map<String, SentStatus> out = new HashMap<>();
        synchronized (lock) {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                if (only != null) {
                    s.setObject(1, only);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Timestamp received = r.getTimestamp(6);
                        boolean delivered = "DELIVERED".equals(r.getString(5)) && received != null;
                        SentStatus sent = new SentStatus(r.getInt(2), r.getLong(3), r.getTimestamp(4).toInstant(),
                                delivered ? received.toInstant() : null);
                        out.merge(r.getString(1), sent, (a, b) -> a.version() >= b.version() ? a : b);
                    }
                }
            } catch (SQLException e) {
                throw Database.translate(e);
            }
        }
        return out;
    }
}
