package org.tanik.volunteer.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tanik.volunteer.MetadataReport;
import org.tanik.volunteer.MetadataReport.Finding;
import org.tanik.volunteer.MetadataReport.Kind;

/**
 * What a file reveals beyond what it shows, by its first bytes (not its name): JPEG (EXIF GPS
 * position, camera, date taken; XMP and IPTC blocks), PDF (author, creator, producer). Other
 * formats: nothing known. Only JPEG metadata can be stripped ({@link #strip}).
 */
public final class Metadata {

    private static final byte[] PDF = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Metadata() {
    }

    public static MetadataReport inspect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        if (JpegSegments.startsJpeg(head)) {
            return new MetadataReport(jpeg(file), true);
        }
        if (head.length >= PDF.length && java.util.Arrays.equals(head, 0, PDF.length, PDF, 0, PDF.length)) {
            return new MetadataReport(PdfInfo.read(file), false);
        }
        return MetadataReport.nothing();
    }

    /**
     * The bytes read from {@code in} without the metadata that can be stripped: a JPEG's APP1 and
     * APP13 segments. Anything that is not a JPEG passes unchanged.
     */
    public static InputStream strip(InputStream in) {
        return new JpegMetadataFilter(in);
    }

    private static List<Finding> jpeg(Path file) throws IOException {
        List<Finding> found = new ArrayList<>();
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            for (JpegSegments.Segment s : JpegSegments.metadataSegments(in)) {
                if (s.marker() == JpegSegments.APP13) {
                    found.add(new Finding(Kind.EMBEDDED_METADATA, "IPTC"));
                } else if (ExifReader.isExif(s.data())) {
                    found.addAll(ExifReader.read(s.data()));
                } else if (new String(s.data(), 0, Math.min(28, s.data().length),
                        java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("http://ns.adobe.com/xap/1.0/")) {
                    found.add(new Finding(Kind.EMBEDDED_METADATA, "XMP"));
                }
            }
        }
        return found.stream().distinct().toList();
    }
}
