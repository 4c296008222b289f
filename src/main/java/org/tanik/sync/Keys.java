package org.tanik.sync;

import java.util.Base64;
import org.tanik.crypto.Ed25519;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

/**
 * How Ed25519 public keys are written in sync: standard base64 of the 32 raw bytes for people and
 * configuration ({@code Intake key: …}), base64url without padding as a key id in HTTP headers.
 */
public final class Keys {

    private Keys() {
    }

    public static String text(byte[] publicKey) {
        return Base64.getEncoder().encodeToString(publicKey);
    }

    public static byte[] parse(String text) {
        try {
            byte[] key = Base64.getDecoder().decode(text == null ? "" : text.trim());
            if (key.length == Ed25519.PUBLIC_KEY_BYTES) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw new TanikException(Problem.INVALID_KEY);
    }

    public static String keyId(byte[] publicKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey);
    }

    /** The key named by a key id, or null when it is not 32 bytes of base64url. */
    public static byte[] fromKeyId(String keyId) {
        try {
            byte[] key = Base64.getUrlDecoder().decode(keyId);
            return key.length == Ed25519.PUBLIC_KEY_BYTES ? key : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
