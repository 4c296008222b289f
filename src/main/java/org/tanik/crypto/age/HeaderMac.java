package org.tanik.crypto.age;

import org.tanik.crypto.Hkdf;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HMAC-SHA-256 over the header, keyed by HKDF(file key, info "header"). */
final class HeaderMac {
    private static final byte[] EMPTY = new byte[0];

    private HeaderMac() {
    }

    static byte[] compute(byte[] fileKey, byte[] macInput) {
        byte[] key = Hkdf.derive(fileKey, EMPTY, "header", 32);
        try {
            HMac hmac = new HMac(new SHA256Digest());
            hmac.init(new KeyParameter(key));
            hmac.update(macInput, 0, macInput.length);
            byte[] out = new byte[hmac.getMacSize()];
            hmac.doFinal(out, 0);
            return out;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    static void verify(byte[] fileKey, Header header) throws AgeException {
        byte[] expected = compute(fileKey, header.macInput());
        // Constant-time comparison so timing reveals nothing about the MAC.
        if (!MessageDigest.isEqual(expected, header.mac())) {
            throw new AgeException(AgeException.Kind.HMAC, "header MAC mismatch");
        }
    }
}
