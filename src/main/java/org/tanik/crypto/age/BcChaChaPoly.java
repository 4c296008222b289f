package org.tanik.crypto.age;

import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/** ChaCha20-Poly1305 from Bouncy Castle's lightweight API (portable fallback). */
final class BcChaChaPoly implements ChaChaPoly {
    private final ChaCha20Poly1305 aead = new ChaCha20Poly1305();

    @Override
    public int seal(byte[] key, byte[] nonce, byte[] in, int inOff, int len, byte[] out, int outOff) {
        aead.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        int n = aead.processBytes(in, inOff, len, out, outOff);
        try {
            return n + aead.doFinal(out, outOff + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
        }
    }

    @Override
    public int open(byte[] key, byte[] nonce, byte[] in, int inOff, int len, byte[] out, int outOff) {
        if (len < TAG_LENGTH) {
            return -1;
        }
        aead.init(false, new ParametersWithIV(new KeyParameter(key), nonce));
        // BC writes plaintext before it checks the tag: wipe it on failure so nothing leaks.
        int n = aead.processBytes(in, inOff, len, out, outOff);
        try {
            return n + aead.doFinal(out, outOff + n);
        } catch (InvalidCipherTextException e) {
            Arrays.fill(out, outOff, outOff + len - TAG_LENGTH, (byte) 0);
            aead.reset();
            return -1;
        }
    }
}
