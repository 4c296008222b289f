package org.tanik.audio;

/**
 * Signed 16-bit little-endian PCM at a sample rate and a number of channels: what the recorder
 * captures (16 kHz mono, about 115 MB an hour) and what the player accepts from a WAV file.
 */
public record PcmFormat(int sampleRate, int channels) {

    /** What every recording is made in: speech needs no more, and a two-hour interview fits in one bundle. */
    public static final PcmFormat RECORDING = new PcmFormat(16_000, 1);

    public static final int BYTES_PER_SAMPLE = 2;

    public PcmFormat {
        if (sampleRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("sample rate and channels must be positive");
        }
    }

    public int bytesPerFrame() {
        return channels * BYTES_PER_SAMPLE;
    }

    public long bytesPerSecond() {
        return (long) sampleRate * bytesPerFrame();
    }

    /** The playing time of {@code bytes} of audio, rounded down to the millisecond. */
    public long millis(long bytes) {
        long frames = bytes / bytesPerFrame();
        return frames * 1000 / sampleRate;
    }

    /** The byte offset of the frame playing at {@code millis}: always on a frame boundary. */
    public long offset(long millis) {
        long frames = Math.max(0, millis) * sampleRate / 1000;
        return frames * bytesPerFrame();
    }

    /** A javax.sound format of the same shape. */
    javax.sound.sampled.AudioFormat toJavaSound() {
        return new javax.sound.sampled.AudioFormat(sampleRate, 16, channels, true, false);
    }
}
