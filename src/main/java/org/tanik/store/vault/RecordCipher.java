package org.tanik.store.vault;

import java.nio.charset.StandardCharsets;
import org.tanik.crypto.Aead;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

/**
 * Seals record content at the application level. The associated data binds the column, record id,
 * version and status, so a value moved between rows or a status flipped in the database file is
 * detected instead of silently read.
 */
public final class RecordCipher {

    private final byte[] key;

    public RecordCipher(byte[] key) {
        this.key = key;
    }

    public byte[] seal(String column, String id, int version, String status, byte[] plaintext) {
        return Aead.seal(key, plaintext, aad(column, id, version, status));
    }

    public byte[] open(String column, String id, int version, String status, byte[] sealed) {
        try {
            return Aead.open(key, sealed, aad(column, id, version, status));
        } catch (Aead.AuthenticationException e) {
            throw new TanikException(Problem.RECORD_TAMPERED);
        }
    }

    private static byte[] aad(String column, String id, int version, String status) {
        return ("tanik/record/v1/" + column + "/" + id + "/" + version + "/" + status).getBytes(StandardCharsets.UTF_8);
    }
}
