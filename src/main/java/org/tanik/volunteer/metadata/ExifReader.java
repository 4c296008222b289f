package org.tanik.volunteer.metadata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tanik.volunteer.MetadataReport.Finding;
import org.tanik.volunteer.MetadataReport.Kind;

/**
 * Reads what an EXIF block (a JPEG's APP1 segment starting "Exif\0\0") reveals: the camera's make
 * and model, when the photo was taken, and the GPS position (TIFF 6.0 structure; EXIF 2.3 tags).
 * Only the tags it looks for are read; a malformed block yields what was found before the fault.
 */
final class ExifReader {

    private static final int MAKE = 0x010F;
    private static final int MODEL = 0x0110;
    private static final int DATE_TIME = 0x0132;
    private static final int EXIF_IFD = 0x8769;
    private static final int GPS_IFD = 0x8825;
    private static final int DATE_TIME_ORIGINAL = 0x9003;
    private static final int GPS_LATITUDE_REF = 1;
    private static final int GPS_LATITUDE = 2;
    private static final int GPS_LONGITUDE_REF = 3;
    private static final int GPS_LONGITUDE = 4;
    private static final int ASCII = 2;
    private static final int RATIONAL = 5;

    private final byte[] tiff;
    private final boolean littleEndian;

    private ExifReader(byte[] tiff) {
        this.tiff = tiff;
        this.littleEndian = tiff[0] == 'I';
    }

    static boolean isExif(byte[] app1) {
        return app1.length > 14 && new String(app1, 0, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0");
    }

    /** The findings of an APP1 segment's content that starts "Exif\0\0". */
    static List<Finding> read(byte[] app1) {
        byte[] tiff = java.util.Arrays.copyOfRange(app1, 6, app1.length);
        List<Finding> found = new ArrayList<>();
        try {
            new ExifReader(tiff).readInto(found);
        } catch (IndexOutOfBoundsException e) {
            // A malformed block: what was found before the fault stands.
        }
        return found;
    }

    private void readInto(List<Finding> found) {
        int ifd0 = u32(4);
        String make = ascii(ifd0, MAKE);
        String model = ascii(ifd0, MODEL);
        String camera = String.join(" ", List.of(make, model).stream().filter(s -> !s.isEmpty()).toList());
        if (!camera.isEmpty()) {
            found.add(new Finding(Kind.CAMERA, camera));
        }
        Integer exif = entryValue(ifd0, EXIF_IFD);
        String taken = exif == null ? "" : ascii(exif, DATE_TIME_ORIGINAL);
        if (taken.isEmpty()) {
            taken = ascii(ifd0, DATE_TIME);
        }
        if (!taken.isEmpty()) {
            found.add(new Finding(Kind.DATE_TAKEN, taken));
        }
        Integer gps = entryValue(ifd0, GPS_IFD);
        if (gps != null) {
            Double lat = degrees(gps, GPS_LATITUDE, ascii(gps, GPS_LATITUDE_REF), "S");
            Double lon = degrees(gps, GPS_LONGITUDE, ascii(gps, GPS_LONGITUDE_REF), "W");
            if (lat != null && lon != null) {
                found.add(new Finding(Kind.GPS_POSITION, String.format(Locale.ROOT, "%.6f, %.6f", lat, lon)));
            }
        }
    }

    /** Offset of the entry with this tag in the IFD at {@code ifd}, or -1. */
    private int entry(int ifd, int tag) {
        int count = u16(ifd);
        for (int i = 0; i < count; i++) {
            int at = ifd + 2 + 12 * i;
            if (u16(at) == tag) {
                return at;
            }
        }
        return -1;
    }

    /** A LONG (or SHORT) entry's value: the offsets of sub-IFDs. */
    private Integer entryValue(int ifd, int tag) {
        int at = entry(ifd, tag);
        return at < 0 ? null : u32(at + 8);
    }

    private String ascii(int ifd, int tag) {
        int at = entry(ifd, tag);
        if (at < 0 || u16(at + 2) != ASCII) {
            return "";
        }
        int count = u32(at + 4);
        int from = count <= 4 ? at + 8 : u32(at + 8);
        int end = from;
        while (end < from + count && tiff[end] != 0) {
            end++;
        }
        return new String(tiff, from, end - from, StandardCharsets.UTF_8).strip();
    }

    /** Degrees, minutes, seconds as three RATIONALs, signed by the reference letter. */
    private Double degrees(int ifd, int tag, String ref, String negative) {
        int at = entry(ifd, tag);
        if (at < 0 || u16(at + 2) != RATIONAL || u32(at + 4) != 3) {
            return null;
        }
        int values = u32(at + 8);
        double d = rational(values) + rational(values + 8) / 60 + rational(values + 16) / 3600;
        return ref.equalsIgnoreCase(negative) ? -d : d;
    }

    private double rational(int at) {
        long den = u32(at + 4) & 0xffffffffL;
        return den == 0 ? 0 : (u32(at) & 0xffffffffL) / (double) den;
    }

    private int u16(int at) {
        int a = tiff[at] & 0xff;
        int b = tiff[at + 1] & 0xff;
        return littleEndian ? a | (b << 8) : (a << 8) | b;
    }

    private int u32(int at) {
        int lo = u16(littleEndian ? at : at + 2);
        int hi = u16(littleEndian ? at + 2 : at);
        return (hi << 16) | lo;
    }
}
