package org.tanik.audio;

import java.io.IOException;
import java.io.InputStream;
import org.tanik.files.Content;

/**
 * Plays a WAV file held as {@link Content} (an attachment decrypted on the fly): the PCM is read
 * from the right offset and written to an {@link AudioOutput} line on the player's own thread, so
 * no plaintext copy is made and seeking to any moment reads from that moment only.
 * <p>
 * Where the computer has no sound output, {@link #outputAvailable()} is false and {@link #play()}
 * fails with {@code AUDIO_OUTPUT_MISSING}; the position can still be moved (seek, markers).
 */
public final class Player implements AutoCloseable {

    /** Hears what the player does, on the player's thread (or the caller's, for a seek or pause). */
    public interface Listener {
        void changed(long positionMillis, boolean playing);

        /** Reading stopped: the stored bytes were altered or cut short. */
        default void failed(Exception failure) {
        }
    }

    private final Content content;
    private final AudioOutput output;
    private final Wav.Layout layout;
    private final int chunk;
    private volatile Listener listener = (p, playing) -> { };
    private AudioOutput.Line line;
    private Thread thread;
    /** Bumped by every pause and seek: a playing thread of an older generation stops writing. */
    private volatile int generation;
    private volatile boolean playing;
    /** The byte offset within the audio data where the current play started, or the paused position. */
    private long startBytes;
    private long basePlayedFrames;
    private volatile long positionBytes;

    /** Reads the WAV header; fails with {@code AUDIO_UNSUPPORTED} for what is not 16-bit PCM. */
    public Player(Content content, AudioOutput output) throws IOException {
        this.content = content;
        this.output = output;
        try (InputStream in = content.open(0)) {
            this.layout = Wav.read(in, content.size());
        }
        PcmFormat f = layout.format();
        // A tenth of a second per write: the position moves smoothly and a pause answers at once.
        this.chunk = (int) Math.max(f.bytesPerFrame(), f.bytesPerSecond() / 10 / f.bytesPerFrame() * f.bytesPerFrame());
    }

    public void setListener(Listener listener) {
        this.listener = listener == null ? (p, playing) -> { } : listener;
    }

    public PcmFormat format() {
        return layout.format();
    }

    public long durationMillis() {
        return layout.durationMillis();
    }

    public long positionMillis() {
        return layout.format().millis(positionBytes);
    }

    public boolean isPlaying() {
        return playing;
    }

    /** True when this computer has a sound output for this file's format. */
    public boolean outputAvailable() {
        return output.available(layout.format());
    }

    /** Plays from the current position (from the start again when at the end). */
    public synchronized void play() {
        if (playing) {
            return;
        }
        halt();
        if (line == null) {
            line = output.open(layout.format());
        }
        if (positionBytes >= layout.dataLength()) {
            positionBytes = 0;
        }
        startBytes = positionBytes;
        basePlayedFrames = line.playedFrames();
        playing = true;
        int mine = ++generation;
        // Told before the thread starts: a short file may end, and say so, before this returns.
        listener.changed(positionMillis(), true);
        thread = new Thread(() -> run(mine), "tanik-player");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops where it is; {@link #play()} goes on from there. */
    public synchronized void pause() {
        if (!playing) {
            return;
        }
        halt();
        listener.changed(positionMillis(), false);
    }

    /** Moves to {@code millis} (clamped to the recording), playing on from there if it was playing. */
    public synchronized void seek(long millis) {
        boolean wasPlaying = playing;
        halt();
        long clamped = Math.max(0, Math.min(millis, durationMillis()));
        positionBytes = Math.min(layout.format().offset(clamped), layout.dataLength());
        if (wasPlaying) {
            play();
        } else {
            listener.changed(positionMillis(), false);
        }
    }

    @Override
    public synchronized void close() {
        halt();
        if (line != null) {
            line.close();
            line = null;
        }
    }

    /**
     * Stops the playing thread and keeps the position it reached. The thread never takes this
     * object's monitor, so joining it here while holding the monitor cannot deadlock.
     */
    private void halt() {
        generation++;
        Thread t = thread;
        thread = null;
        if (t == null) {
            playing = false;
            return;
        }
        boolean wasPlaying = playing;
        line.stop();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The thread may have queued a last write between its check and our stop: drop it too.
        line.stop();
        if (wasPlaying) {
            positionBytes = played();
        }
        playing = false;
    }

    private long played() {
        long frames = line.playedFrames() - basePlayedFrames;
        return Math.min(layout.dataLength(), startBytes + frames * layout.format().bytesPerFrame());
    }

    private void run(int mine) {
        long written = startBytes;
        byte[] buffer = new byte[chunk];
        try (InputStream in = content.open(layout.dataOffset() + startBytes)) {
            while (generation == mine && written < layout.dataLength()) {
                int want = (int) Math.min(buffer.length, layout.dataLength() - written);
                int n = in.readNBytes(buffer, 0, want);
                if (n <= 0 || generation != mine) {
                    break;
                }
                line.write(buffer, 0, n);
                written += n;
                if (generation == mine) {
                    positionBytes = played();
                    listener.changed(positionMillis(), true);
                }
            }
            if (generation == mine) {
                line.drain();
                finished(mine, layout.dataLength());
            }
        } catch (IOException | RuntimeException e) {
            if (generation == mine) {
                finished(mine, played());
                listener.failed(e);
            }
        }
    }

    /** The end was reached (or reading failed): the player stops there by itself. */
    private void finished(int mine, long at) {
        if (generation != mine) {
            return;
        }
        positionBytes = at;
        playing = false;
        listener.changed(positionMillis(), false);
    }
}
