package org.tanik.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.tanik.crypto.age.AgeEncryptor;

/**
 * An age file, to {@link Fixtures#ORG}, whose plaintext is {@code prefix} followed by zeros without
 * end: a decompression-bomb stand-in that costs nothing until read. Ciphertext is made only as the
 * reader asks for it, so {@link #plaintextProduced()} shows how far the reader went.
 */
final class EndlessAgeStream extends InputStream {
    private static final int STEP = 64 * 1024;
    private final byte[] prefix;
    private final Sink sink = new Sink();
    private final OutputStream plain;
    private long produced;
    private int pos;

    EndlessAgeStream(byte[] prefix) throws IOException {
        this.prefix = prefix;
        this.plain = AgeEncryptor.encrypt(List.of(Fixtures.ORG.recipient()), sink);
    }

    long plaintextProduced() {
        return produced;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (pos == sink.size()) {
            sink.reset();
            pos = 0;
            byte[] next = new byte[STEP];
            if (produced < prefix.length) {
                int n = (int) Math.min(STEP, prefix.length - produced);
                System.arraycopy(prefix, (int) produced, next, 0, n);
            }
            plain.write(next);
            produced += STEP;
        }
        int n = Math.min(len, sink.size() - pos);
        System.arraycopy(sink.buffer(), pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() {
        // The encryptor is abandoned unfinished: the "file" never ends.
    }

    private static final class Sink extends ByteArrayOutputStream {
        byte[] buffer() {
            return buf;
        }
    }
}
