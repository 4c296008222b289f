package org.tanik.audio;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

/**
 * The WAV (RIFF) container around PCM: the 44-byte header a recording is saved with, and reading
 * the header of any WAV file the player is given. Only 16-bit integer PCM plays; other encodings
 * (8-bit, 24-bit, float, compressed) are refused with {@link Problem#AUDIO_UNSUPPORTED}.
 */
public final class Wav {

    public static final int HEADER_SIZE = 44;
    public static final String MEDIA_TYPE = "audio/wav";
    private static final int PCM = 1;
    private static final int EXTENSIBLE = 0xFFFE;
    /** A header larger than this (many metadata chunks before the audio) is not a WAV we play. */
    private static final long MAX_HEADER = 1 << 20;

    /** Where the audio is inside a WAV file, and its format. */
    public record Layout(PcmFormat format, long dataOffset, long dataLength) {
        public long durationMillis() {
            return format.millis(dataLength);
        }
    }

    private Wav() {
    }

    /** The canonical 44-byte header for {@code dataLength} bytes of {@code format} PCM. */
    public static byte[] header(PcmFormat format, long dataLength) {
        if (dataLength > 0xFFFF_FFFFL - 36) {
            throw new IllegalArgumentException("too long for a WAV file");
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt((int) (36 + dataLength)).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) PCM).putShort((short) format.channels())
                .putInt(format.sampleRate()).putInt((int) format.bytesPerSecond())
                .putShort((short) format.bytesPerFrame()).putShort((short) 16);
        b.put(ascii("data")).putInt((int) dataLength);
        return b.array();
    }

    /**
     * Reads the header from the start of a WAV file of {@code size} bytes. The data length is capped
     * at what the file holds (a recording cut short by a crash may say more), and rounded down to
     * whole frames.
     */
    public static Layout read(InputStream in, long size) throws IOException {
        byte[] riff = readFully(in, 12);
        if (!"RIFF".equals(text(riff, 0)) || !"WAVE".equals(text(riff, 8))) {
            throw new TanikException(Problem.AUDIO_UNSUPPORTED);
        }
        long offset = 12;
        PcmFormat format = null;
        while (offset < MAX_HEADER) {
            byte[] chunk = readFully(in, 8);
            offset += 8;
            String id = text(chunk, 0);
            long length = ByteBuffer.wrap(chunk, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF_FFFFL;
            if ("data".equals(id)) {
                if (format == null) {
                    throw new TanikException(Problem.AUDIO_UNSUPPORTED);
                }
                long available = Math.max(0, Math.min(length, size - offset));
                return new Layout(format, offset, available - available % format.bytesPerFrame());
            }
            if ("fmt ".equals(id)) {
                if (length < 16 || length > 1024) {
                    throw new TanikException(Problem.AUDIO_UNSUPPORTED);
                }
                format = format(readFully(in, (int) length));
            } else {
                skipFully(in, length);
            }
            // Chunks are padded to an even length.
            if (length % 2 == 1) {
                skipFully(in, 1);
            }
            offset += length + length % 2;
        }
        throw new TanikException(Problem.AUDIO_UNSUPPORTED);
    }

    private static PcmFormat format(byte[] fmt) {
        ByteBuffer b = ByteBuffer.wrap(fmt).order(ByteOrder.LITTLE_ENDIAN);
        int encoding = b.getShort(0) & 0xFFFF;
        int channels = b.getShort(2) & 0xFFFF;
        int rate = b.getInt(4);
        int bits = b.getShort(14) & 0xFFFF;
        if (encoding == EXTENSIBLE && fmt.length >= 26) {
            // The sub-format GUID starts with the real encoding.
            encoding = b.getShort(24) & 0xFFFF;
        }
        if (encoding != PCM || bits != 16 || channels < 1 || channels > 2 || rate < 1000 || rate > 384_000) {
            throw new TanikException(Problem.AUDIO_UNSUPPORTED);
        }
        return new PcmFormat(rate, channels);
    }

    private static byte[] readFully(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new TanikException(Problem.AUDIO_UNSUPPORTED, new EOFException());
        }
        return b;
    }

    private static void skipFully(InputStream in, long n) throws IOException {
        try {
            in.skipNBytes(n);
        } catch (EOFException e) {
            throw new TanikException(Problem.AUDIO_UNSUPPORTED, e);
        }
    }

    private static String text(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
