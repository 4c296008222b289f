package org.tanik.audio;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

/** The computer's microphone (the system's default capture line) through javax.sound.sampled. */
public final class Microphone implements AudioSource {

    private final TargetDataLine line;

    private Microphone(TargetDataLine line) {
        this.line = line;
    }

    /** True when the system has a capture line that records {@link PcmFormat#RECORDING}. */
    public static boolean available() {
        return AudioSystem.isLineSupported(info());
    }

    /**
     * Opens and starts the microphone. Fails with {@link Problem#MICROPHONE_MISSING} when the computer
     * has none (or none that records 16 kHz mono), and {@link Problem#MICROPHONE_BUSY} when another
     * program holds it.
     */
    public static Microphone open() {
        if (!available()) {
            throw new TanikException(Problem.MICROPHONE_MISSING);
        }
        TargetDataLine line;
        try {
            line = (TargetDataLine) AudioSystem.getLine(info());
            // Half a second of buffer: enough to ride out a slow disk write, small enough to lose little.
            line.open(PcmFormat.RECORDING.toJavaSound(), (int) (PcmFormat.RECORDING.bytesPerSecond() / 2));
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new TanikException(Problem.MICROPHONE_BUSY, e);
        }
        line.start();
        return new Microphone(line);
    }

    private static DataLine.Info info() {
        return new DataLine.Info(TargetDataLine.class, PcmFormat.RECORDING.toJavaSound());
    }

    @Override
    public int read(byte[] buffer) {
        if (!line.isOpen()) {
            return -1;
        }
        // A read of at most 0.1 s returns often enough for the level meter and a prompt stop.
        int want = (int) Math.min(buffer.length, PcmFormat.RECORDING.bytesPerSecond() / 10) & ~1;
        int n = line.read(buffer, 0, want);
        return n == 0 && !line.isOpen() ? -1 : n;
    }

    @Override
    public void close() {
        line.stop();
        line.close();
    }
}
