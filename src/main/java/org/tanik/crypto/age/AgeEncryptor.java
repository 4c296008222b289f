package org.tanik.crypto.age;

import org.tanik.crypto.Random;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point for encryption. Writes the header at once, then returns a stream that
 * encrypts whatever is written to it; closing that stream finishes the file and closes
 * {@code out}. Memory use is constant whatever the size.
 */
public final class AgeEncryptor {

    private AgeEncryptor() {
    }

    /** Encrypts to the given recipients with the default (JDK) cipher. */
    public static OutputStream encrypt(List<? extends Recipient> recipients, OutputStream out) throws IOException {
        return encrypt(recipients, out, CipherBackend.JDK);
    }

    /** Encrypts to the given recipients with the chosen ChaCha20-Poly1305 implementation. */
    public static OutputStream encrypt(List<? extends Recipient> recipients, OutputStream out,
            CipherBackend backend) throws IOException {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("at least one recipient is required");
        }
        byte[] fileKey = new byte[FileKeyWrap.FILE_KEY_LENGTH];
        Random.fill(fileKey);
        try {
            List<Stanza> stanzas = new ArrayList<>();
            for (Recipient r : recipients) {
                stanzas.addAll(r.wrap(fileKey));
            }
            for (Stanza s : stanzas) {
                if (s.type().equals(ScryptKdf.STANZA_TYPE) && stanzas.size() != 1) {
                    throw new IllegalArgumentException("a passphrase recipient must be the only recipient");
                }
            }
            out.write(HeaderWriter.write(stanzas, fileKey));
            byte[] nonce = new byte[StreamNonce.PAYLOAD_NONCE_LENGTH];
            Random.fill(nonce);
            out.write(nonce);
            return new PayloadOutputStream(out, StreamNonce.payloadKey(fileKey, nonce), backend);
        } finally {
            Arrays.fill(fileKey, (byte) 0);
        }
    }
}
