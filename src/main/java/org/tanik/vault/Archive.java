package org.tanik.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.tanik.crypto.Secrets;
import org.tanik.crypto.age.AgeException;
import org.tanik.crypto.age.PayloadReader;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Provenance;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyJson;

/**
 * The coordinator's archive: every imported testimony version, with the bundle it came in. The
 * newest version of a testimony is its "latest"; older ones stay readable.
 *
 * <p>A version is stored as a pointer (offset, length, SHA-256) into its bundle's payload, kept in
 * the vault's archive folder as sealed age chunks ({@link ArchivePayloads}) with the payload key
 * sealed here. Versions imported before that design hold their sealed content in the row.
 */
public final class Archive {

    /** One archived version and the device it came from. */
    public record Entry(Testimony testimony, String device, String bundleId) {
    }

    /** A verified record to archive: where its JSON lies in the bundle's payload, and its hash. */
    public record Incoming(Testimony testimony, long offset, int length, String sha256) {
    }

    private static final String COLUMNS = "testimony_id, version, device, bundle_id, content, entry_offset, entry_length, "
            + "entry_sha256";

    private final VaultDb db;
    private final ArchivePayloads payloads;
    private final TestimonyJson json = new TestimonyJson();

    Archive(VaultDb db, ArchivePayloads payloads) {
        this.db = db;
        this.payloads = payloads;
    }

    /** Where staged payloads are written while bundles are verified. */
    public ArchivePayloads payloads() {
        return payloads;
    }

    /**
     * Records a bundle's payload key (sealed) and signed manifest; its payload file must already be
     * committed. Call inside the import's transaction, before {@link #addAll}.
     */
    public void addPayload(String bundleId, byte[] payloadKey, long payloadSize, byte[] manifest, byte[] signature) {
        db.call(() -> {
            try (PreparedStatement s = db.prepare("INSERT INTO archive_bundle (bundle_id, payload_key, payload_size, "
                    + "manifest, signature) VALUES (?, ?, ?, ?, ?)")) {
                s.setObject(1, UUID.fromString(bundleId));
                s.setBytes(2, db.cipher.seal("payload-key", bundleId, 0, "-", payloadKey));
                s.setLong(3, payloadSize);
                s.setBytes(4, db.cipher.seal("manifest", bundleId, 0, "-", manifest));
                s.setBytes(5, signature);
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Stores the versions of one bundle that are not archived yet, in batches; returns those added.
     * Call inside the import's transaction.
     */
    public List<Testimony> addAll(List<Incoming> records, String device, String bundleId, Instant importedAt) {
        return db.call(() -> {
            Map<String, Set<Integer>> existing = new HashMap<>();
            try (PreparedStatement s = db.prepare(
                    "SELECT CAST(testimony_id AS VARCHAR), version FROM archive_version WHERE testimony_id = ANY(?)")) {
                s.setArray(1, db.connection.createArrayOf("UUID",
                        records.stream().map(r -> UUID.fromString(r.testimony().id())).distinct().toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        existing.computeIfAbsent(r.getString(1), k -> new HashSet<>()).add(r.getInt(2));
                    }
                }
            }
            Map<String, Integer> newest = new HashMap<>();
            existing.forEach((id, versions) -> newest.put(id, Collections.max(versions)));
            List<Incoming> fresh = new ArrayList<>();
            for (Incoming in : records) {
                Testimony t = in.testimony();
                if (existing.computeIfAbsent(t.id(), k -> new HashSet<>()).add(t.version())) {
                    fresh.add(in);
                    newest.merge(t.id(), t.version(), Math::max);
                }
            }
            try (PreparedStatement clear = db.prepare("UPDATE archive_version SET latest = FALSE WHERE testimony_id = ? "
                    + "AND version < ? AND latest");
                 PreparedStatement insert = db.prepare("INSERT INTO archive_version (testimony_id, version, device, "
                         + "bundle_id, latest, imported_at, entry_offset, entry_length, entry_sha256) "
                         + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                UUID bundle = UUID.fromString(bundleId);
                Timestamp at = Timestamp.from(importedAt);
                for (Incoming in : fresh) {
                    Testimony t = in.testimony();
                    UUID id = UUID.fromString(t.id());
                    boolean latest = newest.get(t.id()) == t.version();
                    if (latest && existing.get(t.id()).size() > 1) {
                        clear.setObject(1, id);
                        clear.setInt(2, t.version());
                        clear.addBatch();
                    }
                    insert.setObject(1, id);
                    insert.setInt(2, t.version());
                    insert.setString(3, device);
                    insert.setObject(4, bundle);
                    insert.setBoolean(5, latest);
                    insert.setTimestamp(6, at);
                    insert.setLong(7, in.offset());
                    insert.setInt(8, in.length());
                    insert.setString(9, in.sha256());
                    insert.addBatch();
                }
                clear.executeBatch();
                insert.executeBatch();
            }
            return fresh.stream().map(Incoming::testimony).toList();
        });
    }

    /**
     * Streams the latest version of every archived testimony (for the in-memory search index),
     * reading each bundle's payload once, front to back.
     */
    public void forEachLatest(Consumer<Entry> consumer) {
        List<Row> rows = rows("WHERE latest ORDER BY bundle_id, entry_offset", null);
        Map<String, List<Row>> byBundle = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.content() != null) {
                consumer.accept(fromContent(r));
            } else {
                byBundle.computeIfAbsent(r.bundleId(), k -> new ArrayList<>()).add(r);
            }
        }
        byBundle.forEach((bundleId, inBundle) -> readSequentially(bundleId, inBundle, consumer));
    }

    public List<Entry> versions(String id) {
        List<Row> rows = rows("WHERE testimony_id = ? ORDER BY version", UUID.fromString(id));
        if (rows.isEmpty()) {
            throw new TanikException(Problem.TESTIMONY_NOT_FOUND, id);
        }
        List<Entry> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(r.content() != null ? fromContent(r) : readOne(r));
        }
        return out;
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

    /** Ids of the bundles whose payloads the archive refers to. */
    Set<String> payloadBundleIds() {
        return db.call(() -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement s = db.prepare("SELECT CAST(bundle_id AS VARCHAR) FROM archive_bundle");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        });
    }

    /** An archive row: where a version is, not yet read. */
    private record Row(String id, int version, String device, String bundleId, byte[] content, long offset, int length,
                       String sha256) {
    }

    private List<Row> rows(String where, Object parameter) {
        return db.call(() -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement s = db.prepare("SELECT " + COLUMNS + " FROM archive_version " + where)) {
                if (parameter != null) {
                    s.setObject(1, parameter);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Row(r.getObject(1, UUID.class).toString(), r.getInt(2), r.getString(3),
                                r.getObject(4, UUID.class).toString(), r.getBytes(5), r.getLong(6), r.getInt(7),
                                r.getString(8)));
                    }
                }
            }
            return out;
        });
    }

    private byte[] payloadKey(String bundleId) {
        byte[] sealed = db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT payload_key FROM archive_bundle WHERE bundle_id = ?")) {
                s.setObject(1, UUID.fromString(bundleId));
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getBytes(1) : null;
                }
            }
        });
        if (sealed == null) {
            throw new TanikException(Problem.DATABASE_DAMAGED);
        }
        return db.cipher.open("payload-key", bundleId, 0, "-", sealed);
    }

    private Entry readOne(Row row) {
        byte[] key = payloadKey(row.bundleId());
        try (SeekableByteChannel ch = payloads.open(row.bundleId())) {
            return fromJson(row, PayloadReader.read(ch, key, row.offset(), row.length()));
        } catch (IOException e) {
            throw damaged(e);
        } finally {
            Secrets.wipe(key);
        }
    }

    /** Reads the wanted entries of one bundle in a single pass over its payload. */
    private void readSequentially(String bundleId, List<Row> wanted, Consumer<Entry> consumer) {
        byte[] key = payloadKey(bundleId);
        try (InputStream plain = PayloadReader.stream(payloads.stream(bundleId), key)) {
            long position = 0;
            for (Row row : wanted) {
                if (row.offset() < position) {
                    throw new TanikException(Problem.DATABASE_DAMAGED);
                }
                plain.skipNBytes(row.offset() - position);
                byte[] json = plain.readNBytes(row.length());
                position = row.offset() + json.length;
                if (json.length != row.length()) {
                    throw new TanikException(Problem.DATABASE_DAMAGED);
                }
                consumer.accept(fromJson(row, json));
            }
        } catch (IOException e) {
            throw damaged(e);
        } finally {
            Secrets.wipe(key);
        }
    }

    private static TanikException damaged(IOException e) {
        // A missing or altered payload file, or a chunk that fails to authenticate.
        return new TanikException(e instanceof AgeException ? Problem.RECORD_TAMPERED : Problem.DATABASE_DAMAGED, e);
    }

    private Entry fromContent(Row row) {
        byte[] plain = db.cipher.open("archive", row.id(), row.version(), "-", row.content());
        return parse(row, plain);
    }

    private Entry fromJson(Row row, byte[] plain) {
        if (!HexFormat.of().formatHex(sha256(plain)).equals(row.sha256())) {
            Secrets.wipe(plain);
            throw new TanikException(Problem.RECORD_TAMPERED);
        }
        return parse(row, plain);
    }

    private Entry parse(Row row, byte[] plain) {
        try {
            Testimony t = json.parseTestimony(plain);
            if (!t.id().equals(row.id()) || t.version() != row.version()) {
                throw new TanikException(Problem.RECORD_TAMPERED);
            }
            return new Entry(t, row.device(), row.bundleId());
        } catch (IllegalArgumentException e) {
            throw new TanikException(Problem.DATABASE_DAMAGED);
        } finally {
            Secrets.wipe(plain);
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
