package org.tanik.model;

import java.time.Instant;
import java.util.Optional;

/**
 * The newest version of one testimony that went out in a bundle: which bundle (this device's
 * sequence number), when it was exported and, once the intake's receipt checked out, when it was
 * delivered. This is the one rule for "sent": a testimony counts as sent when its latest version
 * is in a bundle; a newer draft or sealed version made after that is not sent yet.
 *
 * @param deliveredAt null until the intake's signed receipt for the bundle was verified
 */
public record SentStatus(int version, long bundle, Instant exportedAt, Instant deliveredAt) {

    /** Whether the testimony whose latest version is {@code latestVersion} has nothing left to send. */
    public boolean covers(int latestVersion) {
        return version >= latestVersion;
    }

    public Optional<Instant> delivered() {
        return Optional.ofNullable(deliveredAt);
    }
}
