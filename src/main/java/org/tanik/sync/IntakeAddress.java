package org.tanik.sync;

import java.net.URI;

/**
 * Where and how a device reaches its organisation's intake: the https address, the pin of the
 * intake's self-signed TLS key, the intake's receipt-signing key (certified by being inside the
 * organisation's signed invitation) and the route policy.
 *
 * @param tlsPin    "sha256/BASE64" of the TLS certificate's public key (see {@link TlsPin})
 * @param intakeKey the raw 32-byte Ed25519 public key that signs receipts
 */
public record IntakeAddress(URI url, String tlsPin, byte[] intakeKey, Route route) {

    public IntakeAddress {
        intakeKey = intakeKey.clone();
        TlsPin.requireWellFormed(tlsPin);
    }

    @Override
    public byte[] intakeKey() {
        return intakeKey.clone();
    }

    /** An onion service is reachable only through Tor, whatever the route policy says. */
    public boolean onion() {
        return url.getHost() != null && url.getHost().toLowerCase(java.util.Locale.ROOT).endsWith(".onion");
    }
}
