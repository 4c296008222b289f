package org.tanik.audio;

import java.nio.charset.StandardCharsets;

/**
 * A made-up voice for tests and demonstrations, where no microphone exists: a tone whose pitch and
 * loudness vary, so a level meter moves. The sound at each byte position is fixed, so a recording of
 * a given length always has the same SHA-256. Optionally a text is written into the audio every
 * half second, so a test can search the disk for it and be sure no plaintext sound landed there.
 */
public final class SyntheticSource implements AudioSource {

    /** A watermark every half second of 16 kHz mono audio. */
    static final int WATERMARK_PERIOD = 16_000;
    /** A real-time source hands out at most this much per read (0.1 s), like a microphone does. */
    private static final int REAL_TIME_CHUNK = 3_200;

    private final long limitBytes;
    private final boolean realTime;
    private final byte[] watermark;
    private long position;
    private long startedNanos = -1;
    private volatile boolean closed;

    private SyntheticSource(long limitBytes, boolean realTime, byte[] watermark) {
        this.limitBytes = limitBytes;
        this.realTime = realTime;
        this.watermark = watermark;
    }

    /** As fast as it is read, ending after {@code millis} of audio. */
    public static SyntheticSource fast(long millis) {
        return new SyntheticSource(PcmFormat.RECORDING.offset(millis), false, new byte[0]);
    }

    /** At the pace of a real microphone, until closed. */
    public static SyntheticSource realTime() {
        return new SyntheticSource(Long.MAX_VALUE, true, new byte[0]);
    }

    /** The same source with {@code text} (ASCII, shorter than the period) written into its audio. */
    public SyntheticSource withWatermark(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length >= WATERMARK_PERIOD) {
            throw new IllegalArgumentException("ASCII characters, fewer than the period");
        }
        return new SyntheticSource(limitBytes, realTime, bytes);
    }

    @Override
    public int read(byte[] buffer) {
        if (closed || position >= limitBytes) {
            return -1;
        }
        int n = (int) Math.min(buffer.length & ~1, limitBytes - position);
        if (realTime) {
            n = Math.min(n, REAL_TIME_CHUNK);
            pace(n);
            if (closed) {
                return -1;
            }
        }
        for (int i = 0; i < n; i += 2) {
            short sample = sample((position + i) / 2);
            buffer[i] = (byte) sample;
            buffer[i + 1] = (byte) (sample >> 8);
        }
        for (int i = 0; i < n; i++) {
            long inPeriod = (position + i) % WATERMARK_PERIOD;
            if (inPeriod < watermark.length) {
                buffer[i] = watermark[(int) inPeriod];
            }
        }
        position += n;
        return n;
    }

    /** The audio at byte {@code offset} of what this source produces (for tests to compare). */
    public static byte[] expected(long offset, int length, String watermark) {
        SyntheticSource s = new SyntheticSource(Long.MAX_VALUE, false, new byte[0]);
        if (!watermark.isEmpty()) {
            s = s.withWatermark(watermark);
        }
        s.position = offset;
        byte[] out = new byte[length];
        s.read(out);
        return out;
    }

    /** A tone gliding between 200 and 600 Hz, its loudness swelling every two seconds, never silent. */
    private static short sample(long frame) {
        double t = frame / (double) PcmFormat.RECORDING.sampleRate();
        double pitch = 400 + 200 * Math.sin(2 * Math.PI * 0.25 * t);
        double loudness = 0.2 + 0.6 * (0.5 + 0.5 * Math.sin(2 * Math.PI * 0.5 * t));
        return (short) Math.round(32767 * loudness * Math.sin(2 * Math.PI * pitch * t));
    }

    /** Waits until a microphone would have captured {@code next} more bytes since the first read. */
    private void pace(int next) {
        if (startedNanos < 0) {
            startedNanos = System.nanoTime();
        }
        long dueNanos = startedNanos + (position + next) * 1_000_000_000L / PcmFormat.RECORDING.bytesPerSecond();
        long wait;
        while (!closed && (wait = dueNanos - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Math.max(1, wait / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
