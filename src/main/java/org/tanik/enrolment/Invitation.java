package org.tanik.enrolment;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tanik.crypto.Fingerprint;
import org.tanik.sync.IntakeAddress;
import org.tanik.sync.Keys;
import org.tanik.sync.Route;

/**
 * What an organisation tells a new volunteer's device: who it is, whom to encrypt bundles to, the
 * key that signs its messages, and optionally where and how to upload. Signed by that key.
 *
 * @param tlsPin    "sha256/BASE64" of the intake server's public key, or null
 * @param intakeKey base64 of the intake's receipt-signing Ed25519 key, or null: the organisation
 *                  certifies that key by signing this invitation
 * @param route     {@code tor-only} or {@code direct-allowed}, or null (read as tor-only)
 */
public record Invitation(String organisation, List<String> recipients, byte[] signingKey, String intakeUrl,
                         String tlsPin, String intakeKey, String route, Instant issuedAt, Instant expiresAt) {

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

    /**
     * Where to send bundles, when the organisation gave all of an intake's address, pin and key
     * (older invitations carried the address alone: those devices export to files only).
     */
    public Optional<IntakeAddress> intake() {
        if (intakeUrl == null || tlsPin == null || intakeKey == null) {
            return Optional.empty();
        }
        return Optional.of(new IntakeAddress(URI.create(intakeUrl), tlsPin, Keys.parse(intakeKey),
                route == null ? Route.TOR_ONLY : Route.parse(route)));
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
