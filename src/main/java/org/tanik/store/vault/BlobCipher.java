package org.tanik.store.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.tanik.crypto.Hkdf;

/**
 * The vault's attachment blob format (security.md, "Attachment blobs"): a 40-byte header (magic
 * {@code TNKBLOB1} and a random 32-byte salt), then the content in chunks of 64 KiB, each sealed
 * with AES-256-GCM under a key of its own file. The nonce is the chunk's number and whether it is
 * the last, so chunks cannot be reordered, dropped at the end, or moved to another blob; the key is
 * derived with the attachment's id, so a blob renamed to another id does not open.
 *
 * <p>Every full chunk is non-final; the final chunk holds 0 to 65,535 bytes. A file's chunk
 * boundaries therefore follow from its length alone, and any offset can be read directly.
 */
public final class BlobCipher {

    public static final byte[] MAGIC = "TNKBLOB1".getBytes(StandardCharsets.US_ASCII);
    public static final int SALT_BYTES = 32;
    public static final int HEADER_BYTES = MAGIC.length + SALT_BYTES;
    public static final int CHUNK_BYTES = 65_536;
    public static final int TAG_BYTES = 16;
    public static final int SEALED_CHUNK_BYTES = CHUNK_BYTES + TAG_BYTES;
    /** The label of the input key (MasterKey.derive) every blob key is derived from. */
    public static final String PURPOSE = "blob/v1";

    private BlobCipher() {
    }

    /** The per-file key: HKDF-SHA256 of the vault's blob key, salted by the header, bound to the id. */
    public static byte[] fileKey(byte[] blobKey, byte[] header, String attachmentId) {
        byte[] salt = Arrays.copyOfRange(header, MAGIC.length, HEADER_BYTES);
        return Hkdf.derive(blobKey, salt, "tanik/blob/v1/" + attachmentId, 32);
    }

    public static byte[] header(byte[] salt) {
        byte[] h = Arrays.copyOf(MAGIC, HEADER_BYTES);
        System.arraycopy(salt, 0, h, MAGIC.length, SALT_BYTES);
        return h;
    }

    public static boolean hasMagic(byte[] header) {
        return header.length == HEADER_BYTES && Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** Where chunk {@code index} starts in the file. */
    public static long chunkOffset(long index) {
        return HEADER_BYTES + index * SEALED_CHUNK_BYTES;
    }

    /** Seals {@code len} bytes of {@code plain} as chunk {@code index} into {@code out}; returns the sealed length. */
    public static int seal(byte[] key, byte[] header, long index, boolean last, byte[] plain, int len, byte[] out) {
        return seal(key, header, index, last, plain, len, out, 0);
    }

    /** As {@link #seal(byte[], byte[], long, boolean, byte[], int, byte[])}, into {@code out} from {@code outOffset}. */
    public static int seal(byte[] key, byte[] header, long index, boolean last, byte[] plain, int len, byte[] out,
            int outOffset) {
        try {
            return cipher(Cipher.ENCRYPT_MODE, key, header, index, last).doFinal(plain, 0, len, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * As {@link #seal(byte[], byte[], long, boolean, byte[], int, byte[], int)} with one Cipher that a
     * writer keeps for its one file (from {@link #newCipher()}): initialising it again per chunk costs
     * less than a new one. It holds the file's key only as long as the writer lives (a file, not the
     * session), and every chunk's nonce differs, which GCM requires.
     */
    public static int seal(Cipher cipher, byte[] key, byte[] header, long index, boolean last, byte[] plain, int len,
            byte[] out, int outOffset) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BYTES * 8, nonce(index, last)));
            cipher.updateAAD(header);
            return cipher.doFinal(plain, 0, len, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** A Cipher for {@link #seal(Cipher, byte[], byte[], long, boolean, byte[], int, byte[], int)}. */
    public static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * Opens chunk {@code index} ({@code len} sealed bytes of {@code sealed}) into {@code plain};
     * returns the plaintext length, or -1 when it does not authenticate.
     */
    public static int open(byte[] key, byte[] header, long index, boolean last, byte[] sealed, int len, byte[] plain) {
        if (len < TAG_BYTES || len > SEALED_CHUNK_BYTES) {
            return -1;
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, key, header, index, last).doFinal(sealed, 0, len, plain, 0);
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** 11-byte big-endian chunk number, then 1 for the final chunk, 0 for any other. */
    static byte[] nonce(long index, boolean last) {
        byte[] n = new byte[12];
        for (int i = 10; i >= 3; i--) {
            n[i] = (byte) index;
            index >>>= 8;
        }
        n[11] = (byte) (last ? 1 : 0);
        return n;
    }

    /** A new Cipher per chunk: a cached one would keep the key after locking (see crypto.Aead). */
    private static Cipher cipher(int mode, byte[] key, byte[] header, long index, boolean last)
            throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce(index, last)));
        c.updateAAD(header);
        return c;
    }
}
