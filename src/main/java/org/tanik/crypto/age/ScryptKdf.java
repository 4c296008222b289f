package org.tanik.crypto.age;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.SCrypt;

/** The scrypt stanza's wrap key: scrypt(N = 2^logN, r = 8, p = 1, dkLen = 32). */
final class ScryptKdf {
    static final String STANZA_TYPE = "scrypt";
    static final int SALT_LENGTH = 16;
    private static final byte[] LABEL = "age-encryption.org/v1/scrypt".getBytes(StandardCharsets.US_ASCII);

    private ScryptKdf() {
    }

    static byte[] wrapKey(char[] passphrase, byte[] salt, int logN) {
        byte[] p = Passphrase.utf8(passphrase);
        try {
            byte[] s = X25519Recipient.concat(LABEL, salt);
            return SCrypt.generate(p, s, 1 << logN, 8, 1, 32);
        } finally {
            Arrays.fill(p, (byte) 0);
        }
    }
}
