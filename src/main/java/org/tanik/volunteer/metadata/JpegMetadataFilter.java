package org.tanik.volunteer.metadata;

import java.io.IOException;
import java.io.InputStream;

/**
 * A JPEG's bytes without its APP1 (EXIF: GPS position, camera, dates; XMP) and APP13 (IPTC)
 * segments, as it is read: the segments before the image data are walked one by one, the others
 * copied, the image data (from SOS on) passed through untouched. Anything that is not a JPEG, or
 * stops looking like one, passes through unchanged: the filter never damages a file, at worst it
 * leaves what it cannot recognise. Memory: a few bytes.
 */
final class JpegMetadataFilter extends InputStream {

    private enum State { START, SEGMENTS, COPY, PASS }

    private final InputStream in;
    private State state = State.START;
    /** Bytes decided on but not yet returned: a marker and its length. */
    private final byte[] pending = new byte[4];
    private int pendingPos;
    private int pendingLen;
    /** Bytes of the current segment still to copy. */
    private int remaining;

    JpegMetadataFilter(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (pendingPos < pendingLen) {
                int n = Math.min(len, pendingLen - pendingPos);
                System.arraycopy(pending, pendingPos, b, off, n);
                pendingPos += n;
                return n;
            }
            switch (state) {
                case START -> start();
                case SEGMENTS -> segment();
                case COPY -> {
                    int n = in.read(b, off, Math.min(len, remaining));
                    if (n < 0) {
                        return -1;
                    }
                    remaining -= n;
                    if (remaining == 0) {
                        state = State.SEGMENTS;
                    }
                    return n;
                }
                case PASS -> {
                    return in.read(b, off, len);
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    private void start() throws IOException {
        int a = in.read();
        int c = a == 0xFF ? in.read() : -1;
        if (a == 0xFF && c == JpegSegments.SOI) {
            emit(State.SEGMENTS, 0xFF, JpegSegments.SOI);
        } else {
            passAfter(a, c);
        }
    }

    /** Decides on the next segment: copies its header (and later its content), or skips it whole. */
    private void segment() throws IOException {
        int first = in.read();
        if (first != 0xFF) {
            passAfter(first, -1);
            return;
        }
        int marker = in.read();
        while (marker == 0xFF) {
            marker = in.read();
        }
        if (marker < 0) {
            passAfter(0xFF, -1);
            return;
        }
        if (marker == JpegSegments.SOS || marker == JpegSegments.EOI) {
            emit(State.PASS, 0xFF, marker); // the image data: nothing more to look at
            return;
        }
        if (JpegSegments.standsAlone(marker)) {
            emit(State.SEGMENTS, 0xFF, marker);
            return;
        }
        int hi = in.read();
        int lo = in.read();
        if (hi < 0 || lo < 0 || ((hi << 8) | lo) < 2) {
            emit(State.PASS, 0xFF, marker, hi, lo);
            return;
        }
        int length = (hi << 8) | lo;
        if (marker == JpegSegments.APP1 || marker == JpegSegments.APP13) {
            discard(length - 2); // dropped: state stays SEGMENTS
            return;
        }
        remaining = length - 2;
        emit(remaining == 0 ? State.SEGMENTS : State.COPY, 0xFF, marker, hi, lo);
    }

    /** Drops {@code n} bytes, or what is left of a file cut short. */
    private void discard(long n) throws IOException {
        byte[] buf = new byte[8192];
        while (n > 0) {
            int k = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (k < 0) {
                return;
            }
            n -= k;
        }
    }

    /** Returns the given bytes next (those not negative), then continues in {@code next}. */
    private void emit(State next, int... bytes) {
        pendingPos = 0;
        pendingLen = 0;
        for (int v : bytes) {
            if (v >= 0) {
                pending[pendingLen++] = (byte) v;
            }
        }
        state = next;
    }

    private void passAfter(int a, int c) {
        emit(State.PASS, a, c);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
