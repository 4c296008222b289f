package org.tanik.crypto.age;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** ChaCha20-Poly1305 from the JDK's SunJCE provider (the faster of the two on JDK 17). */
final class JdkChaChaPoly implements ChaChaPoly {
    private Cipher cipher = newCipher();

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("ChaCha20-Poly1305");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 unavailable in this JDK", e);
        }
    }

    @Override
    public int seal(byte[] key, byte[] nonce, byte[] in, int inOff, int len, byte[] out, int outOff) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
            return cipher.doFinal(in, inOff, len, out, outOff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
        }
    }

    @Override
    public int open(byte[] key, byte[] nonce, byte[] in, int inOff, int len, byte[] out, int outOff) {
        if (len < TAG_LENGTH) {
            return -1;
        }
        try {
            SecretKeySpec k = new SecretKeySpec(key, "ChaCha20");
            try {
                cipher.init(Cipher.DECRYPT_MODE, k, new IvParameterSpec(nonce));
            } catch (InvalidKeyException e) {
                // JDK 17 refuses to re-init with the previous key and nonce even for
                // decryption (e.g. the same file decrypted twice); a fresh instance is fine.
                cipher = newCipher();
                cipher.init(Cipher.DECRYPT_MODE, k, new IvParameterSpec(nonce));
            }
            return cipher.doFinal(in, inOff, len, out, outOff);
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 decryption failed", e);
        }
    }
}
