package org.tanik.store.volunteer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tanik.crypto.Secrets;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Json;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.model.TestimonySummary;
import org.tanik.store.db.Database;
import org.tanik.store.db.Transactions;
import org.tanik.store.db.VaultDb;
import org.tanik.store.vault.RecordCipher;

/**
 * Testimonies and their versions in the vault. Each version row holds two sealed values: a small
 * summary (what the list shows, so listing never decrypts narratives) and the full content.
 * Access is serialised on the vault's single connection. What may be stored (the field limits) is
 * the use case's rule ({@code volunteer.Drafts}); this class stores what it is given.
 */
public final class TestimonyStore {

    private static final String COLUMNS = "id, version, status, created_at, updated_at, sealed_at";
    private static final String CONTENT_QUERY = "SELECT v.id, v.version, v.status, v.created_at, v.updated_at, "
            + "v.sealed_at, c.content FROM testimony_version v JOIN testimony_content c "
            + "ON c.id = v.id AND c.version = v.version ";
    private final Connection connection;
    private final RecordCipher cipher;
    /** The vault's one monitor (the VaultDb's): the export ledger and secrets take it too. */
    private final Object lock;
    private final Clock clock;
    private final ObjectMapper json = Json.mapper();

    public TestimonyStore(VaultDb db, Clock clock) {
        this.connection = db.connection;
        this.cipher = db.cipher;
        this.lock = db.lock;
        this.clock = clock;
    }


    public Testimony create(TestimonyContent content) {
        synchronized (lock) {
            Instant now = now();
            Testimony t = new Testimony(UUID.randomUUID().toString(), 1, Status.DRAFT, now, now, null, content);
            Transactions.run(connection, () -> insert(t));
            return t;
        }
    }

    /** Saves new content into the latest version, which must still be a draft. */
    public Testimony saveDraft(String id, TestimonyContent content) {
        synchronized (lock) {
            Testimony current = latest(id);
            if (current.isSealed()) {
                throw new TanikException(Problem.TESTIMONY_SEALED);
            }
            Testimony t = new Testimony(current.id(), current.version(), Status.DRAFT, current.createdAt(), now(), null, content);
            Transactions.run(connection, () -> update(t));
            return t;
        }
    }

    /** Marks the latest version "ready to send": from now on it is read-only. */
    public Testimony seal(String id) {
        synchronized (lock) {
            Testimony current = latest(id);
            if (current.isSealed()) {
                return current;
            }
            Instant now = now();
            Testimony t = new Testimony(current.id(), current.version(), Status.SEALED, current.createdAt(), now, now,
                    current.content());
            Transactions.run(connection, () -> update(t));
            return t;
        }
    }

    /** Starts a new draft version from a sealed one; the sealed version stays as it was. */
    public Testimony amend(String id) {
        synchronized (lock) {
            Testimony current = latest(id);
            if (!current.isSealed()) {
                throw new TanikException(Problem.TESTIMONY_NOT_SEALED);
            }
            Instant now = now();
            Testimony t = new Testimony(current.id(), current.version() + 1, Status.DRAFT, now, now, null, current.content());
            Transactions.run(connection, () -> {
                execute("UPDATE testimony_version SET latest = FALSE WHERE id = ?", t.id());
                insert(t);
            });
            return t;
        }
    }

    public Testimony latest(String id) {
        synchronized (lock) {
            String uuid = resolve(id);
            return one(CONTENT_QUERY + "WHERE v.id = ? AND v.latest", uuid, null);
        }
    }

    public Testimony version(String id, int version) {
        synchronized (lock) {
            return one(CONTENT_QUERY + "WHERE v.id = ? AND v.version = ?", resolve(id), version);
        }
    }

    /** Every version of one testimony, oldest first. */
    public List<TestimonySummary> history(String id) {
        synchronized (lock) {
            return summaries("SELECT " + COLUMNS + ", summary FROM testimony_version WHERE id = ? ORDER BY version",
                    resolve(id));
        }
    }

    /** The latest version of every testimony. */
    public List<TestimonySummary> list() {
        synchronized (lock) {
            return summaries("SELECT " + COLUMNS + ", summary FROM testimony_version WHERE latest ORDER BY updated_at DESC", null);
        }
    }

    /** Accepts a full id or an unambiguous prefix of one, as people type them from a listing. */
    public String resolve(String idOrPrefix) {
        synchronized (lock) {
            String p = idOrPrefix == null ? "" : idOrPrefix.strip().toLowerCase(java.util.Locale.ROOT);
            if (!p.matches("[0-9a-f-]{4,36}")) {
                throw new TanikException(Problem.TESTIMONY_NOT_FOUND, safe(idOrPrefix));
            }
            List<String> matches = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT DISTINCT CAST(id AS VARCHAR) FROM testimony_version WHERE CAST(id AS VARCHAR) LIKE ? LIMIT 2")) {
                s.setString(1, p + "%");
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        matches.add(r.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw Database.translate(e);
            }
            if (matches.size() == 1) {
                return matches.get(0);
            }
            throw matches.isEmpty() ? new TanikException(Problem.TESTIMONY_NOT_FOUND, p)
                    : new TanikException(Problem.AMBIGUOUS_ID, p);
        }
    }

    private static String safe(String s) {
        return s == null ? "" : s.replaceAll("[^0-9A-Za-z-]", "?");
    }

    private void insert(Testimony t) throws SQLException {
        Sealed sealed = seal(t);
        try (PreparedStatement v = connection.prepareStatement("INSERT INTO testimony_version (" + COLUMNS
                + ", latest, summary) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?)");
             PreparedStatement c = connection.prepareStatement(
                     "INSERT INTO testimony_content (id, version, content) VALUES (?, ?, ?)")) {
            bindMeta(v, t);
            v.setBytes(7, sealed.summary);
            v.executeUpdate();
            c.setObject(1, UUID.fromString(t.id()));
            c.setInt(2, t.version());
            c.setBytes(3, sealed.content);
            c.executeUpdate();
        }
    }

    private void update(Testimony t) throws SQLException {
        Sealed sealed = seal(t);
        try (PreparedStatement v = connection.prepareStatement("UPDATE testimony_version SET id = ?, version = ?, "
                + "status = ?, created_at = ?, updated_at = ?, sealed_at = ?, summary = ? WHERE id = ? AND version = ?");
             PreparedStatement c = connection.prepareStatement(
                     "UPDATE testimony_content SET content = ? WHERE id = ? AND version = ?")) {
            bindMeta(v, t);
            v.setBytes(7, sealed.summary);
            v.setObject(8, UUID.fromString(t.id()));
            v.setInt(9, t.version());
            c.setBytes(1, sealed.content);
            c.setObject(2, UUID.fromString(t.id()));
            c.setInt(3, t.version());
            if (v.executeUpdate() != 1 || c.executeUpdate() != 1) {
                throw new TanikException(Problem.TESTIMONY_NOT_FOUND, t.id());
            }
        }
    }

    private record Sealed(byte[] summary, byte[] content) {
    }

    private Sealed seal(Testimony t) {
        String status = t.status().name();
        byte[] content = toJson(t.content());
        byte[] summary = SummaryCodec.encode(t.content());
        try {
            return new Sealed(cipher.seal("summary", t.id(), t.version(), status, summary),
                    cipher.seal("content", t.id(), t.version(), status, content));
        } finally {
            Secrets.wipe(content, summary);
        }
    }

    private static void bindMeta(PreparedStatement s, Testimony t) throws SQLException {
        s.setObject(1, UUID.fromString(t.id()));
        s.setInt(2, t.version());
        s.setString(3, t.status().name());
        s.setTimestamp(4, Timestamp.from(t.createdAt()));
        s.setTimestamp(5, Timestamp.from(t.updatedAt()));
        s.setTimestamp(6, t.sealedAt() == null ? null : Timestamp.from(t.sealedAt()));
    }

    private void execute(String sql, String id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            s.executeUpdate();
        }
    }

    private Testimony one(String sql, String id, Integer version) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            if (version != null) {
                s.setInt(2, version);
            }
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new TanikException(Problem.TESTIMONY_NOT_FOUND, id);
                }
                Meta m = meta(r);
                byte[] plain = cipher.open("content", m.id, m.version, m.status.name(), r.getBytes(7));
                try {
                    return new Testimony(m.id, m.version, m.status, m.created, m.updated, m.sealed,
                            fromJson(plain, TestimonyContent.class));
                } finally {
                    Secrets.wipe(plain);
                }
            }
        } catch (SQLException e) {
            throw Database.translate(e);
        }
    }

    private List<TestimonySummary> summaries(String sql, String id) {
        List<TestimonySummary> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            if (id != null) {
                s.setObject(1, UUID.fromString(id));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Meta m = meta(r);
                    byte[] plain = cipher.open("summary", m.id, m.version, m.status.name(), r.getBytes(7));
                    try {
                        out.add(SummaryCodec.decode(plain, m.id, m.version, m.status, m.updated));
                    } finally {
                        Secrets.wipe(plain);
                    }
                }
            }
        } catch (SQLException e) {
            throw Database.translate(e);
        }
        return out;
    }

    private record Meta(String id, int version, Status status, Instant created, Instant updated, Instant sealed) {
    }

    private static Meta meta(ResultSet r) throws SQLException {
        Status status;
        try {
            status = Status.valueOf(r.getString(3));
        } catch (IllegalArgumentException e) {
            throw new TanikException(Problem.RECORD_TAMPERED);
        }
        Timestamp sealed = r.getTimestamp(6);
        return new Meta(r.getObject(1, UUID.class).toString(), r.getInt(2), status, r.getTimestamp(4).toInstant(),
                r.getTimestamp(5).toInstant(), sealed == null ? null : sealed.toInstant());
    }

    private byte[] toJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise record", e);
        }
    }

    private <T> T fromJson(byte[] bytes, Class<T> type) {
        try {
            return json.readValue(bytes, type);
        } catch (IOException e) {
            // Authenticated but unreadable: written by a newer or broken program, not tampering.
            throw new TanikException(Problem.DATABASE_DAMAGED);
        }
    }

    private Instant now() {
        // Millisecond precision so that what is stored equals what was returned.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
