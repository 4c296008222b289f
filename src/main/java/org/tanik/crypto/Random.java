package org.tanik.crypto;

import java.security.SecureRandom;

/** One place for cryptographic randomness. */
public final class Random {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Random() {
    }

    /** Fills the array with random bytes (nonces, salts, keys). */
    public static void fill(byte[] b) {
        RANDOM.nextBytes(b);
    }

    public static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
