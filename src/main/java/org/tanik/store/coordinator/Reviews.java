package org.tanik.store.coordinator;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tanik.model.ReviewState;
import org.tanik.store.db.VaultDb;

/** Review state of archived testimonies, with every change kept (note sealed, time, state). */
public final class Reviews {

    /** One state change. */
    public record Event(String testimonyId, ReviewState state, String duplicateOf, String note, Instant at) {
    }

    private final VaultDb db;
    private final Clock clock;

    Reviews(VaultDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Current state of every reviewed testimony; those absent are NEW. */
    public Map<String, ReviewState> states() {
        return db.call(() -> {
            Map<String, ReviewState> out = new HashMap<>();
            try (PreparedStatement s = db.prepare("SELECT CAST(testimony_id AS VARCHAR), state FROM review");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), ReviewState.valueOf(r.getString(2)));
                }
            }
            return out;
        });
    }

    /** Current state of each of {@code ids} that was reviewed; those absent are NEW. One query. */
    public Map<String, ReviewState> states(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.call(() -> {
            Map<String, ReviewState> out = new HashMap<>();
            try (PreparedStatement s = db.prepare(
                    "SELECT CAST(testimony_id AS VARCHAR), state FROM review WHERE testimony_id = ANY(?)")) {
                s.setArray(1, db.connection.createArrayOf("UUID", ids.stream().map(UUID::fromString).toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), ReviewState.valueOf(r.getString(2)));
                    }
                }
            }
            return out;
        });
    }

    public ReviewState state(String id) {
        return db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT state FROM review WHERE testimony_id = ?")) {
                s.setObject(1, UUID.fromString(id));
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? ReviewState.valueOf(r.getString(1)) : ReviewState.NEW;
                }
            }
        });
    }

    /** Records a change; the caller appends the audit entry in the same transaction. */
    public Event change(String id, ReviewState state, String duplicateOf, String note) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Event e = new Event(id, state, duplicateOf, note == null ? "" : note, at);
        db.call(() -> {
            try (PreparedStatement s = db.prepare("MERGE INTO review (testimony_id, state, duplicate_of, updated_at) "
                    + "KEY (testimony_id) VALUES (?, ?, ?, ?)")) {
                s.setObject(1, UUID.fromString(id));
                s.setString(2, state.name());
                s.setObject(3, duplicateOf == null ? null : UUID.fromString(duplicateOf));
                s.setTimestamp(4, Timestamp.from(at));
                s.executeUpdate();
            }
            try (PreparedStatement s = db.prepare("INSERT INTO review_event (testimony_id, state, duplicate_of, note, at) "
                    + "VALUES (?, ?, ?, ?, ?)")) {
                s.setObject(1, UUID.fromString(id));
                s.setString(2, state.name());
                s.setObject(3, duplicateOf == null ? null : UUID.fromString(duplicateOf));
                s.setBytes(4, db.cipher.seal("review-note", id, 0, at.toString(), e.note().getBytes(StandardCharsets.UTF_8)));
                s.setTimestamp(5, Timestamp.from(at));
                return s.executeUpdate();
            }
        });
        return e;
    }

    public List<Event> history(String id) {
        return db.call(() -> {
            List<Event> out = new ArrayList<>();
            try (PreparedStatement s = db.prepare("SELECT state, CAST(duplicate_of AS VARCHAR), note, at FROM review_event "
                    + "WHERE testimony_id = ? ORDER BY id")) {
                s.setObject(1, UUID.fromString(id));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Instant at = r.getTimestamp(4).toInstant();
                        String note = new String(db.cipher.open("review-note", id, 0, at.toString(), r.getBytes(3)),
                                StandardCharsets.UTF_8);
                        out.add(new Event(id, ReviewState.valueOf(r.getString(1)), r.getString(2), note, at));
                    }
                }
            }
            return out;
        });
    }
}
