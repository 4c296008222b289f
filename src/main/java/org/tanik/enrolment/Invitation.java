package org.tanik.enrolment;

import java.time.Instant;
import java.util.List;
import org.tanik.crypto.Fingerprint;

/**
 * What an organisation tells a new volunteer's device: who it is, whom to encrypt bundles to, the
 * key that signs its messages, and optionally where and how to upload. Signed by that key.
 *
 * @param tlsPin "sha256/BASE64" of the intake server's public key, or null
 */
public record Invitation(String organisation, List<String> recipients, byte[] signingKey, String intakeUrl,
                         String tlsPin, Instant issuedAt, Instant expiresAt) {

    public Invitation {
        recipients = List.copyOf(recipients);
        signingKey = signingKey.clone();
    }

    @Override
    public byte[] signingKey() {
        return signingKey.clone();
    }

    /** The digits a volunteer reads back to the coordinator to confirm the organisation's key. */
    public String fingerprint() {
        return Fingerprint.organisation(signingKey);
    }

    /**
     * Whether digits a person typed (or a script was given) are this organisation's fingerprint;
     * the spaces or hyphens between groups are optional.
     */
    public boolean fingerprintMatches(String typed) {
        return typed != null && typed.replaceAll("[\\s-]", "").equals(fingerprint().replace(" ", ""));
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
