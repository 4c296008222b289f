package org.tanik.crypto.age;

/**
 * Wraps the 16-byte file key under a one-time wrap key with ChaCha20-Poly1305 and the
 * all-zero nonce, as the X25519 and scrypt stanzas do.
 */
final class FileKeyWrap {
    static final int FILE_KEY_LENGTH = 16;
    static final int WRAPPED_LENGTH = FILE_KEY_LENGTH + ChaChaPoly.TAG_LENGTH;
    private static final byte[] ZERO_NONCE = new byte[12];

    private FileKeyWrap() {
    }

    static byte[] wrap(byte[] wrapKey, byte[] fileKey) {
        byte[] out = new byte[WRAPPED_LENGTH];
        CipherBackend.BC.cipher().seal(wrapKey, ZERO_NONCE, fileKey, 0, fileKey.length, out, 0);
        return out;
    }

    /** Returns the file key, or null when the tag does not verify (a non-matching stanza). */
    static byte[] unwrap(byte[] wrapKey, byte[] body) {
        byte[] out = new byte[FILE_KEY_LENGTH];
        int n = CipherBackend.BC.cipher().open(wrapKey, ZERO_NONCE, body, 0, body.length, out, 0);
        return n == FILE_KEY_LENGTH ? out : null;
    }
}
