package org.tanik.crypto.age;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Writes the strict PEM armor: begin line, padded base64 in 64-column lines, end line.
 * Closing writes the final line and end marker, then closes the underlying stream.
 */
public final class ArmorOutputStream extends OutputStream {
    private static final int BYTES_PER_LINE = 48;
    private static final Base64.Encoder ENCODER = Base64.getEncoder();

    private final OutputStream out;
    private final byte[] pending = new byte[BYTES_PER_LINE];
    private int pendingLen;
    private boolean begun;
    private boolean closed;

    public ArmorOutputStream(OutputStream out) {
        this.out = out;
    }

    private void begin() throws IOException {
        if (!begun) {
            begun = true;
            out.write((ArmorInputStream.BEGIN + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        begin();
        while (len > 0) {
            int n = Math.min(len, BYTES_PER_LINE - pendingLen);
            System.arraycopy(b, off, pending, pendingLen, n);
            pendingLen += n;
            off += n;
            len -= n;
            if (pendingLen == BYTES_PER_LINE) {
                writeLine();
            }
        }
    }

    private void writeLine() throws IOException {
        byte[] enc = ENCODER.encode(pendingLen == BYTES_PER_LINE ? pending : java.util.Arrays.copyOf(pending, pendingLen));
        out.write(enc);
        out.write('\n');
        pendingLen = 0;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            begin();
            if (pendingLen > 0) {
                writeLine();
            }
            out.write((ArmorInputStream.END + "\n").getBytes(StandardCharsets.US_ASCII));
        } finally {
            out.close();
        }
    }
}
