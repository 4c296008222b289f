package org.tanik.sync;

import java.util.Optional;

/**
 * Why the intake refused a request: an HTTP status for any tus client, and a stable code in the
 * {@value #HEADER} header that Tanik's client turns into a sentence in the volunteer's language.
 * The intake's English message in the body is for operators and other clients only.
 */
public enum Refusal {
    /** No signature, or one not of this profile. */
    UNSIGNED(401),
    BAD_SIGNATURE(401),
    /** A transport key the organisation never approved and that never showed an invitation. */
    UNKNOWN_DEVICE(401),
    REVOKED_DEVICE(403),
    /** A nonce seen before within the freshness window. */
    REPLAYED(401),
    /** {@code created} too far from the intake's clock. */
    STALE_TIME(401),
    /** The invitation shown to register is not this organisation's, or has expired. */
    INVITATION_REFUSED(403),
    /** A request that only the organisation may make (fetch, acknowledge, allow-list). */
    NOT_ORGANISATION(403),
    /** The intake has not been told its organisation's key yet. */
    NOT_CONFIGURED(503),
    TOO_LARGE(413),
    /** An unapproved device's small quota, or an approved one's, is used up. */
    QUOTA_EXCEEDED(429),
    /** Too many uploads at once: try again later. */
    BUSY(503),
    /** A malformed Upload-Offset, Upload-Length, Upload-Checksum, metadata or range. */
    MALFORMED(400),
    OFFSET_MISMATCH(409),
    /** The chunk does not match its Upload-Checksum (tus checksum extension's 460). */
    CHECKSUM_MISMATCH(460),
    /** The finished file does not match the SHA-256 announced at creation. */
    DIGEST_MISMATCH(460),
    NOT_FOUND(404),
    /** The upload expired (idle too long) or was terminated. */
    GONE(410),
    UNSUPPORTED_VERSION(412);

    public static final String HEADER = "Tanik-Refusal";
    private final int status;

    Refusal(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The code on the wire: lower case with hyphens, e.g. {@code unknown-device}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Optional<Refusal> ofCode(String code) {
        for (Refusal r : values()) {
            if (r.code().equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
