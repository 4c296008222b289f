package org.tanik.crypto.age;

import org.tanik.crypto.Hkdf;

/** The STREAM nonce: 11-byte big-endian chunk counter, then 0x01 on the final chunk. */
final class StreamNonce {
    static final int CHUNK_SIZE = 64 * 1024;
    static final int SEALED_CHUNK_SIZE = CHUNK_SIZE + ChaChaPoly.TAG_LENGTH;
    static final int PAYLOAD_NONCE_LENGTH = 16;

    private StreamNonce() {
    }

    static byte[] of(long counter, boolean last) {
        if (counter < 0) {
            throw new IllegalStateException("STREAM counter overflow");
        }
        byte[] n = new byte[12];
        // Our counter is a long, so bytes 0..2 of the 11-byte counter stay zero.
        for (int i = 0; i < 8; i++) {
            n[10 - i] = (byte) (counter >>> (8 * i));
        }
        n[11] = (byte) (last ? 1 : 0);
        return n;
    }

    static byte[] payloadKey(byte[] fileKey, byte[] nonce) {
        return Hkdf.derive(fileKey, nonce, "payload", 32);
    }
}
