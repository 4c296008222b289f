package org.tanik.coordinator;

import java.time.Instant;
import java.util.Optional;
import org.tanik.store.coordinator.AuditLog;

/**
 * The audit log as the faces read it: its entries, what a check of its chain found, and the heads the
 * organisation signed. Plain values copied from the store's, so that the command line and the desktop
 * never hold a store type.
 */
public final class AuditTrail {

    private AuditTrail() {
    }

    /** One entry; {@code detail} is null when its seal does not open (see {@link AuditText#detail(Entry)}). */
    public record Entry(long seq, Instant at, String action, String subject, String detail) {
        static Entry of(AuditLog.Entry e) {
            return new Entry(e.seq(), e.at(), e.action(), e.subject(), e.detail());
        }
    }

    /** What the signed checkpoints say about the log (the store's {@link AuditLog.Anchor}, by name). */
    public enum Anchor {
        NONE, REACHED, CUT, REWRITTEN, FORGED
    }

    /**
     * A head the organisation signed: {@code entries} entries at {@code at}; {@code fullForm} is the one
     * line for machines (the signed text and its signature), the short forms are for comparing by eye.
     */
    public record Checkpoint(long entries, Instant at, String shortHead, String shortSignature, String fullForm) {
        static Checkpoint of(AuditLog.Checkpoint c) {
            return c == null ? null : new Checkpoint(c.entries(), c.at(), c.shortHead(), c.shortSignature(), c.fullForm());
        }

        static Optional<Checkpoint> of(Optional<AuditLog.Checkpoint> c) {
            return c.map(Checkpoint::of);
        }
    }

    /**
     * A check of the chain: {@code firstBad} is -1 when every entry holds; {@code checkpoint} is the one
     * {@code anchor} concerns (null when none was signed); {@code intact} as the store judged it.
     */
    public record Verification(long entries, long firstBad, String head, Anchor anchor, Checkpoint checkpoint,
                               boolean intact) {
        static Verification of(AuditLog.Verification v) {
            return new Verification(v.entries(), v.firstBad(), v.head(), Anchor.valueOf(v.anchor().name()),
                    Checkpoint.of(v.checkpoint()), v.intact());
        }
    }
}
