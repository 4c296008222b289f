package org.tanik.model;

import java.time.Instant;

/**
 * A volunteer device in the coordinator's registry. The label is the coordinator's, never required to be a name.
 *
 * @param id          the registry's name for the device: it names rows, the public key identifies
 * @param fingerprint what people compare by phone, computed from the stored public key (six groups of five digits)
 */
public record Device(String id, String fingerprint, byte[] publicKey, DeviceState state, String label,
                     Instant revokedAt, String revokeReason, Instant firstSeen, Instant lastSeen, long lastSequence) {
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
