package org.tanik.store.coordinator;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tanik.store.db.VaultDb;

/**
 * The coordinator's memory of its intake: which transport key uploaded bundles of which device, how
 * far the fetch got in the intake's queue, and the allow-list's serial. Key ids and fingerprints
 * are public keys' names, not secrets; the intake's address itself is sealed with the organisation's
 * keys (see enrolment.Organisation).
 */
public final class IntakeLedger {

    private final VaultDb db;

    IntakeLedger(VaultDb db) {
        this.db = db;
    }

    /** Records that {@code keyId} uploaded a bundle of {@code device}; true when this pair is new. */
    public boolean tie(String keyId, String device, Instant at) {
        return db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT 1 FROM intake_transport_key WHERE key_id = ? AND device = ?")) {
                s.setString(1, keyId);
                s.setString(2, device);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement s = db.prepare(
                    "INSERT INTO intake_transport_key (key_id, device, first_seen) VALUES (?, ?, ?)")) {
                s.setString(1, keyId);
                s.setString(2, device);
                s.setTimestamp(3, Timestamp.from(at));
                s.executeUpdate();
            }
            return true;
        });
    }

    /** Every transport key with the devices whose bundles it uploaded, in a stable order. */
    public Map<String, Set<String>> keys() {
        return db.call(() -> {
            Map<String, Set<String>> out = new TreeMap<>();
            try (PreparedStatement s = db.prepare("SELECT key_id, device FROM intake_transport_key");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getString(1), k -> new TreeSet<>()).add(r.getString(2));
                }
            }
            return out;
        });
    }

    /** The devices whose bundles this transport key uploaded. */
    public Set<String> devicesOf(String keyId) {
        return keys().getOrDefault(keyId, Set.of());
    }

    /** Every bundle of the intake's queue up to this cursor is settled (imported, or refused for good). */
    public long cursor() {
        return db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT fetch_cursor FROM intake_progress WHERE id = 1");
                 ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0L;
            }
        });
    }

    /** Moves the cursor forward; never back. */
    public void advance(long cursor) {
        db.call(() -> {
            try (PreparedStatement s = db.prepare(
                    "UPDATE intake_progress SET fetch_cursor = GREATEST(fetch_cursor, ?) WHERE id = 1")) {
                s.setLong(1, cursor);
                return s.executeUpdate();
            }
        });
    }

    /**
     * The serial for the next allow-list: one more than any before, stored before the list is signed,
     * so no two different lists ever carry the same serial, even after a crash.
     */
    public long nextSerial() {
        return db.call(() -> {
            try (PreparedStatement s = db.prepare("UPDATE intake_progress SET allow_serial = allow_serial + 1 WHERE id = 1")) {
                s.executeUpdate();
            }
            try (PreparedStatement s = db.prepare("SELECT allow_serial FROM intake_progress WHERE id = 1");
                 ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
