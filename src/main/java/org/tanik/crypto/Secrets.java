package org.tanik.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

/** Handling of secret arrays: encoding without intermediate Strings, and wiping. */
public final class Secrets {
    private Secrets() {
    }

    public static void wipe(byte[]... arrays) {
        for (byte[] a : arrays) {
            if (a != null) {
                Arrays.fill(a, (byte) 0);
            }
        }
    }

    public static void wipe(char[]... arrays) {
        for (char[] a : arrays) {
            if (a != null) {
                Arrays.fill(a, '\0');
            }
        }
    }

    /**
     * NFC-normalises a passphrase and encodes it as UTF-8, so that "ş" typed as one code point or as
     * s + combining cedilla opens the same vault. The JDK normaliser can only return a String, so
     * one is made only when the input is not already NFC (rare: keyboards produce NFC).
     */
    public static byte[] passphraseBytes(char[] passphrase) {
        CharBuffer chars = CharBuffer.wrap(passphrase);
        char[] normalised = null;
        if (!Normalizer.isNormalized(chars, Normalizer.Form.NFC)) {
            normalised = Normalizer.normalize(chars, Normalizer.Form.NFC).toCharArray();
            chars = CharBuffer.wrap(normalised);
        }
        try {
            return utf8(chars);
        } finally {
            wipe(normalised);
        }
    }

    /** UTF-8 bytes of the characters, wiping the encoder's working buffer. */
    public static byte[] utf8(CharBuffer chars) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer buffer = null;
        try {
            buffer = encoder.encode(chars);
            byte[] out = new byte[buffer.remaining()];
            buffer.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("UTF-8 encoding failed", e);
        } finally {
            if (buffer != null && buffer.hasArray()) {
                Arrays.fill(buffer.array(), (byte) 0);
            }
        }
    }

    /** Lower-case hex of the bytes as a char array, for keys handed to APIs that want characters. */
    public static char[] hex(byte[] bytes) {
        final char[] digits = "0123456789abcdef".toCharArray();
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = digits[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = digits[bytes[i] & 0xf];
        }
        return out;
    }
}
