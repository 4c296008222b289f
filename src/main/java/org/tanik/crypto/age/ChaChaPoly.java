package org.tanik.crypto.age;

/**
 * ChaCha20-Poly1305 (RFC 8439) with no associated data, as age uses it. Instances are not
 * thread-safe; obtain one per thread from {@link CipherBackend#cipher()}.
 */
interface ChaChaPoly {
    int TAG_LENGTH = 16;

    /** Encrypts {@code len} bytes into {@code out}; returns {@code len + 16}. */
    int seal(byte[] key, byte[] nonce, byte[] in, int inOff, int len, byte[] out, int outOff);

    /**
     * Decrypts and authenticates {@code len} bytes (tag included) into {@code out}.
     * Returns the plaintext length, or -1 when authentication fails; in that case the
     * contents of {@code out} are unspecified and must not be used.
     */
    int open(byte[] key, byte[] nonce, byte[] in, int inOff, int len, byte[] out, int outOff);
}
