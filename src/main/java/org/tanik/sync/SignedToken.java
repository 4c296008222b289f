package org.tanik.sync;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.tanik.crypto.Ed25519;

/**
 * {@code BASE64URL(payload) "." BASE64URL(signature)}: exact signed bytes beside their Ed25519
 * signature, short enough for one HTTP header. Receipts and allow-lists travel like this; a domain
 * prefix inside the signed bytes keeps a signature of one kind from passing as the other.
 */
final class SignedToken {

    private SignedToken() {
    }

    /** Signs the JSON object as its exact serialised bytes. */
    static String write(String domain, com.fasterxml.jackson.databind.JsonNode payload, byte[] privateKey) {
        try {
            return write(domain, org.tanik.model.Json.mapper().writeValueAsBytes(payload), privateKey);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e); // an in-memory tree always serialises
        }
    }

    static String write(String domain, byte[] payload, byte[] privateKey) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload) + "." + b64.encodeToString(Ed25519.sign(privateKey, signed(domain, payload)));
    }

    /** The payload when the token is well formed and signed by {@code publicKey}; else empty. */
    static Optional<byte[]> read(String domain, String token, byte[] publicKey, int maxChars) {
        if (token == null || token.length() > maxChars) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            return Ed25519.verify(publicKey, signed(domain, payload), signature) ? Optional.of(payload) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] signed(String domain, byte[] payload) {
        byte[] prefix = (domain + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[prefix.length + payload.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(payload, 0, all, prefix.length, payload.length);
        return all;
    }
}
