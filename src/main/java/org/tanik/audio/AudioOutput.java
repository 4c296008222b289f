package org.tanik.audio;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

/**
 * Where the player sends decrypted PCM: the computer's speakers through javax.sound.sampled, or (in
 * tests) something that collects it. Sound goes from memory to the line; nothing is written to disk.
 */
public interface AudioOutput {

    /** True when a line for {@code format} can be opened. */
    boolean available(PcmFormat format);

    /** Opens a line for {@code format}; fails with {@link Problem#AUDIO_OUTPUT_MISSING} when there is none. */
    Line open(PcmFormat format);

    /** An open output line. */
    interface Line extends AutoCloseable {

        /** Plays the bytes, blocking while the line's buffer is full; returns early after {@link #stop}. */
        void write(byte[] pcm, int offset, int length);

        /** Frames actually played since the line was opened (not merely queued). */
        long playedFrames();

        /** Plays out what is queued, then returns. */
        void drain();

        /** Stops at once and drops what is queued (pause, seek). */
        void stop();

        @Override
        void close();
    }

    /** The computer's default sound output. */
    static AudioOutput system() {
        return new AudioOutput() {
            @Override
            public boolean available(PcmFormat format) {
                return AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, format.toJavaSound()));
            }

            @Override
            public Line open(PcmFormat format) {
                if (!available(format)) {
                    throw new TanikException(Problem.AUDIO_OUTPUT_MISSING);
                }
                SourceDataLine line;
                try {
                    line = (SourceDataLine) AudioSystem.getLine(new DataLine.Info(SourceDataLine.class,
                            format.toJavaSound()));
                    // A quarter of a second queued: pause and seek answer quickly.
                    line.open(format.toJavaSound(), (int) (format.bytesPerSecond() / 4) / format.bytesPerFrame()
                            * format.bytesPerFrame());
                } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                    throw new TanikException(Problem.AUDIO_OUTPUT_MISSING, e);
                }
                return new Line() {
                    @Override
                    public void write(byte[] pcm, int offset, int length) {
                        if (!line.isRunning()) {
                            line.start();
                        }
                        line.write(pcm, offset, length);
                    }

                    @Override
                    public long playedFrames() {
                        return line.getLongFramePosition();
                    }

                    @Override
                    public void drain() {
                        line.drain();
                    }

                    @Override
                    public void stop() {
                        line.stop();
                        line.flush();
                    }

                    @Override
                    public void close() {
                        line.close();
                    }
                };
            }
        };
    }
}
