package org.tanik.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A public key's fingerprint that people read aloud over the phone: 30 decimal digits in six groups
 * of five ("12345 67890 12345 67890 12345 67890"), from SHA-256 over a domain label and the key
 * (about 99.6 bits: finding a second key with the same digits costs about 2^99 hashes).
 *
 * <p>The first four groups are what earlier versions showed (about 66 bits). They remain the
 * coordinator's internal name for a device ({@link #deviceId}) because stored rows, sealed labels
 * and audit entries refer to devices by it; a device is always looked up by its full public key, so
 * the short name only names, it never authenticates.
 */
public final class Fingerprint {
    private static final int GROUPS = 6;
    private static final int ID_LENGTH = 4 * 5 + 3;

    private Fingerprint() {
    }

    public static String of(String domain, byte[] publicKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("tanik/fingerprint/" + domain + "/").getBytes(StandardCharsets.US_ASCII));
            byte[] d = sha.digest(publicKey);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < GROUPS; i++) {
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

    /** The coordinator's stored name for a device: the first four groups of its fingerprint. */
    public static String deviceId(byte[] publicKey) {
        return device(publicKey).substring(0, ID_LENGTH);
    }

    /** Digits only, so that "12345 67890…", "1234567890…" and a pasted line compare equal. */
    public static String digits(String fingerprint) {
        return fingerprint.replaceAll("[^0-9]", "");
    }
}
