package org.tanik.crypto.age;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point for decryption. Parses and authenticates the header immediately (so header,
 * no-match and MAC failures are thrown here), then returns a stream of plaintext. Armored
 * input is detected and decoded automatically. Closing the returned stream closes {@code in}.
 */
public final class AgeDecryptor {
    private AgeDecryptor() {
    }

    /** Decrypts with the default (JDK) cipher. */
    public static InputStream decrypt(InputStream in, List<? extends Identity> identities) throws IOException {
        return decrypt(in, identities, CipherBackend.JDK);
    }

    /** Decrypts with the chosen ChaCha20-Poly1305 implementation. */
    public static InputStream decrypt(InputStream in, List<? extends Identity> identities,
            CipherBackend backend) throws IOException {
        return decrypt(in, identities, backend, null);
    }

    /**
     * As {@link #decrypt(InputStream, List, CipherBackend)}, and {@code retain} (if not null) keeps
     * the payload key and a copy of the sealed chunks as they are read, for {@link PayloadReader}.
     */
    public static InputStream decrypt(InputStream in, List<? extends Identity> identities,
            CipherBackend backend, RetainedPayload retain) throws IOException {
        if (identities.isEmpty()) {
            throw new IllegalArgumentException("at least one identity is required");
        }
        BufferedInputStream src = new BufferedInputStream(in, StreamNonce.SEALED_CHUNK_SIZE);
        if (ArmorInputStream.looksArmored(src)) {
            src = new BufferedInputStream(new ArmorInputStream(src), StreamNonce.SEALED_CHUNK_SIZE);
        }
        Header header = HeaderParser.parse(src);
        byte[] fileKey = null;
        for (Identity id : identities) {
            fileKey = id.unwrap(header.stanzas());
            if (fileKey != null) {
                break;
            }
        }
        if (fileKey == null) {
            throw new AgeException(AgeException.Kind.NO_MATCH, "no identity matched any recipient");
        }
        try {
            HeaderMac.verify(fileKey, header);
            byte[] nonce = src.readNBytes(StreamNonce.PAYLOAD_NONCE_LENGTH);
            if (nonce.length != StreamNonce.PAYLOAD_NONCE_LENGTH) {
                throw AgeException.header("missing payload nonce");
            }
            byte[] payloadKey = StreamNonce.payloadKey(fileKey, nonce);
            if (retain == null) {
                return new PayloadInputStream(src, payloadKey, backend);
            }
            retain.keep(payloadKey);
            return new PayloadInputStream(retain.tap(src), payloadKey, backend);
        } finally {
            Arrays.fill(fileKey, (byte) 0);
        }
    }
}
