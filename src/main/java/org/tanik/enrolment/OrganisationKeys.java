package org.tanik.enrolment;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.tanik.crypto.Secrets;
import org.tanik.crypto.Sha256;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

/**
 * What makes an organisation, as one secret to split into shares: its age key, its signing key, the
 * age keys it retired at rotations (so a restored vault still opens old bundles) and its name (inside
 * the secret, so that a share alone does not say whose it is). The caller wipes it.
 *
 * <p>Encoded as {@code "TK" 1 | age key (32) | signing key (32) | retired count (1) | retired keys
 * (32 each) | name length (2) | name (UTF-8) | tag}, the tag being the first 16 bytes of the SHA-256 of
 * all before it: shares that check one by one but were never split together (or too few of them)
 * restore bytes whose tag does not match.
 */
public record OrganisationKeys(byte[] ageKey, byte[] signingKey, byte[] retiredAgeKeys, String name) {

    private static final int KEY = 32;
    private static final int TAG = 16;
    private static final byte[] MAGIC = {'T', 'K', 1};
    /** At most this many retired keys travel in a split (255 rotations is beyond any organisation's life). */
    private static final int MAX_RETIRED = 255;

    public OrganisationKeys {
        if (ageKey.length != KEY || signingKey.length != KEY || retiredAgeKeys.length % KEY != 0
                || retiredAgeKeys.length / KEY > MAX_RETIRED) {
            throw new IllegalArgumentException("malformed organisation keys");
        }
    }

    /** The secret to split; the caller wipes it. */
    public byte[] encode() {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        int nameLength = Math.min(nameBytes.length, 0xFFFF);
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 * KEY + 1 + retiredAgeKeys.length + 2 + nameLength + TAG);
        b.put(MAGIC).put(ageKey).put(signingKey).put((byte) (retiredAgeKeys.length / KEY)).put(retiredAgeKeys)
                .putShort((short) nameLength).put(nameBytes, 0, nameLength);
        byte[] out = b.array();
        byte[] tag = tag(out, out.length - TAG);
        System.arraycopy(tag, 0, out, out.length - TAG, TAG);
        Secrets.wipe(tag);
        return out;
    }

    /** What {@link #encode} made, or SHARES_DO_NOT_FIT for anything else (wrong tag, wrong shape). */
    public static OrganisationKeys decode(byte[] secret) {
        if (secret.length < MAGIC.length + 2 * KEY + 1 + 2 + TAG
                || !Arrays.equals(secret, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new TanikException(Problem.SHARES_DO_NOT_FIT);
        }
        byte[] tag = tag(secret, secret.length - TAG);
        boolean fits = MessageDigest.isEqual(tag, Arrays.copyOfRange(secret, secret.length - TAG, secret.length));
        Secrets.wipe(tag);
        if (!fits) {
            throw new TanikException(Problem.SHARES_DO_NOT_FIT);
        }
        ByteBuffer b = ByteBuffer.wrap(secret, MAGIC.length, secret.length - MAGIC.length - TAG);
        byte[] age = new byte[KEY];
        byte[] signing = new byte[KEY];
        b.get(age).get(signing);
        int retiredCount = b.get() & 0xFF;
        if (b.remaining() < retiredCount * KEY + 2) {
            throw new TanikException(Problem.SHARES_DO_NOT_FIT);
        }
        byte[] retired = new byte[retiredCount * KEY];
        b.get(retired);
        int nameLength = b.getShort() & 0xFFFF;
        if (b.remaining() != nameLength) {
            throw new TanikException(Problem.SHARES_DO_NOT_FIT);
        }
        byte[] nameBytes = new byte[nameLength];
        b.get(nameBytes);
        try {
            String name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(nameBytes)).toString();
            return new OrganisationKeys(age, signing, retired, name);
        } catch (CharacterCodingException e) {
            throw new TanikException(Problem.SHARES_DO_NOT_FIT);
        }
    }

    private static byte[] tag(byte[] data, int length) {
        MessageDigest d = Sha256.digest();
        d.update(data, 0, length);
        return Arrays.copyOf(d.digest(), TAG);
    }

    public void wipe() {
        Secrets.wipe(ageKey, signingKey, retiredAgeKeys);
    }
}
