package org.tanik.crypto.age;

import org.tanik.crypto.Random;

import java.util.Arrays;
import java.util.List;
import javax.security.auth.Destroyable;

/**
 * Passphrase encryption. An scrypt stanza must be the only one in a header, so the
 * encryptor refuses to combine this recipient with any other.
 */
public final class ScryptRecipient implements Recipient, Destroyable {
    /** age's default: about a second on a laptop, 256 MiB of memory. */
    public static final int DEFAULT_LOG_N = 18;

    private final char[] passphrase;
    private final int logN;
    private volatile boolean destroyed;

    /** Uses the default work factor 2^18. The passphrase is copied; wipe your own copy. */
    public ScryptRecipient(char[] passphrase) {
        this(passphrase, DEFAULT_LOG_N);
    }

    /** @param logN base-2 logarithm of the scrypt work factor, 1..30 */
    public ScryptRecipient(char[] passphrase, int logN) {
        if (logN < 1 || logN > 30) {
            throw new IllegalArgumentException("scrypt work factor out of range");
        }
        this.passphrase = passphrase.clone();
        this.logN = logN;
    }

    @Override
    public List<Stanza> wrap(byte[] fileKey) {
        if (destroyed) {
            throw new IllegalStateException("recipient destroyed");
        }
        byte[] salt = new byte[ScryptKdf.SALT_LENGTH];
        Random.fill(salt);
        byte[] key = ScryptKdf.wrapKey(passphrase, salt, logN);
        try {
            byte[] body = FileKeyWrap.wrap(key, fileKey);
            return List.of(new Stanza(
                    List.of(ScryptKdf.STANZA_TYPE, Base64Raw.encode(salt), Integer.toString(logN)), body));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(passphrase, '\0');
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }
}
