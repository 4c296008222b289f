package org.tanik.ui.common.viewers;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;
import org.tanik.files.Content;

/**
 * PDFBox's random access over a {@link Content}, so a PDF is parsed straight from the encrypted
 * attachment: no temporary file, and never the whole file in memory. PDFBox jumps about (the
 * cross-reference table at the end, then each object), so the last few 64 KiB blocks read are kept.
 */
final class ContentRead implements RandomAccessRead {

    /** The size of a vault blob's chunk: a block costs one chunk to decrypt. */
    static final int BLOCK = 64 * 1024;
    private static final int BLOCKS_KEPT = 16;

    private final Content content;
    private final long length;
    private final Map<Long, byte[]> blocks = new LinkedHashMap<>(BLOCKS_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > BLOCKS_KEPT;
        }
    };
    private long position;
    private boolean closed;

    ContentRead(Content content) {
        this.content = content;
        this.length = content.size();
    }

    @Override
    public int read() throws IOException {
        if (position >= length) {
            return -1;
        }
        int value = block(position / BLOCK)[(int) (position % BLOCK)] & 0xff;
        position++;
        return value;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        byte[] block = block(position / BLOCK);
        int inBlock = (int) (position % BLOCK);
        int n = (int) Math.min(Math.min(len, block.length - inBlock), length - position);
        System.arraycopy(block, inBlock, b, off, n);
        position += n;
        return n;
    }

    private byte[] block(long index) throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        byte[] block = blocks.get(index);
        if (block == null) {
            long start = index * BLOCK;
            int size = (int) Math.min(BLOCK, length - start);
            try (InputStream in = content.open(start)) {
                block = in.readNBytes(size);
            }
            if (block.length != size) {
                throw new EOFException("content shorter than its size");
            }
            blocks.put(index, block);
        }
        return block;
    }

    @Override
    public long getPosition() {
        return position;
    }

    @Override
    public void seek(long to) throws IOException {
        if (to < 0) {
            throw new IOException("negative position");
        }
        position = Math.min(to, length);
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isEOF() {
        return position >= length;
    }

    @Override
    public RandomAccessReadView createView(long startPosition, long streamLength) {
        return new RandomAccessReadView(this, startPosition, streamLength);
    }

    @Override
    public void close() {
        closed = true;
        blocks.clear();
    }
}
