package org.tanik.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Append-only, hash-chained log of what coordinators did: imports, approvals, revocations, review
 * changes, exports. Each entry's hash covers the previous hash, so editing, deleting or reordering
 * any entry breaks the chain from there on; {@link #verify()} finds the first broken entry.
 */
public final class AuditLog {

    static final String GENESIS = "0".repeat(64);

    /**
     * One entry as stored. {@code detail} is null when its seal does not open (the entry was altered);
     * {@link #verify()} then reports it, and the other entries can still be read. Otherwise it is an
     * encoded {@link AuditDetail} or, in entries written before that format, plain English text.
     */
    public record Entry(long seq, Instant at, String action, String subject, String detail) {
    }

    /** The outcome of checking the chain: {@code firstBad} is -1 when every entry holds. */
    public record Verification(long entries, long firstBad, String head) {
        public boolean intact() {
            return firstBad < 0;
        }
    }

    private final VaultDb db;
    private final Clock clock;

    AuditLog(VaultDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Appends an entry whose detail each reader renders in its own language; call inside the
     * transaction of the change it records. Never pass testimony content: labels, reasons and ids only.
     */
    public void append(String action, String subject, AuditDetail detail) {
        append(action, subject, detail.encode());
    }

    /**
     * Appends an entry with a detail in plain text, as releases before {@link AuditDetail} wrote them:
     * only for that and for tests that make such entries; every writer now passes an AuditDetail.
     */
    void append(String action, String subject, String detail) {
        db.call(() -> {
            long seq = 1;
            String prev = GENESIS;
            try (PreparedStatement s = db.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
                 ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    seq = r.getLong(1) + 1;
                    prev = r.getString(2);
                }
            }
            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            byte[] sealed = db.cipher.seal("audit", Long.toString(seq), 0, action, detail.getBytes(StandardCharsets.UTF_8));
            try (PreparedStatement s = db.prepare("INSERT INTO audit_log (seq, at, action, subject, detail, prev_hash, hash) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, seq);
                s.setTimestamp(2, Timestamp.from(at));
                s.setString(3, action);
                s.setString(4, subject);
                s.setBytes(5, sealed);
                s.setString(6, prev);
                s.setString(7, hash(seq, at, action, subject, sealed, prev));
                return s.executeUpdate();
            }
        });
    }

    public Verification verify() {
        return db.call(() -> {
            long count = 0;
            long expectedSeq = 1;
            String prev = GENESIS;
            try (PreparedStatement s = db.prepare(
                    "SELECT seq, at, action, subject, detail, prev_hash, hash FROM audit_log ORDER BY seq");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long seq = r.getLong(1);
                    Instant at = r.getTimestamp(2).toInstant();
                    byte[] detail = r.getBytes(5);
                    boolean ok = seq == expectedSeq && prev.equals(r.getString(6))
                            && hash(seq, at, r.getString(3), r.getString(4), detail, prev).equals(r.getString(7));
                    if (ok) {
                        try {
                            db.cipher.open("audit", Long.toString(seq), 0, r.getString(3), detail);
                        } catch (org.tanik.error.TanikException e) {
                            ok = false;
                        }
                    }
                    if (!ok) {
                        return new Verification(count, seq, prev);
                    }
                    prev = r.getString(7);
                    expectedSeq++;
                    count++;
                }
            }
            return new Verification(count, -1, prev);
        });
    }

    public List<Entry> entries() {
        return db.call(() -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement s = db.prepare("SELECT seq, at, action, subject, detail FROM audit_log ORDER BY seq");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String detail;
                    try {
                        detail = new String(db.cipher.open("audit", Long.toString(r.getLong(1)), 0, r.getString(3),
                                r.getBytes(5)), StandardCharsets.UTF_8);
                    } catch (org.tanik.error.TanikException e) {
                        detail = null;
                    }
                    out.add(new Entry(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3), r.getString(4), detail));
                }
            }
            return out;
        });
    }

    static String hash(long seq, Instant at, String action, String subject, byte[] detail, String prev) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((prev + "\n" + seq + "\n" + at + "\n" + action + "\n" + subject + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(detail);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
