package org.tanik.crypto.age;

/** Which ChaCha20-Poly1305 implementation the STREAM payload and key wrapping use. */
public enum CipherBackend {
    /** The JDK's SunJCE cipher (default: about twice as fast as BC on JDK 17). */
    JDK,
    /** Bouncy Castle's lightweight ChaCha20Poly1305. */
    BC;

    // One cipher object per thread and backend: Cipher instances are not thread-safe and
    // costly to look up per chunk.
    private static final ThreadLocal<ChaChaPoly> JDK_CIPHER = ThreadLocal.withInitial(JdkChaChaPoly::new);
    private static final ThreadLocal<ChaChaPoly> BC_CIPHER = ThreadLocal.withInitial(BcChaChaPoly::new);

    ChaChaPoly cipher() {
        return this == JDK ? JDK_CIPHER.get() : BC_CIPHER.get();
    }
}
