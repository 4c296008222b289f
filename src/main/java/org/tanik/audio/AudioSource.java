package org.tanik.audio;

import java.io.IOException;

/**
 * Where a recording's sound comes from: the microphone, or a synthetic signal for tests and demos.
 * Always {@link PcmFormat#RECORDING} (16 kHz mono, signed 16-bit little-endian).
 */
public interface AudioSource extends AutoCloseable {

    /**
     * Fills {@code buffer} with the next sound, blocking until some is there; returns the number of
     * bytes read (always whole frames), or -1 when the source has ended.
     */
    int read(byte[] buffer) throws IOException;

    /** Stops capturing and releases the device; a {@link #read} in progress returns. */
    @Override
    void close();
}
