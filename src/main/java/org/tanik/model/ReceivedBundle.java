package org.tanik.model;

import java.time.Instant;

/** A bundle file the coordinator received, and what became of it. */
public record ReceivedBundle(String bundleId, String fileSha256, String device, long sequence, Instant createdAt,
                             Instant receivedAt, Instant importedAt, State state, int recordCount, boolean flagged) {

    public enum State {
        /** Its records are in the archive. */
        IMPORTED,
        /** Held until its device is approved. */
        QUARANTINED
    }
}
