package org.tanik.crypto.age;

import java.util.Arrays;
import java.util.List;
import javax.security.auth.Destroyable;

/**
 * Passphrase decryption. Enforces a maximum work factor (so a hostile file cannot make us
 * burn minutes of CPU and gigabytes of memory) and the rule that an scrypt stanza must be
 * alone in the header.
 */
public final class ScryptIdentity implements Identity, Destroyable {
    /** Same default ceiling as the age tool. */
    public static final int DEFAULT_MAX_LOG_N = 22;

    private final char[] passphrase;
    private final int maxLogN;
    private volatile boolean destroyed;

    public ScryptIdentity(char[] passphrase) {
        this(passphrase, DEFAULT_MAX_LOG_N);
    }

    /** @param maxLogN largest accepted base-2 logarithm of the work factor (1..30) */
    public ScryptIdentity(char[] passphrase, int maxLogN) {
        if (maxLogN < 1 || maxLogN > 30) {
            throw new IllegalArgumentException("scrypt work factor limit out of range");
        }
        this.passphrase = passphrase.clone();
        this.maxLogN = maxLogN;
    }

    @Override
    public byte[] unwrap(List<Stanza> stanzas) throws AgeException {
        if (destroyed) {
            throw new IllegalStateException("identity destroyed");
        }
        for (Stanza s : stanzas) {
            if (s.type().equals(ScryptKdf.STANZA_TYPE) && stanzas.size() != 1) {
                throw AgeException.header("scrypt stanza must be alone in the header");
            }
        }
        for (Stanza s : stanzas) {
            if (!s.type().equals(ScryptKdf.STANZA_TYPE)) {
                continue;
            }
            if (s.args().size() != 3) {
                throw AgeException.header("invalid scrypt stanza");
            }
            byte[] salt = Base64Raw.decode(s.args().get(1));
            if (salt.length != ScryptKdf.SALT_LENGTH) {
                throw AgeException.header("invalid scrypt stanza");
            }
            int logN = parseLogN(s.args().get(2));
            if (logN > maxLogN) {
                throw AgeException.header("scrypt work factor too large");
            }
            if (s.bodyLength() != FileKeyWrap.WRAPPED_LENGTH) {
                throw AgeException.header("invalid scrypt stanza");
            }
            byte[] key = ScryptKdf.wrapKey(passphrase, salt, logN);
            try {
                byte[] fileKey = FileKeyWrap.unwrap(key, s.body());
                if (fileKey != null) {
                    return fileKey;
                }
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        }
        return null;
    }

    /** Decimal without sign or leading zeros ({@code ^[1-9][0-9]*$}), as the spec demands. */
    private static int parseLogN(String arg) throws AgeException {
        if (arg.isEmpty() || arg.charAt(0) < '1' || arg.charAt(0) > '9') {
            throw AgeException.header("invalid scrypt work factor");
        }
        for (int i = 1; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c < '0' || c > '9') {
                throw AgeException.header("invalid scrypt work factor");
            }
        }
        // Anything longer than two digits exceeds every permitted limit (and int range).
        return arg.length() > 2 ? Integer.MAX_VALUE : Integer.parseInt(arg);
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
