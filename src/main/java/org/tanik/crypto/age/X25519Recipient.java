package org.tanik.crypto.age;

import org.tanik.crypto.Random;

import org.tanik.crypto.Hkdf;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.math.ec.rfc7748.X25519;

/** An {@code age1…} public key. */
public final class X25519Recipient implements Recipient {
    static final String HRP = "age";
    static final String STANZA_TYPE = "X25519";
    static final String INFO = "age-encryption.org/v1/X25519";

    private final byte[] publicKey;

    X25519Recipient(byte[] publicKey) {
        if (publicKey.length != X25519.POINT_SIZE) {
            throw new IllegalArgumentException("X25519 public key must be 32 bytes");
        }
        this.publicKey = publicKey.clone();
    }

    /** Parses an {@code age1…} recipient string (lower case Bech32). */
    public static X25519Recipient parse(String encoded) {
        Bech32.Decoded d;
        try {
            d = Bech32.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed age recipient", e);
        }
        if (!d.hrp().equals(HRP) || !encoded.equals(encoded.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("not an age X25519 recipient");
        }
        if (d.data().length != X25519.POINT_SIZE) {
            throw new IllegalArgumentException("malformed age recipient");
        }
        return new X25519Recipient(d.data());
    }

    /** The {@code age1…} encoding. */
    public String encode() {
        return Bech32.encode(HRP, publicKey);
    }

    byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * Throws IllegalArgumentException when this key is a low-order point: every share with it is
     * all zeros, so no file key may be wrapped to it (age aborts the same way).
     */
    @Override
    public List<Stanza> wrap(byte[] fileKey) {
        byte[] ephemeral = new byte[X25519.SCALAR_SIZE];
        try {
            Random.fill(ephemeral);
            return wrap(fileKey, ephemeral);
        } finally {
            Arrays.fill(ephemeral, (byte) 0);
        }
    }

    /** The wrap with a given ephemeral scalar: package-private so Wycheproof vectors reach it. */
    List<Stanza> wrap(byte[] fileKey, byte[] ephemeral) {
        byte[] share = new byte[X25519.POINT_SIZE];
        byte[] shared = new byte[X25519.POINT_SIZE];
        byte[] wrapKey = null;
        try {
            X25519.scalarMultBase(ephemeral, 0, share, 0);
            if (!X25519.calculateAgreement(ephemeral, 0, publicKey, 0, shared, 0)) {
                throw new IllegalArgumentException("age recipient is not a usable X25519 key");
            }
            wrapKey = Hkdf.derive(shared, concat(share, publicKey), INFO, 32);
            byte[] body = FileKeyWrap.wrap(wrapKey, fileKey);
            return List.of(new Stanza(List.of(STANZA_TYPE, Base64Raw.encode(share)), body));
        } finally {
            Arrays.fill(shared, (byte) 0);
            if (wrapKey != null) {
                Arrays.fill(wrapKey, (byte) 0);
            }
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof X25519Recipient r && Arrays.equals(publicKey, r.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return encode();
    }
}
