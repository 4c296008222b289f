package org.tanik.store.volunteer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tanik.model.Json;
import org.tanik.store.db.VaultDb;

/**
 * The volunteer's outbox: one row per exported bundle with the name of its copy in the vault
 * folder's {@code outbox/}, and how far sending it has got. The tus upload path is kept as soon
 * as the intake gives it, so an upload cut by a crash or a lock resumes where it stopped. A row is
 * delivered only with a receipt for exactly its file; it stays after delivery as the proof.
 */
public final class OutboxLedger {

    public enum State { WAITING, SENDING, DELIVERED, FAILED }

    /**
     * One exported bundle.
     *
     * @param problem     the code of the last failure ({@code Problem} name), or null
     * @param problemArgs its arguments: nothing secret (an address, a code), never testimony
     */
    public record Entry(String bundleId, long sequence, String sha256, long size, String fileName, State state,
                        String uploadPath, String receipt, Instant receivedAt, String problem,
                        List<String> problemArgs, int attempts, Instant nextAttempt) {

        public Optional<String> resumeFrom() {
            return Optional.ofNullable(uploadPath);
        }
    }

    private static final String COLUMNS = "CAST(bundle_id AS VARCHAR), sequence, file_sha256, size, file_name, state, "
            + "upload_path, receipt, received_at, problem, problem_args, attempts, next_attempt";
    private final VaultDb db;

    public OutboxLedger(VaultDb db) {
        this.db = db;
    }

    /** Every bundle, in sequence order. */
    public List<Entry> list() {
        return db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT " + COLUMNS + " FROM outbox ORDER BY sequence");
                 ResultSet r = s.executeQuery()) {
                List<Entry> out = new ArrayList<>();
                while (r.next()) {
                    out.add(entry(r));
                }
                return out;
            }
        });
    }

    public Optional<Entry> get(String bundleId) {
        return db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT " + COLUMNS + " FROM outbox WHERE bundle_id = ?")) {
                s.setObject(1, UUID.fromString(bundleId));
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(entry(r)) : Optional.empty();
                }
            }
        });
    }

    /** A new bundle waiting to be sent; called inside the export's transaction. */
    void add(String bundleId, long sequence, String sha256, long size, String fileName) throws SQLException {
        try (PreparedStatement s = db.prepare("INSERT INTO outbox (bundle_id, sequence, file_sha256, size, file_name, "
                + "state) VALUES (?, ?, ?, ?, ?, 'WAITING')")) {
            s.setObject(1, UUID.fromString(bundleId));
            s.setLong(2, sequence);
            s.setString(3, sha256);
            s.setLong(4, size);
            s.setString(5, fileName);
            s.executeUpdate();
        }
    }

    /** A send attempt begins: counted, and shown as sending. */
    public void sending(String bundleId) {
        update("UPDATE outbox SET state = 'SENDING', attempts = attempts + 1 WHERE bundle_id = ? AND state <> 'DELIVERED'",
                bundleId);
    }

    /** Remembers where the intake keeps the partial upload, at once, so a restart resumes it. */
    public void uploadStarted(String bundleId, String uploadPath) {
        db.call(() -> {
            try (PreparedStatement s = db.prepare("UPDATE outbox SET upload_path = ? WHERE bundle_id = ?")) {
                s.setString(1, uploadPath);
                s.setObject(2, UUID.fromString(bundleId));
                return s.executeUpdate();
            }
        });
    }

    /**
     * Marks a bundle delivered. The caller has verified the receipt's signature; this checks that it
     * is for exactly this bundle's file (hash and size), else nothing changes.
     *
     * @param receipt the receipt as kept (its token when the intake gave one)
     */
    public void delivered(String bundleId, String receiptSha256, long receiptSize, Instant receivedAt, String receipt) {
        Entry e = get(bundleId).orElseThrow(() -> new IllegalArgumentException("no such bundle in the outbox"));
        if (receipt == null || receipt.isBlank() || receivedAt == null || !e.sha256().equalsIgnoreCase(receiptSha256)
                || e.size() != receiptSize) {
            throw new IllegalArgumentException("the receipt is not for this bundle");
        }
        db.call(() -> {
            try (PreparedStatement s = db.prepare("UPDATE outbox SET state = 'DELIVERED', receipt = ?, received_at = ?, "
                    + "problem = NULL, problem_args = NULL, next_attempt = NULL WHERE bundle_id = ?")) {
                s.setString(1, receipt);
                s.setTimestamp(2, Timestamp.from(receivedAt));
                s.setObject(3, UUID.fromString(bundleId));
                return s.executeUpdate();
            }
        });
    }

    /** A send failed: why (a Problem code and its non-secret arguments) and when to try again, if ever. */
    public void failed(String bundleId, String problem, List<String> args, Instant nextAttempt) {
        db.call(() -> {
            try (PreparedStatement s = db.prepare("UPDATE outbox SET state = 'FAILED', problem = ?, problem_args = ?, "
                    + "next_attempt = ? WHERE bundle_id = ? AND state <> 'DELIVERED'")) {
                s.setString(1, problem);
                s.setString(2, Json.mapper().writeValueAsString(args == null ? List.of() : args));
                s.setTimestamp(3, nextAttempt == null ? null : Timestamp.from(nextAttempt));
                s.setObject(4, UUID.fromString(bundleId));
                return s.executeUpdate();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Sending stopped without an answer (a lock, a crash): the bundle waits again, keeping its upload
     * path so the next send resumes.
     */
    public void interrupted(String bundleId) {
        update("UPDATE outbox SET state = 'WAITING' WHERE bundle_id = ? AND state = 'SENDING'", bundleId);
    }

    private void update(String sql, String bundleId) {
        db.call(() -> {
            try (PreparedStatement s = db.prepare(sql)) {
                s.setObject(1, UUID.fromString(bundleId));
                return s.executeUpdate();
            }
        });
    }

    private static Entry entry(ResultSet r) throws SQLException {
        Timestamp received = r.getTimestamp(9);
        Timestamp next = r.getTimestamp(13);
        return new Entry(r.getString(1), r.getLong(2), r.getString(3), r.getLong(4), r.getString(5),
                State.valueOf(r.getString(6)), r.getString(7), r.getString(8),
                received == null ? null : received.toInstant(), r.getString(10), args(r.getString(11)), r.getInt(12),
                next == null ? null : next.toInstant());
    }

    private static List<String> args(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return Json.mapper().readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
