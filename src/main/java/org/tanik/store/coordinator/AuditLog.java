package org.tanik.store.coordinator;

import org.tanik.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.tanik.crypto.Ed25519;
import org.tanik.store.db.VaultDb;

/**
 * Append-only, hash-chained log of what coordinators did: imports, approvals, revocations, review
 * changes, exports. Each entry's hash covers the previous hash, so editing, deleting or reordering
 * any entry breaks the chain from there on; {@link #verify()} finds the first broken entry.
 *
 * <p>A chain cut short is still a valid, shorter chain. So the organisation signs the head at each
 * import and export ({@link #checkpoint}), and verification also checks that the log still reaches
 * every signed checkpoint. Cutting entries after the newest checkpoint, or cutting checkpoints too,
 * is only seen against a head kept elsewhere ({@link #find}).
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

    /** What the signed checkpoints say about the log. */
    public enum Anchor {
        /** No checkpoint was signed yet (none since nothing was imported or exported). */
        NONE,
        /** The log reaches every checkpoint with the head signed for it. */
        REACHED,
        /** The log has fewer entries than a checkpoint counted: its newest entries were cut off. */
        CUT,
        /** The entry at a checkpoint's count no longer has the head signed for it: the log was rewritten. */
        REWRITTEN,
        /** A checkpoint's signature does not verify with the organisation's key: it was not signed by it. */
        FORGED
    }

    /**
     * The outcome of checking the log: {@code firstBad} is -1 when every entry holds, {@code anchor}
     * what the checkpoints say, {@code checkpoint} the one it concerns (when REACHED, the newest; null
     * when there is none). With a broken entry, REACHED only means that no checkpoint contradicts the
     * entries before it: those beyond cannot be checked.
     */
    public record Verification(long entries, long firstBad, String head, Anchor anchor, Checkpoint checkpoint) {
        /** Every entry holds, and the log reaches every signed checkpoint. */
        public boolean intact() {
            return firstBad < 0 && (anchor == Anchor.NONE || anchor == Anchor.REACHED);
        }
    }

    /**
     * A head the organisation signed: the log had {@code entries} entries ending in hash {@code head}
     * at {@code at}. {@code signature} is Ed25519 (hex) over {@link #signedText()}.
     */
    public record Checkpoint(long entries, String head, Instant at, String signature) {

        static final String FORMAT = "tanik-audit-head v1";

        static String signedText(long entries, String head, Instant at) {
            return FORMAT + " entries=" + entries + " head=" + head + " at=" + at;
        }

        /** The exact text signed: the full form without its signature, so anyone can check it with openssl. */
        public String signedText() {
            return signedText(entries, head, at);
        }

        /** One line to keep elsewhere and for machines: the signed text, then {@code sig=} and the signature in hex. */
        public String fullForm() {
            return signedText() + " sig=" + signature;
        }

        /** The first 16 digits of the head, enough to compare by eye or give to {@code audit verify --head}. */
        public String shortHead() {
            return head.substring(0, 16);
        }

        public String shortSignature() {
            return signature.substring(0, Math.min(16, signature.length()));
        }

        boolean signedBy(byte[] organisationKey) {
            try {
                return Ed25519.verify(organisationKey, signedText().getBytes(StandardCharsets.UTF_8),
                        HexFormat.of().parseHex(signature));
            } catch (IllegalArgumentException e) {
                return false;
            }
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

    /** Checks the chain and the checkpoints without their signatures (for callers without the organisation). */
    public Verification verify() {
        return verify(null);
    }

    /**
     * Checks the chain, then every signed checkpoint against it: its signature with the organisation's
     * public key (unchecked when null), and that the log still reaches its count with the head signed
     * for it. Checkpoints are looked at newest first, so the problem reported is the most recent one.
     */
    public Verification verify(byte[] organisationKey) {
        return db.call(() -> {
            List<Checkpoint> checkpoints = checkpoints();
            Map<Long, String> hashes = new HashMap<>();
            hashes.put(0L, GENESIS);
            for (Checkpoint c : checkpoints) {
                hashes.putIfAbsent(c.entries(), null);
            }
            Chain chain = walk((seq, hash) -> {
                if (hashes.containsKey(seq)) {
                    hashes.put(seq, hash);
                }
                return true;
            });
            for (Checkpoint c : checkpoints) {
                Anchor found = check(c, chain, hashes.get(c.entries()), organisationKey);
                if (found != Anchor.REACHED) {
                    return new Verification(chain.count, chain.firstBad, chain.head, found, c);
                }
            }
            return checkpoints.isEmpty() ? new Verification(chain.count, chain.firstBad, chain.head, Anchor.NONE, null)
                    : new Verification(chain.count, chain.firstBad, chain.head, Anchor.REACHED, checkpoints.get(0));
        });
    }

    /** REACHED also for a checkpoint beyond a broken entry: the chain's own finding says more there. */
    private static Anchor check(Checkpoint c, Chain chain, String hashThere, byte[] organisationKey) {
        if (organisationKey != null && !c.signedBy(organisationKey)) {
            return Anchor.FORGED;
        }
        if (c.entries() > chain.count) {
            return chain.firstBad < 0 ? Anchor.CUT : Anchor.REACHED;
        }
        return c.head().equals(hashThere) ? Anchor.REACHED : Anchor.REWRITTEN;
    }

    /**
     * Where the log holds a head hash kept elsewhere (all of it, or its first 16 digits or more):
     * the number of the entry it is the hash of, 0 for the empty log's, or -1 when no entry up to the
     * first broken one has it.
     */
    public long find(String head) {
        String wanted = head.strip().toLowerCase(java.util.Locale.ROOT);
        if (!wanted.matches("[0-9a-f]{16,64}")) {
            throw new IllegalArgumentException("not a head hash");
        }
        if (GENESIS.startsWith(wanted)) {
            return 0;
        }
        long[] found = {-1};
        db.call(() -> walk((seq, hash) -> {
            if (hash.startsWith(wanted)) {
                found[0] = seq;
                return false;
            }
            return true;
        }));
        return found[0];
    }

    /**
     * Signs the log's head as a checkpoint (its count, hash and the time) and keeps it; done at each
     * import and export, so that cutting off entries up to it is noticed. Nothing is signed when the
     * log does not verify (a signature would vouch for the damage); when no entry came since the
     * newest checkpoint, that one is returned.
     *
     * @param signer signs the checkpoint's {@link Checkpoint#signedText()} with the organisation's key
     */
    public Optional<Checkpoint> checkpoint(byte[] organisationKey, Function<byte[], byte[]> signer) {
        return db.call(() -> {
            Verification v = verify(organisationKey);
            if (!v.intact()) {
                return Optional.empty();
            }
            if (v.checkpoint() != null && v.checkpoint().entries() == v.entries()) {
                return Optional.of(v.checkpoint());
            }
            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            byte[] signature = signer.apply(Checkpoint.signedText(v.entries(), v.head(), at)
                    .getBytes(StandardCharsets.UTF_8));
            try (PreparedStatement s = db.prepare(
                    "INSERT INTO audit_checkpoint (entries, head, at, signature) VALUES (?, ?, ?, ?)")) {
                s.setLong(1, v.entries());
                s.setString(2, v.head());
                s.setTimestamp(3, Timestamp.from(at));
                s.setBytes(4, signature);
                s.executeUpdate();
            }
            return Optional.of(new Checkpoint(v.entries(), v.head(), at, HexFormat.of().formatHex(signature)));
        });
    }

    /** Every checkpoint, newest (highest count) first. */
    private List<Checkpoint> checkpoints() throws java.sql.SQLException {
        List<Checkpoint> out = new ArrayList<>();
        try (PreparedStatement s = db.prepare(
                "SELECT entries, head, at, signature FROM audit_checkpoint ORDER BY entries DESC, id DESC");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new Checkpoint(r.getLong(1), r.getString(2), r.getTimestamp(3).toInstant(),
                        HexFormat.of().formatHex(r.getBytes(4))));
            }
        }
        return out;
    }

    private interface ChainVisitor {
        /** Called for each entry that holds, in order; false stops the walk. */
        boolean entry(long seq, String hash);
    }

    /** How far the chain holds: {@code count} entries ending in {@code head}, then {@code firstBad} (-1: none). */
    private record Chain(long count, long firstBad, String head) {
    }

    /** Walks the chain from the first entry; the caller holds the monitor (inside {@code db.call}). */
    private Chain walk(ChainVisitor visitor) throws java.sql.SQLException {
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
                    return new Chain(count, seq, prev);
                }
                prev = r.getString(7);
                expectedSeq++;
                count++;
                if (!visitor.entry(seq, prev)) {
                    break;
                }
            }
        }
        return new Chain(count, -1, prev);
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
        MessageDigest sha = Sha256.digest();
        sha.update((prev + "\n" + seq + "\n" + at + "\n" + action + "\n" + subject + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(detail);
        return Sha256.hex(sha);
    }
}
