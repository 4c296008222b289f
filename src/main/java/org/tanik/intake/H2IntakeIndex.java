package org.tanik.intake;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.sync.AllowList;

/**
 * The embedded index: one H2 file beside the blobs, not encrypted (it holds only public keys,
 * hashes, sizes and times). WRITE_DELAY=0 makes every commit reach the file before the request is
 * answered, so a killed process keeps every offset it reported. One connection, used by one thread
 * at a time: each call is a few rows.
 */
public final class H2IntakeIndex implements IntakeIndex {

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS device (key_id VARCHAR(64) PRIMARY KEY, registered_at TIMESTAMP WITH TIME ZONE,
                listed VARCHAR(10));
            CREATE TABLE IF NOT EXISTS setting (name VARCHAR(40) PRIMARY KEY, num BIGINT NOT NULL);
            CREATE TABLE IF NOT EXISTS nonce (key_id VARCHAR(64) NOT NULL, nonce VARCHAR(64) NOT NULL,
                seen_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (key_id, nonce));
            CREATE TABLE IF NOT EXISTS upload (id VARCHAR(40) PRIMARY KEY, device VARCHAR(64) NOT NULL,
                length BIGINT NOT NULL, upload_offset BIGINT NOT NULL, sha256 VARCHAR(64),
                touched TIMESTAMP WITH TIME ZONE NOT NULL, finished BOOLEAN NOT NULL);
            CREATE TABLE IF NOT EXISTS bundle (cursor BIGINT AUTO_INCREMENT PRIMARY KEY, sha256 VARCHAR(64) NOT NULL UNIQUE,
                size BIGINT NOT NULL, received_at TIMESTAMP WITH TIME ZONE NOT NULL, device VARCHAR(64) NOT NULL,
                receipt VARCHAR(2048) NOT NULL, acknowledged_at TIMESTAMP WITH TIME ZONE, deleted BOOLEAN NOT NULL);
            """;

    private final Connection db;

    public H2IntakeIndex(Path folder) {
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("index")
                + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0;TRACE_LEVEL_SYSTEM_OUT=0";
        try {
            db = DriverManager.getConnection(url, "intake", "");
            try (Statement s = db.createStatement()) {
                s.execute(SCHEMA);
            }
        } catch (SQLException e) {
            throw new TanikException(Problem.DATABASE_ERROR, e);
        }
    }

    @Override
    public synchronized DeviceState device(String keyId) {
        return query("SELECT registered_at, listed FROM device WHERE key_id = ?", rs -> {
            if (!rs.next()) {
                return DeviceState.UNKNOWN;
            }
            String listed = rs.getString(2);
            if (listed != null) {
                return DeviceState.valueOf(listed);
            }
            return rs.getObject(1) != null ? DeviceState.REGISTERED : DeviceState.UNKNOWN;
        }, keyId);
    }

    @Override
    public synchronized void register(String keyId, Instant at) {
        update("MERGE INTO device d USING (VALUES (CAST(? AS VARCHAR(64)))) v(k) ON d.key_id = v.k"
                + " WHEN MATCHED AND d.registered_at IS NULL THEN UPDATE SET registered_at = ?"
                + " WHEN NOT MATCHED THEN INSERT (key_id, registered_at) VALUES (v.k, ?)", keyId, ts(at), ts(at));
    }

    @Override
    public synchronized long allowListSerial() {
        return query("SELECT num FROM setting WHERE name = 'allowlist-serial'", rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    @Override
    public synchronized void applyAllowList(AllowList list) {
        try {
            db.setAutoCommit(false);
            update("UPDATE device SET listed = NULL");
            for (String k : list.approved()) {
                list(k, DeviceState.APPROVED);
            }
            for (String k : list.revoked()) {
                list(k, DeviceState.REVOKED); // revoked wins over approved if a list names a key twice
            }
            update("MERGE INTO setting KEY (name) VALUES ('allowlist-serial', ?)", list.serial());
            db.commit();
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e instanceof RuntimeException r ? r : new TanikException(Problem.DATABASE_ERROR, e);
        } finally {
            autoCommit();
        }
    }

    private void list(String keyId, DeviceState state) {
        update("MERGE INTO device d USING (VALUES (CAST(? AS VARCHAR(64)))) v(k) ON d.key_id = v.k"
                + " WHEN MATCHED THEN UPDATE SET listed = ? WHEN NOT MATCHED THEN INSERT (key_id, listed) VALUES (v.k, ?)",
                keyId, state.name(), state.name());
    }

    @Override
    public synchronized boolean rememberNonce(String keyId, String nonce, Instant at) {
        boolean seen = query("SELECT 1 FROM nonce WHERE key_id = ? AND nonce = ?", ResultSet::next, keyId, nonce);
        if (!seen) {
            update("INSERT INTO nonce (key_id, nonce, seen_at) VALUES (?, ?, ?)", keyId, nonce, ts(at));
        }
        return !seen;
    }

    @Override
    public synchronized void forgetNoncesBefore(Instant before) {
        update("DELETE FROM nonce WHERE seen_at < ?", ts(before));
    }

    @Override
    public synchronized void createUpload(Upload u) {
        update("INSERT INTO upload (id, device, length, upload_offset, sha256, touched, finished) VALUES (?, ?, ?, ?, ?, ?, ?)",
                u.id(), u.device(), u.length(), u.offset(), u.sha256(), ts(u.touched()), u.finished());
    }

    @Override
    public synchronized Optional<Upload> upload(String id) {
        return query("SELECT id, device, length, upload_offset, sha256, touched, finished FROM upload WHERE id = ?",
                rs -> rs.next() ? Optional.of(upload(rs)) : Optional.<Upload>empty(), id);
    }

    private static Upload upload(ResultSet rs) throws SQLException {
        return new Upload(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                instant(rs, 6), rs.getBoolean(7));
    }

    @Override
    public synchronized void advance(String id, long offset, Instant at, boolean finished) {
        update("UPDATE upload SET upload_offset = ?, touched = ?, finished = ? WHERE id = ?", offset, ts(at), finished, id);
    }

    @Override
    public synchronized void deleteUpload(String id) {
        update("DELETE FROM upload WHERE id = ?", id);
    }

    @Override
    public synchronized int unfinishedUploads() {
        return query("SELECT COUNT(*) FROM upload WHERE NOT finished", rs -> rs.next() ? rs.getInt(1) : 0);
    }

    @Override
    public synchronized int unfinishedUploads(String device) {
        return query("SELECT COUNT(*) FROM upload WHERE device = ? AND NOT finished", rs -> rs.next() ? rs.getInt(1) : 0,
                device);
    }

    @Override
    public synchronized long bytesHeld(String device) {
        long uploading = query("SELECT COALESCE(SUM(length), 0) FROM upload WHERE device = ? AND NOT finished",
                rs -> rs.next() ? rs.getLong(1) : 0L, device);
        long stored = query("SELECT COALESCE(SUM(size), 0) FROM bundle WHERE device = ? AND NOT deleted",
                rs -> rs.next() ? rs.getLong(1) : 0L, device);
        return uploading + stored;
    }

    @Override
    public synchronized List<Upload> uploadsIdleSince(Instant before) {
        return query("SELECT id, device, length, upload_offset, sha256, touched, finished FROM upload WHERE touched < ?",
                rs -> {
                    List<Upload> all = new ArrayList<>();
                    while (rs.next()) {
                        all.add(upload(rs));
                    }
                    return all;
                }, ts(before));
    }

    private static final String STORED = "SELECT cursor, sha256, size, received_at, device, receipt, acknowledged_at, deleted FROM bundle ";

    @Override
    public synchronized Optional<Stored> bundle(String sha256) {
        return query(STORED + "WHERE sha256 = ?", rs -> rs.next() ? Optional.of(stored(rs)) : Optional.<Stored>empty(), sha256);
    }

    @Override
    public synchronized Stored addBundle(String sha256, long size, Instant receivedAt, String device, String receipt) {
        update("INSERT INTO bundle (sha256, size, received_at, device, receipt, deleted) VALUES (?, ?, ?, ?, ?, FALSE)",
                sha256, size, ts(receivedAt), device, receipt);
        return bundle(sha256).orElseThrow();
    }

    @Override
    public synchronized List<Stored> bundlesAfter(long cursor, int limit) {
        return storedList(STORED + "WHERE cursor > ? AND NOT deleted ORDER BY cursor LIMIT ?", cursor, limit);
    }

    @Override
    public synchronized boolean acknowledge(String sha256, Instant at) {
        return update("UPDATE bundle SET acknowledged_at = COALESCE(acknowledged_at, ?) WHERE sha256 = ?", ts(at), sha256) > 0;
    }

    @Override
    public synchronized List<Stored> acknowledgedBefore(Instant before) {
        return storedList(STORED + "WHERE acknowledged_at IS NOT NULL AND acknowledged_at <= ? AND NOT deleted", ts(before));
    }

    @Override
    public synchronized void markDeleted(String sha256) {
        update("UPDATE bundle SET deleted = TRUE WHERE sha256 = ?", sha256);
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new TanikException(Problem.DATABASE_ERROR, e);
        }
    }

    private List<Stored> storedList(String sql, Object... args) {
        return query(sql, rs -> {
            List<Stored> all = new ArrayList<>();
            while (rs.next()) {
                all.add(stored(rs));
            }
            return all;
        }, args);
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        Instant ack = instant(rs, 7);
        return new Stored(rs.getLong(1), rs.getString(2), rs.getLong(3), instant(rs, 4), rs.getString(5),
                rs.getString(6), ack, rs.getBoolean(8));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static java.time.OffsetDateTime ts(Instant at) {
        return at.atOffset(java.time.ZoneOffset.UTC);
    }

    @FunctionalInterface
    private interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Rows<T> rows, Object... args) {
        try (PreparedStatement s = prepare(sql, args); ResultSet rs = s.executeQuery()) {
            return rows.read(rs);
        } catch (SQLException e) {
            throw new TanikException(Problem.DATABASE_ERROR, e);
        }
    }

    private int update(String sql, Object... args) {
        try (PreparedStatement s = prepare(sql, args)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new TanikException(Problem.DATABASE_ERROR, e);
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement s = db.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the failure being reported matters more
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            throw new TanikException(Problem.DATABASE_ERROR, e);
        }
    }
}
