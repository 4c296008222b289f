package org.tanik.vault;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Provenance;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyJson;

/**
 * The coordinator's archive: every imported testimony version, sealed, with the bundle it came
 * in. The newest version of a testimony is its "latest"; older ones stay readable.
 */
public final class Archive {

    /** One archived version and the device it came from. */
    public record Entry(Testimony testimony, String device, String bundleId) {
    }

    private final VaultDb db;
    private final TestimonyJson json = new TestimonyJson();

    Archive(VaultDb db) {
        this.db = db;
    }

    /** A record to archive and its JSON exactly as the bundle carried it. */
    public record Incoming(Testimony testimony, byte[] json) {
    }

    /**
     * Stores the versions of one bundle that are not archived yet, in batches; returns those added.
     * Call inside the import's transaction.
     */
    public List<Testimony> addAll(List<Incoming> records, String device, String bundleId, Instant importedAt) {
        return db.call(() -> {
            java.util.Map<String, java.util.Set<Integer>> existing = new java.util.HashMap<>();
            try (PreparedStatement s = db.prepare(
                    "SELECT CAST(testimony_id AS VARCHAR), version FROM archive_version WHERE testimony_id = ANY(?)")) {
                s.setArray(1, db.connection.createArrayOf("UUID",
                        records.stream().map(r -> UUID.fromString(r.testimony().id())).distinct().toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        existing.computeIfAbsent(r.getString(1), k -> new java.util.HashSet<>()).add(r.getInt(2));
                    }
                }
            }
            java.util.Map<String, Integer> newest = new java.util.HashMap<>();
            existing.forEach((id, versions) -> newest.put(id, java.util.Collections.max(versions)));
            List<Incoming> fresh = new ArrayList<>();
            for (Incoming in : records) {
                Testimony t = in.testimony();
                if (existing.computeIfAbsent(t.id(), k -> new java.util.HashSet<>()).add(t.version())) {
                    fresh.add(in);
                    newest.merge(t.id(), t.version(), Math::max);
                }
            }
            try (PreparedStatement clear = db.prepare("UPDATE archive_version SET latest = FALSE WHERE testimony_id = ? "
                    + "AND version < ? AND latest");
                 PreparedStatement insert = db.prepare("INSERT INTO archive_version (testimony_id, version, device, "
                         + "bundle_id, latest, imported_at, content) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Incoming in : fresh) {
                    Testimony t = in.testimony();
                    boolean latest = newest.get(t.id()) == t.version();
                    if (latest) {
                        clear.setObject(1, UUID.fromString(t.id()));
                        clear.setInt(2, t.version());
                        clear.addBatch();
                    }
                    insert.setObject(1, UUID.fromString(t.id()));
                    insert.setInt(2, t.version());
                    insert.setString(3, device);
                    insert.setObject(4, UUID.fromString(bundleId));
                    insert.setBoolean(5, latest);
                    insert.setTimestamp(6, Timestamp.from(importedAt));
                    insert.setBytes(7, db.cipher.seal("archive", t.id(), t.version(), "-", in.json()));
                    insert.addBatch();
                }
                clear.executeBatch();
                insert.executeBatch();
            }
            return fresh.stream().map(Incoming::testimony).toList();
        });
    }

    /** Streams the latest version of every archived testimony (for the in-memory search index). */
    public void forEachLatest(Consumer<Entry> consumer) {
        db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT testimony_id, version, device, bundle_id, content "
                    + "FROM archive_version WHERE latest ORDER BY imported_at");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    consumer.accept(entry(r));
                }
            }
            return null;
        });
    }

    public List<Entry> versions(String id) {
        return db.call(() -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement s = db.prepare("SELECT testimony_id, version, device, bundle_id, content "
                    + "FROM archive_version WHERE testimony_id = ? ORDER BY version")) {
                s.setObject(1, UUID.fromString(id));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(entry(r));
                    }
                }
            }
            if (out.isEmpty()) {
                throw new TanikException(Problem.TESTIMONY_NOT_FOUND, id);
            }
            return out;
        });
    }

    public int countVersions() {
        return db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT COUNT(*) FROM archive_version"); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    public Optional<Provenance> provenance(String id, int version) {
        return db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT a.device, CAST(a.bundle_id AS VARCHAR), b.sequence, b.file_sha256, "
                    + "b.created_at, b.received_at, a.imported_at, b.flagged FROM archive_version a "
                    + "JOIN received_bundle b ON b.bundle_id = a.bundle_id WHERE a.testimony_id = ? AND a.version = ?")) {
                s.setObject(1, UUID.fromString(id));
                s.setInt(2, version);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    String verification = r.getBoolean(8)
                            ? "signature and hashes verified; flagged: sent by a device revoked since"
                            : "signature and hashes verified";
                    return Optional.of(new Provenance(id, version, r.getString(1), r.getString(2), r.getLong(3),
                            r.getString(4), r.getTimestamp(5).toInstant(), r.getTimestamp(6).toInstant(),
                            r.getTimestamp(7).toInstant(), verification));
                }
            }
        });
    }

    private Entry entry(ResultSet r) throws SQLException {
        String id = r.getObject(1, UUID.class).toString();
        int version = r.getInt(2);
        byte[] plain = db.cipher.open("archive", id, version, "-", r.getBytes(5));
        try {
            Testimony t = json.parseTestimony(plain);
            if (!t.id().equals(id) || t.version() != version) {
                throw new TanikException(Problem.RECORD_TAMPERED);
            }
            return new Entry(t, r.getString(3), r.getObject(4, UUID.class).toString());
        } catch (IllegalArgumentException e) {
            throw new TanikException(Problem.DATABASE_DAMAGED);
        } finally {
            org.tanik.crypto.Secrets.wipe(plain);
        }
    }
}
