package org.tanik.crypto.age;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Strict PEM decoder for {@code -----BEGIN AGE ENCRYPTED FILE-----}. Armored files are
 * malleable unless parsed strictly, so: only whitespace may surround the block; no headers;
 * every data line is exactly 64 columns except a shorter last one; padded canonical base64;
 * LF or CRLF line ends. Decodes one line at a time, so memory stays constant.
 */
public final class ArmorInputStream extends InputStream {
    static final String BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----";
    static final String END = "-----END AGE ENCRYPTED FILE-----";
    static final int COLUMNS = 64;
    private static final Base64.Decoder DECODER = Base64.getDecoder();
    private static final Base64.Encoder ENCODER = Base64.getEncoder();

    private final InputStream in;
    private final byte[] line = new byte[COLUMNS + 2];
    private boolean started;
    private boolean sawLastDataLine;
    private boolean done;
    private byte[] decoded = new byte[0];
    private int pos;

    public ArmorInputStream(InputStream in) {
        this.in = in;
    }

    private static final int SNIFF_LIMIT = 1024;

    /**
     * True if, after at most 1 KiB of whitespace, the stream starts with the armor begin
     * marker. The stream is reset to where it was.
     */
    static boolean looksArmored(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_LIMIT + BEGIN.length());
        try {
            int c = in.read();
            for (int i = 0; i < SNIFF_LIMIT && isSpace(c); i++) {
                c = in.read();
            }
            for (int i = 0; i < BEGIN.length(); i++) {
                if (c != BEGIN.charAt(i)) {
                    return false;
                }
                c = in.read();
            }
            return true;
        } finally {
            in.reset();
        }
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (pos == decoded.length) {
            if (done) {
                return -1;
            }
            nextLine();
        }
        int n = Math.min(len, decoded.length - pos);
        System.arraycopy(decoded, pos, b, off, n);
        pos += n;
        return n;
    }

    private void nextLine() throws IOException {
        if (!started) {
            started = true;
            int c;
            do {
                c = in.read();
            } while (isSpace(c));
            if (c < 0) {
                throw AgeException.armor("missing armor begin line");
            }
            line[0] = (byte) c;
            int n = readLine(1);
            if (n < 0 || !ascii(n).equals(BEGIN)) {
                throw AgeException.armor("invalid armor begin line");
            }
        }
        int n = readLine(0);
        if (n < 0) {
            throw AgeException.armor("missing armor end line");
        }
        String s = ascii(n);
        if (s.equals(END)) {
            checkTrailer();
            done = true;
            decoded = new byte[0];
            pos = 0;
            return;
        }
        if (sawLastDataLine) {
            throw AgeException.armor("armor data after final line");
        }
        if (n > COLUMNS) {
            throw AgeException.armor("armor line too long");
        }
        if (n == 0 || n % 4 != 0) {
            throw AgeException.armor("invalid armor line length");
        }
        for (int i = 0; i < n; i++) {
            if (!Base64Raw.isAlphabet(line[i]) && line[i] != '=') {
                throw AgeException.armor("invalid character in armor");
            }
        }
        byte[] out;
        try {
            out = DECODER.decode(Arrays.copyOf(line, n));
        } catch (IllegalArgumentException e) {
            throw AgeException.armor("invalid base64 in armor");
        }
        // Reject non-zero trailing bits and misplaced padding: only one encoding is valid.
        if (!Arrays.equals(ENCODER.encode(out), Arrays.copyOf(line, n))) {
            throw AgeException.armor("non-canonical base64 in armor");
        }
        if (n < COLUMNS || line[n - 1] == '=') {
            sawLastDataLine = true;
        }
        decoded = out;
        pos = 0;
    }

    /**
     * Reads a line into {@link #line} starting at {@code start}; returns its length without
     * the line end, or -1 at EOF with nothing read. A line may end at EOF (armor end line).
     */
    private int readLine(int start) throws IOException {
        int n = start;
        while (true) {
            int c = in.read();
            if (c < 0) {
                return n == 0 ? -1 : n;
            }
            if (c == '\n') {
                return n;
            }
            if (c == '\r') {
                if (in.read() != '\n') {
                    throw AgeException.armor("stray carriage return in armor");
                }
                return n;
            }
            if (n == line.length) {
                throw AgeException.armor("armor line too long");
            }
            line[n++] = (byte) c;
        }
    }

    private String ascii(int n) {
        return new String(line, 0, n, StandardCharsets.ISO_8859_1);
    }

    private void checkTrailer() throws IOException {
        int c;
        while ((c = in.read()) >= 0) {
            if (!isSpace(c)) {
                throw AgeException.armor("data after armor end line");
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
