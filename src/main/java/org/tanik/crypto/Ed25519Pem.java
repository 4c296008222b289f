package org.tanik.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * An Ed25519 public key as a PEM "PUBLIC KEY" (X.509 SubjectPublicKeyInfo, RFC 8410), the form
 * {@code openssl pkeyutl -verify -rawin -pubin -inkey key.pem} reads. The DER for Ed25519 is a fixed
 * 12-byte prefix followed by the 32-byte key, so both directions are byte comparisons, without a
 * general ASN.1 parser: anything but that exact structure is refused.
 */
public final class Ed25519Pem {
    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (0 unused bits) of 32 bytes }. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private Ed25519Pem() {
    }

    /** The PEM text, LF line endings, ending with a newline. */
    public static String encode(byte[] publicKey) {
        if (publicKey == null || publicKey.length != Ed25519.PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + publicKey.length);
        System.arraycopy(publicKey, 0, der, SPKI_PREFIX.length, publicKey.length);
        // 44 DER bytes are 60 base64 characters: one line, under PEM's 64-column limit.
        return BEGIN + "\n" + Base64.getEncoder().encodeToString(der) + "\n" + END + "\n";
    }

    /**
     * The 32-byte key from PEM text: exactly the BEGIN line, one base64 line, the END line, each ended by
     * LF (or CRLF), nothing before or after; the key must be a valid curve point.
     */
    public static byte[] parse(String pem) {
        if (pem == null) {
            throw new IllegalArgumentException("no PEM text");
        }
        String text = pem.replace("\r\n", "\n");
        String[] lines = text.split("\n", -1);
        if (lines.length != 4 || !lines[0].equals(BEGIN) || !lines[2].equals(END) || !lines[3].isEmpty()) {
            throw new IllegalArgumentException("not a single PEM public key");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(lines[1].getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed PEM body");
        }
        if (der.length != SPKI_PREFIX.length + Ed25519.PUBLIC_KEY_BYTES
                || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)
                || !Base64.getEncoder().encodeToString(der).equals(lines[1])) {
            throw new IllegalArgumentException("not an Ed25519 SubjectPublicKeyInfo");
        }
        byte[] key = Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length);
        try {
            new Ed25519PublicKeyParameters(key, 0).getEncoded();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid Ed25519 public key");
        }
        return key;
    }
}
