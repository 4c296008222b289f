package org.tanik.crypto;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.crypto.threshold.ShamirSecretSplitter;
import org.bouncycastle.crypto.threshold.ShamirSplitSecret;
import org.bouncycastle.crypto.threshold.ShamirSplitSecretShare;

/**
 * Shamir's secret sharing over GF(256) (the AES field, x^8 + x^4 + x^3 + x + 1), byte by byte: a
 * secret is split into {@code n} shares, any {@code k} of which give it back, while {@code k - 1}
 * say nothing of it (every value of the secret fits them equally well). Bouncy Castle's
 * {@code crypto.threshold} does the arithmetic; this class is the project's small, checked door to it.
 *
 * <p>Two things about Bouncy Castle 1.83 this door settles: its splitter sizes the share array by the
 * secret's length, not by {@code n} (so {@code n} may not exceed the secret's length, and the array
 * holds nulls past {@code n}); and its combiner accepts any shares, so the same x twice or a share of
 * another length is refused here. The polynomial's coefficients stay in Bouncy Castle's own arrays,
 * which it does not wipe: they are left to the garbage collector, like any Java heap copy.
 */
public final class Shamir {

    /** The most shares one split makes. */
    public static final int MAX_SHARES = 255;

    private static final ShamirSecretSplitter.Algorithm FIELD = ShamirSecretSplitter.Algorithm.AES;
    private static final ShamirSecretSplitter.Mode MODE = ShamirSecretSplitter.Mode.Table;

    private Shamir() {
    }

    /** One share: its x coordinate (1..255) and the polynomials' values there, one byte per secret byte. */
    public record Share(int x, byte[] y) {
        public Share {
            if (x < 1 || x > MAX_SHARES) {
                throw new IllegalArgumentException("share x out of range");
            }
        }

        public void wipe() {
            Secrets.wipe(y);
        }
    }

    /** Splits with the project's randomness. */
    public static List<Share> split(byte[] secret, int k, int n) {
        return split(secret, k, n, new SecureRandom());
    }

    /**
     * Splits {@code secret} into shares 1..n, any {@code k} of which restore it; {@code random} gives
     * the coefficients (the published test vectors pass a fixed one).
     */
    public static List<Share> split(byte[] secret, int k, int n, SecureRandom random) {
        if (k < 1 || n < k || n > MAX_SHARES) {
            throw new IllegalArgumentException("need 1 <= k <= n <= " + MAX_SHARES);
        }
        if (secret.length < n) {
            // Bouncy Castle keeps the shares in an array as long as the secret.
            throw new IllegalArgumentException("secret shorter than the number of shares");
        }
        ShamirSecretSplitter splitter = new ShamirSecretSplitter(FIELD, MODE, secret.length, random);
        ShamirSplitSecret split = splitter.resplit(secret, k, n);
        ShamirSplitSecretShare[] made = (ShamirSplitSecretShare[]) split.getSecretShares();
        List<Share> shares = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                shares.add(new Share(i + 1, made[i].getEncoded()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return shares;
    }

    /**
     * The secret the shares interpolate to at x = 0. With fewer shares than the split's threshold the
     * result is some other value, not an error: callers check what they restored (a tag inside it).
     * Refused: no shares, the same x twice, shares of different lengths.
     */
    public static byte[] combine(List<Share> shares) {
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("no shares");
        }
        int length = shares.get(0).y().length;
        Set<Integer> xs = new HashSet<>();
        ShamirSplitSecretShare[] given = new ShamirSplitSecretShare[shares.size()];
        for (int i = 0; i < given.length; i++) {
            Share s = shares.get(i);
            if (!xs.add(s.x())) {
                throw new IllegalArgumentException("the same share twice");
            }
            if (s.y().length != length) {
                throw new IllegalArgumentException("shares of different lengths");
            }
            given[i] = new ShamirSplitSecretShare(s.y(), s.x());
        }
        try {
            return new ShamirSplitSecret(FIELD, MODE, given).getSecret();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
