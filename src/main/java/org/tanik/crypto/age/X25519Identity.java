package org.tanik.crypto.age;

import org.tanik.crypto.Random;

import org.tanik.crypto.Hkdf;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.security.auth.Destroyable;
import org.bouncycastle.math.ec.rfc7748.X25519;

/** An {@code AGE-SECRET-KEY-1…} private key. Call {@link #destroy()} to wipe it. */
public final class X25519Identity implements Identity, Destroyable {
    static final String HRP = "age-secret-key-";

    private final byte[] secretKey;
    private final byte[] publicKey;
    private volatile boolean destroyed;

    private X25519Identity(byte[] secretKey) {
        this.secretKey = secretKey.clone();
        this.publicKey = new byte[X25519.POINT_SIZE];
        X25519.scalarMultBase(this.secretKey, 0, publicKey, 0);
    }

    /** Generates a fresh identity from the system CSPRNG. */
    public static X25519Identity generate() {
        byte[] k = new byte[X25519.SCALAR_SIZE];
        Random.fill(k);
        try {
            return new X25519Identity(k);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** An identity from its raw 32-byte secret scalar, as stored sealed in a vault. */
    public static X25519Identity fromSecretKey(byte[] secretKey) {
        if (secretKey == null || secretKey.length != X25519.SCALAR_SIZE) {
            throw new IllegalArgumentException("malformed age identity");
        }
        return new X25519Identity(secretKey);
    }

    /** A copy of the raw secret scalar, for sealed storage; the caller wipes it. */
    public byte[] secretKey() {
        checkLive();
        return secretKey.clone();
    }

    /** Parses an {@code AGE-SECRET-KEY-1…} string (upper case Bech32). */
    public static X25519Identity parse(String encoded) {
        Bech32.Decoded d;
        try {
            d = Bech32.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed age identity");
        }
        if (!d.hrp().equals(HRP) || !encoded.equals(encoded.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not an age X25519 identity");
        }
        byte[] k = d.data();
        try {
            if (k.length != X25519.SCALAR_SIZE) {
                throw new IllegalArgumentException("malformed age identity");
            }
            return new X25519Identity(k);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** The {@code AGE-SECRET-KEY-1…} encoding. Handle the result as a secret. */
    public String encode() {
        checkLive();
        return Bech32.encode(HRP, secretKey).toUpperCase(Locale.ROOT);
    }

    /** The matching public recipient. */
    public X25519Recipient recipient() {
        return new X25519Recipient(publicKey);
    }

    @Override
    public byte[] unwrap(List<Stanza> stanzas) throws AgeException {
        checkLive();
        for (Stanza s : stanzas) {
            if (!s.type().equals(X25519Recipient.STANZA_TYPE)) {
                continue;
            }
            if (s.args().size() != 2) {
                throw AgeException.header("invalid X25519 stanza");
            }
            byte[] share = Base64Raw.decode(s.args().get(1));
            if (share.length != X25519.POINT_SIZE) {
                throw AgeException.header("invalid X25519 stanza");
            }
            // Checked before any decryption to avoid partitioning oracles.
            if (s.bodyLength() != FileKeyWrap.WRAPPED_LENGTH) {
                throw AgeException.header("invalid X25519 stanza");
            }
            byte[] shared = new byte[X25519.POINT_SIZE];
            byte[] wrapKey = null;
            try {
                if (!X25519.calculateAgreement(secretKey, 0, share, 0, shared, 0)) {
                    throw AgeException.header("invalid X25519 share");
                }
                wrapKey = Hkdf.derive(shared, X25519Recipient.concat(share, publicKey), X25519Recipient.INFO, 32);
                byte[] fileKey = FileKeyWrap.unwrap(wrapKey, s.body());
                if (fileKey != null) {
                    return fileKey;
                }
            } finally {
                Arrays.fill(shared, (byte) 0);
                if (wrapKey != null) {
                    Arrays.fill(wrapKey, (byte) 0);
                }
            }
        }
        return null;
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("identity destroyed");
        }
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(secretKey, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "X25519Identity(" + recipient().encode() + ")";
    }
}
