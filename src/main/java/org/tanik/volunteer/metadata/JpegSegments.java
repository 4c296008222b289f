package org.tanik.volunteer.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The segments of a JPEG file before its image data (JPEG, ITU T.81, B.1.1): each is 0xFF, a marker
 * code, and, except for the few markers that stand alone, a two-byte big-endian length that counts
 * itself. The image data starts after the SOS segment; nothing after it is metadata.
 */
final class JpegSegments {

    static final int SOI = 0xD8;
    static final int EOI = 0xD9;
    static final int SOS = 0xDA;
    /** EXIF and XMP. */
    static final int APP1 = 0xE1;
    /** Photoshop's IPTC record. */
    static final int APP13 = 0xED;

    /** One application segment's marker and content (without marker and length). */
    record Segment(int marker, byte[] data) {
    }

    private JpegSegments() {
    }

    /** Whether a marker code stands alone, without a length: TEM, RST0..7, SOI, EOI. */
    static boolean standsAlone(int marker) {
        return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD9);
    }

    static boolean startsJpeg(byte[] head) {
        return head.length >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == SOI && (head[2] & 0xff) == 0xFF;
    }

    /**
     * The APP1 and APP13 segments before the image data, each at most 64 KiB by the format. Reading
     * stops at SOS or at anything that is not a segment (a damaged file reports what was found so far).
     */
    static List<Segment> metadataSegments(InputStream in) throws IOException {
        List<Segment> found = new ArrayList<>();
        if (in.read() != 0xFF || in.read() != SOI) {
            return found;
        }
        while (true) {
            int marker = nextMarker(in);
            if (marker < 0 || marker == SOS || marker == EOI) {
                return found;
            }
            if (standsAlone(marker)) {
                continue;
            }
            int length = length(in);
            if (length < 2) {
                return found;
            }
            if (marker == APP1 || marker == APP13) {
                byte[] data = in.readNBytes(length - 2);
                if (data.length < length - 2) {
                    return found;
                }
                found.add(new Segment(marker, data));
            } else {
                in.skipNBytes(length - 2);
            }
        }
    }

    /** The next marker code, skipping fill bytes (0xFF); -1 at the end or where no marker is. */
    static int nextMarker(InputStream in) throws IOException {
        if (in.read() != 0xFF) {
            return -1;
        }
        int code = in.read();
        while (code == 0xFF) {
            code = in.read();
        }
        return code;
    }

    /** A segment's length field; -1 at the end. */
    static int length(InputStream in) throws IOException {
        int hi = in.read();
        int lo = in.read();
        return hi < 0 || lo < 0 ? -1 : (hi << 8) | lo;
    }
}
