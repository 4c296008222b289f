package org.tanik.crypto.age;

import java.util.Base64;

/**
 * The header's base64: standard alphabet, no padding, and only canonical encodings
 * accepted (spec: decoders MUST reject non-canonical and padded input).
 */
final class Base64Raw {
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private Base64Raw() {
    }

    static String encode(byte[] data) {
        return ENCODER.encodeToString(data);
    }

    static boolean isAlphabet(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '+' || c == '/';
    }

    /** Decodes strictly; throws a header failure on any deviation. */
    static byte[] decode(String s) throws AgeException {
        for (int i = 0; i < s.length(); i++) {
            if (!isAlphabet(s.charAt(i))) {
                throw AgeException.header("invalid base64 character");
            }
        }
        if (s.length() % 4 == 1) {
            throw AgeException.header("invalid base64 length");
        }
        byte[] out;
        try {
            out = DECODER.decode(s);
        } catch (IllegalArgumentException e) {
            throw AgeException.header("invalid base64");
        }
        // The JDK ignores non-zero trailing bits; re-encoding exposes them.
        if (!ENCODER.encodeToString(out).equals(s)) {
            throw AgeException.header("non-canonical base64");
        }
        return out;
    }
}
