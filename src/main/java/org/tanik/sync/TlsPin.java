package org.tanik.sync;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

/**
 * A TLS key pin, {@code sha256/BASE64}: the SHA-256 of the certificate's SubjectPublicKeyInfo, as
 * HPKP and OkHttp write it. The intake's certificate is self-signed; the pin from the signed
 * invitation is the only thing the client trusts.
 */
public final class TlsPin {

    private static final String PREFIX = "sha256/";

    private TlsPin() {
    }

    public static String of(PublicKey key) {
        try {
            byte[] spkiHash = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return PREFIX + Base64.getEncoder().encodeToString(spkiHash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean matches(String pin, PublicKey key) {
        return MessageDigest.isEqual(of(key).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                pin.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Refuses anything but {@code sha256/} and the base64 of 32 bytes. */
    public static String requireWellFormed(String pin) {
        try {
            if (pin != null && pin.startsWith(PREFIX)
                    && Base64.getDecoder().decode(pin.substring(PREFIX.length())).length == 32) {
                return pin;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw new TanikException(Problem.INVALID_TLS_PIN);
    }
}
