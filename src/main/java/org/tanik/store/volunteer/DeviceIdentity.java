package org.tanik.store.volunteer;

import org.tanik.crypto.Ed25519;
import org.tanik.crypto.Fingerprint;
import org.tanik.crypto.Secrets;
import org.tanik.store.db.VaultSecrets;

/**
 * This vault's device signing key (Ed25519), made when the vault is created and kept sealed inside
 * it. It signs the bundles the volunteer exports, so the organisation knows which enrolled device
 * made them. The private key is only read for the moment of signing.
 */
public final class DeviceIdentity {

    static final String SECRET_NAME = "device.ed25519";
    private final VaultSecrets secrets;
    private final byte[] publicKey;

    private DeviceIdentity(VaultSecrets secrets, byte[] publicKey) {
        this.secrets = secrets;
        this.publicKey = publicKey;
    }

    /** Loads the device key, creating it on first use (vaults always get one at creation). */
    public static DeviceIdentity loadOrCreate(VaultSecrets secrets) {
        byte[] priv = secrets.get(SECRET_NAME).orElse(null);
        if (priv == null) {
            priv = Ed25519.generatePrivateKey();
            secrets.put(SECRET_NAME, priv);
        }
        try {
            return new DeviceIdentity(secrets, Ed25519.publicKey(priv));
        } finally {
            Secrets.wipe(priv);
        }
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String fingerprint() {
        return Fingerprint.device(publicKey);
    }

    public byte[] sign(byte[] message) {
        byte[] priv = privateKey();
        try {
            return Ed25519.sign(priv, message);
        } finally {
            Secrets.wipe(priv);
        }
    }

    /** The private key, for a writer that signs itself; the caller wipes it. */
    public byte[] privateKey() {
        return secrets.get(SECRET_NAME).orElseThrow();
    }
}
