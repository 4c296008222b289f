package org.tanik.model;

import java.time.Instant;

/** A volunteer device in the coordinator's registry. The label is the coordinator's, never required to be a name. */
public record Device(String fingerprint, byte[] publicKey, DeviceState state, String label, Instant revokedAt,
                     String revokeReason, Instant firstSeen, Instant lastSeen, long lastSequence) {
    public Device {
        publicKey = publicKey.clone();
        label = label == null ? "" : label;
        revokeReason = revokeReason == null ? "" : revokeReason;
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }
}
