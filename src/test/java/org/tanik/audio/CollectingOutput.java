package org.tanik.audio;

import java.io.ByteArrayOutputStream;

/**
 * A sound output that keeps what it is given instead of playing it, and counts every frame as
 * played at once: a player's position then follows exactly what it wrote.
 */
public final class CollectingOutput implements AudioOutput {

    private final ByteArrayOutputStream played = new ByteArrayOutputStream();
    private PcmFormat format;

    @Override
    public boolean available(PcmFormat f) {
        return true;
    }

    @Override
    public Line open(PcmFormat f) {
        this.format = f;
        return new Line() {
            @Override
            public void write(byte[] pcm, int offset, int length) {
                synchronized (played) {
                    played.write(pcm, offset, length);
                }
            }

            @Override
            public long playedFrames() {
                synchronized (played) {
                    return played.size() / format.bytesPerFrame();
                }
            }

            @Override
            public void drain() {
            }

            @Override
            public void stop() {
            }

            @Override
            public void close() {
            }
        };
    }

    public byte[] played() {
        synchronized (played) {
            return played.toByteArray();
        }
    }

    /** An output like this computer's when it has no sound card. */
    public static AudioOutput none() {
        return new AudioOutput() {
            @Override
            public boolean available(PcmFormat f) {
                return false;
            }

            @Override
            public Line open(PcmFormat f) {
                throw new org.tanik.error.TanikException(org.tanik.error.Problem.AUDIO_OUTPUT_MISSING);
            }
        };
    }
}
