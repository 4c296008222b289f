package org.tanik.store.vault;

import org.tanik.crypto.Hkdf;
import org.tanik.crypto.Secrets;

/**
 * The vault's random 256-bit master key while the vault is unlocked. Every purpose gets its own
 * derived key; {@link #close()} wipes them all, which is what locking means.
 */
public final class MasterKey implements AutoCloseable {

    public static final int BYTES = 32;
    private final byte[] key;
    private final byte[] recordKey;

    public MasterKey(byte[] key) {
        if (key.length != BYTES) {
            throw new IllegalArgumentException("master key length");
        }
        this.key = key.clone();
        this.recordKey = Hkdf.derive(this.key, null, "tanik/vault/record-aead/v1", 32);
    }

    /** The H2 file password: hex of a derived key, never the human passphrase. */
    public char[] databaseFilePassword() {
        byte[] k = Hkdf.derive(key, null, "tanik/vault/h2-file/v1", 32);
        try {
            return Secrets.hex(k);
        } finally {
            Secrets.wipe(k);
        }
    }

    public char[] databaseUserPassword() {
        byte[] k = Hkdf.derive(key, null, "tanik/vault/h2-user/v1", 16);
        try {
            return Secrets.hex(k);
        } finally {
            Secrets.wipe(k);
        }
    }

    /** A key for another purpose (device identity wrapping, attachments), by label. */
    public byte[] derive(String purpose) {
        return Hkdf.derive(key, null, "tanik/vault/" + purpose, 32);
    }

    public byte[] recordKey() {
        return recordKey;
    }

    byte[] raw() {
        return key;
    }

    @Override
    public void close() {
        Secrets.wipe(key, recordKey);
    }
}
