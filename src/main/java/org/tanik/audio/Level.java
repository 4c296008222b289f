package org.tanik.audio;

/** How loud a buffer of 16-bit PCM is, for a level meter that shows the microphone works. */
public final class Level {

    private Level() {
    }

    /**
     * The peak of the first {@code length} bytes as a fraction of full scale, 0 (silence) to 1.
     * Peak rather than RMS: a meter that moves at speech is what tells the interviewer it hears them.
     */
    public static double peak(byte[] pcm, int length) {
        int max = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            int sample = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
            max = Math.max(max, Math.abs(sample));
        }
        return Math.min(1.0, max / 32768.0);
    }
}
