package org.tanik.crypto.age;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * BIP173 Bech32 (not Bech32m), without the 90-character limit, as the age spec requires.
 * Used only for key encodings, so simplicity beats speed here.
 */
final class Bech32 {
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GEN = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    /** A decoded string: lower-cased human-readable part and 8-bit data. */
    record Decoded(String hrp, byte[] data) {
    }

    private Bech32() {
    }

    private static int polymod(byte[] values) {
        int chk = 1;
        for (byte v : values) {
            int top = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ (v & 0xff);
            for (int i = 0; i < 5; i++) {
                if (((top >>> i) & 1) != 0) {
                    chk ^= GEN[i];
                }
            }
        }
        return chk;
    }

    private static byte[] hrpExpand(String hrp) {
        int n = hrp.length();
        byte[] out = new byte[n * 2 + 1];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (hrp.charAt(i) >>> 5);
            out[n + 1 + i] = (byte) (hrp.charAt(i) & 31);
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Encodes 8-bit data; the result is lower case (callers upper-case identities). */
    static String encode(String hrp, byte[] data) {
        String lowerHrp = hrp.toLowerCase(Locale.ROOT);
        byte[] five = convertBits(data, 8, 5, true);
        byte[] values = concat(hrpExpand(lowerHrp), five);
        int mod = polymod(concat(values, new byte[6])) ^ 1;
        StringBuilder sb = new StringBuilder(lowerHrp.length() + 1 + five.length + 6);
        sb.append(lowerHrp).append('1');
        for (byte b : five) {
            sb.append(CHARSET.charAt(b));
        }
        for (int i = 0; i < 6; i++) {
            sb.append(CHARSET.charAt((mod >>> (5 * (5 - i))) & 31));
        }
        return sb.toString();
    }

    /** Decodes a Bech32 string; rejects mixed case, bad characters, bad checksum or padding. */
    static Decoded decode(String s) {
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 33 || c > 126) {
                throw new IllegalArgumentException("invalid character in Bech32 string");
            }
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        if (lower && upper) {
            throw new IllegalArgumentException("mixed case Bech32 string");
        }
        String str = s.toLowerCase(Locale.ROOT);
        int pos = str.lastIndexOf('1');
        if (pos < 1 || pos + 7 > str.length()) {
            throw new IllegalArgumentException("malformed Bech32 string");
        }
        String hrp = str.substring(0, pos);
        byte[] values = new byte[str.length() - pos - 1];
        for (int i = 0; i < values.length; i++) {
            int v = CHARSET.indexOf(str.charAt(pos + 1 + i));
            if (v < 0) {
                throw new IllegalArgumentException("invalid character in Bech32 data");
            }
            values[i] = (byte) v;
        }
        if (polymod(concat(hrpExpand(hrp), values)) != 1) {
            throw new IllegalArgumentException("invalid Bech32 checksum");
        }
        byte[] five = new byte[values.length - 6];
        System.arraycopy(values, 0, five, 0, five.length);
        return new Decoded(hrp, convertBits(five, 5, 8, false));
    }

    private static byte[] convertBits(byte[] in, int fromBits, int toBits, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxv = (1 << toBits) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * fromBits / toBits + 1);
        for (byte b : in) {
            int value = b & 0xff;
            if ((value >>> fromBits) != 0) {
                throw new IllegalArgumentException("invalid Bech32 data");
            }
            acc = (acc << fromBits) | value;
            bits += fromBits;
            while (bits >= toBits) {
                bits -= toBits;
                out.write((acc >>> bits) & maxv);
            }
        }
        if (pad) {
            if (bits > 0) {
                out.write((acc << (toBits - bits)) & maxv);
            }
        } else if (bits >= fromBits || ((acc << (toBits - bits)) & maxv) != 0) {
            // Non-zero or over-long padding means the encoding is not canonical.
            throw new IllegalArgumentException("invalid Bech32 padding");
        }
        return out.toByteArray();
    }
}
