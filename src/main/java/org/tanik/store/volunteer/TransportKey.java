package org.tanik.store.volunteer;

import org.tanik.crypto.Ed25519;
import org.tanik.crypto.Secrets;
import org.tanik.store.db.VaultSecrets;

/**
 * This vault's transport key (Ed25519): it signs the requests made to the organisation's intake.
 * It is not the bundle-signing device key, so the intake never learns which signing identity sent
 * what. Made on first need and kept sealed in the vault like the device key; the private key is
 * only ever handed out as a copy the caller wipes.
 */
public final class TransportKey {

    static final String SECRET_NAME = "transport.ed25519";
    private final VaultSecrets secrets;

    public TransportKey(VaultSecrets secrets) {
        this.secrets = secrets;
    }

    /** The private key, created if this vault has none yet; the caller wipes it. */
    public byte[] privateKey() {
        synchronized (secrets) {
            return secrets.get(SECRET_NAME).orElseGet(() -> {
                byte[] created = Ed25519.generatePrivateKey();
                secrets.put(SECRET_NAME, created);
                return created;
            });
        }
    }

    /** The public key (32 bytes), creating the key pair on first need. */
    public byte[] publicKey() {
        byte[] priv = privateKey();
        try {
            return Ed25519.publicKey(priv);
        } finally {
            Secrets.wipe(priv);
        }
    }
}
