package org.tanik.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A public key's fingerprint that people read aloud over the phone: 20 decimal digits in groups of
 * five ("12345 67890 12345 67890"), from SHA-256 over a domain label and the key (about 66 bits).
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(String domain, byte[] publicKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("tanik/fingerprint/" + domain + "/").getBytes(StandardCharsets.US_ASCII));
            byte[] d = sha.digest(publicKey);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                // 5 bytes -> 40 bits -> mod 10^5 for each group; the bias is negligible for comparison.
                long v = 0;
                for (int j = 0; j < 5; j++) {
                    v = (v << 8) | (d[i * 5 + j] & 0xff);
                }
                if (i > 0) {
                    out.append(' ');
                }
                out.append(String.format("%05d", v % 100_000));
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Device keys and organisation keys get different fingerprints even for equal bytes. */
    public static String device(byte[] publicKey) {
        return of("device", publicKey);
    }

    public static String organisation(byte[] publicKey) {
        return of("organisation", publicKey);
    }
}
