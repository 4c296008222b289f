package org.tanik.enrolment;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tanik.crypto.Random;
import org.tanik.crypto.Secrets;
import org.tanik.crypto.Shamir;
import org.tanik.crypto.Sha256;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

/**
 * One share of the organisation's keys, as kept on paper: which split it belongs to (a random id),
 * how many shares that split made and how many restore it, its own number, and its part of the secret.
 *
 * <p>Its text is Crockford's base32 (digits and capitals without I, L, O and U, read back in either
 * case, with O as 0 and I or L as 1) in groups of five, of {@code version 1 | split id (5) | threshold |
 * count | number | share bytes | check (5)}; the check is the first 5 bytes of the SHA-256 of the rest,
 * so a wrong, missing or extra character is caught (all but one time in 2^40), and so is a share of
 * another split, whose id differs. The share bytes alone say nothing of the keys: fewer shares than
 * the threshold fit every secret equally well.
 */
public record KeyShare(String splitId, int threshold, int count, int number, byte[] share) {

    /** The most shares a split may make here (the desktop and the command line offer 2 to this). */
    public static final int MAX_SHARES = 16;

    private static final int VERSION = 1;
    private static final int ID = 5;
    private static final int CHECK = 5;
    private static final int HEADER = 1 + ID + 3;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** Whether a split of {@code count} shares, any {@code threshold} of which restore, is offered. */
    public static boolean validSplit(int count, int threshold) {
        return count >= 2 && count <= MAX_SHARES && threshold >= 2 && threshold <= count;
    }

    /** Splits the organisation's keys into {@code count} shares of a new split; the caller wipes the shares. */
    public static List<KeyShare> split(OrganisationKeys keys, int count, int threshold) {
        if (!validSplit(count, threshold)) {
            throw new TanikException(Problem.KEY_SPLIT_RANGE, String.valueOf(MAX_SHARES));
        }
        String id = base32(Random.bytes(ID));
        byte[] secret = keys.encode();
        try {
            List<KeyShare> out = new ArrayList<>();
            for (Shamir.Share s : Shamir.split(secret, threshold, count)) {
                out.add(new KeyShare(id, threshold, count, s.x(), s.y()));
            }
            return out;
        } finally {
            Secrets.wipe(secret);
        }
    }

    /**
     * Restores the organisation's keys from shares of one split: refused when they are of several
     * splits, when one is given twice, when there are fewer than the threshold, or when what they
     * restore is not an organisation's keys. The caller wipes the result.
     */
    public static OrganisationKeys combine(List<KeyShare> shares) {
        if (shares.isEmpty()) {
            throw new TanikException(Problem.SHARES_TOO_FEW, "2", "0");
        }
        KeyShare first = shares.get(0);
        Set<Integer> numbers = new HashSet<>();
        List<Shamir.Share> points = new ArrayList<>();
        for (KeyShare s : shares) {
            if (!s.splitId().equals(first.splitId()) || s.threshold() != first.threshold() || s.count() != first.count()) {
                throw new TanikException(Problem.SHARES_FROM_DIFFERENT_SPLITS, readableId(first.splitId()),
                        readableId(s.splitId()));
            }
            if (!numbers.add(s.number())) {
                throw new TanikException(Problem.SHARE_REPEATED, String.valueOf(s.number()));
            }
            points.add(new Shamir.Share(s.number(), s.share()));
        }
        if (shares.size() < first.threshold()) {
            throw new TanikException(Problem.SHARES_TOO_FEW, String.valueOf(first.threshold()), String.valueOf(shares.size()));
        }
        byte[] secret = Shamir.combine(points);
        try {
            return OrganisationKeys.decode(secret);
        } finally {
            Secrets.wipe(secret);
        }
    }

    /** The split id as printed for people: two groups of four. */
    public static String readableId(String splitId) {
        return splitId.length() == 8 ? splitId.substring(0, 4) + "-" + splitId.substring(4) : splitId;
    }

    /** The share's text, in groups of five characters separated by spaces. */
    public String text() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(VERSION);
        byte[] id = unbase32(splitId);
        b.writeBytes(id);
        b.write(threshold);
        b.write(count);
        b.write(number);
        b.writeBytes(share);
        byte[] body = b.toByteArray();
        byte[] all = Arrays.copyOf(body, body.length + CHECK);
        System.arraycopy(check(body), 0, all, body.length, CHECK);
        String plain = base32(all);
        Secrets.wipe(body, all);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < plain.length(); i += 5) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(plain, i, Math.min(plain.length(), i + 5));
        }
        return out.toString();
    }

    /**
     * Reads a share's text (spaces, line breaks and hyphens ignored); {@code source} names where it
     * came from in the refusal (SHARE_UNREADABLE) when it does not check.
     */
    public static KeyShare parse(String text, String source) {
        StringBuilder plain = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (!Character.isWhitespace(c) && c != '-') {
                plain.append(c);
            }
        }
        byte[] all = unbase32(plain.toString());
        if (all == null || all.length < HEADER + 1 + CHECK || all[0] != VERSION) {
            throw new TanikException(Problem.SHARE_UNREADABLE, source);
        }
        byte[] body = Arrays.copyOf(all, all.length - CHECK);
        byte[] expected = check(body);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(all, body.length, all.length))) {
            Secrets.wipe(all, body);
            throw new TanikException(Problem.SHARE_UNREADABLE, source);
        }
        int threshold = body[1 + ID] & 0xFF;
        int count = body[2 + ID] & 0xFF;
        int number = body[3 + ID] & 0xFF;
        if (!validSplit(count, threshold) || number < 1 || number > count) {
            throw new TanikException(Problem.SHARE_UNREADABLE, source);
        }
        KeyShare share = new KeyShare(base32(Arrays.copyOfRange(body, 1, 1 + ID)), threshold, count, number,
                Arrays.copyOfRange(body, HEADER, body.length));
        Secrets.wipe(all, body);
        return share;
    }

    public void wipe() {
        Secrets.wipe(share);
    }

    private static byte[] check(byte[] body) {
        return Arrays.copyOf(Sha256.digest().digest(body), CHECK);
    }

    /** Crockford's base32, no padding; the last character carries the remaining bits, zero-filled. */
    static String base32(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte value : data) {
            buffer = (buffer << 8) | (value & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** The bytes of a base32 text, or null if a character is not one (or the length cannot be one of ours). */
    static byte[] unbase32(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            char d = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            int v = ALPHABET.indexOf(d);
            if (v < 0) {
                return null;
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xFF);
                bits -= 8;
            }
        }
        if (bits >= 5 || (buffer & ((1 << bits) - 1)) != 0) {
            // A base32 text of whole bytes leaves fewer than 5 bits over, all zero: anything else is a typo.
            return null;
        }
        return out.toByteArray();
    }
}
