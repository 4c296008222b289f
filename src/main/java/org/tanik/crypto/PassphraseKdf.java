package org.tanik.crypto;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Derives a 256-bit key-encryption key from a passphrase with Argon2id. */
public final class PassphraseKdf {

    public static final int KEY_BYTES = 32;

    private PassphraseKdf() {
    }

    public static byte[] derive(char[] passphrase, byte[] salt, Argon2Params params) {
        byte[] password = Secrets.passphraseBytes(passphrase);
        try {
            // ARGON2_id explicitly: Bouncy Castle's builder defaults to Argon2i.
            Argon2Parameters p = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withSalt(salt)
                    .withMemoryAsKB(params.memoryKiB())
                    .withIterations(params.iterations())
                    .withParallelism(params.parallelism())
                    .build();
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(p);
            byte[] out = new byte[KEY_BYTES];
            generator.generateBytes(password, out);
            return out;
        } finally {
            Secrets.wipe(password);
        }
    }
}
