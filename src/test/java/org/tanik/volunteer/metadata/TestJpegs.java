package org.tanik.volunteer.metadata;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * JPEG files made in the test: a real image (ImageIO) with an EXIF segment put in by hand (camera, date
 * taken, GPS position 41°0'29.52"N 28°58'42.24"E, i.e. 41.008200, 28.978400) and an IPTC segment.
 */
public final class TestJpegs {

    public static final String GPS = "41.008200, 28.978400";
    public static final String CAMERA = "Canon EOS 5D";
    public static final String TAKEN = "2024:05:14 09:30:00";

    private TestJpegs() {
    }

    /** A 64×48 JPEG as ImageIO writes it (JFIF, no metadata). */
    public static byte[] plain() throws IOException {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    /** The same image with an EXIF APP1 and an IPTC APP13 segment right after SOI. */
    public static byte[] withMetadata() throws IOException {
        byte[] jpeg = plain();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        segment(out, 0xE1, exif());
        segment(out, 0xED, "Photoshop 3.0\0 8BIM IPTC byline: Muhabir".getBytes(StandardCharsets.ISO_8859_1));
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        out.write(0xFF);
        out.write(marker);
        out.write((data.length + 2) >> 8);
        out.write((data.length + 2) & 0xff);
        out.write(data, 0, data.length);
    }

    /** "Exif\0\0" and a little-endian TIFF block: IFD0 (make, model, Exif and GPS pointers), Exif IFD, GPS IFD. */
    static byte[] exif() {
        ByteBuffer b = ByteBuffer.allocate(400).order(ByteOrder.LITTLE_ENDIAN);
        b.put("II".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        // IFD0 at 8: 4 entries → 2 + 48 + 4 = 54 bytes, data from 62.
        int data = 8 + 2 + 4 * 12 + 4;
        byte[] make = "Canon\0".getBytes(StandardCharsets.US_ASCII);
        byte[] model = "EOS 5D\0".getBytes(StandardCharsets.US_ASCII);
        int makeAt = data;
        int modelAt = makeAt + make.length;
        int exifIfd = modelAt + model.length + 1;
        int exifData = exifIfd + 2 + 12 + 4;
        byte[] taken = (TAKEN + "\0").getBytes(StandardCharsets.US_ASCII);
        int gpsIfd = exifData + taken.length + 1;
        int gpsData = gpsIfd + 2 + 4 * 12 + 4;
        b.position(8);
        b.putShort((short) 4);
        entry(b, 0x010F, 2, make.length, makeAt);
        entry(b, 0x0110, 2, model.length, modelAt);
        entry(b, 0x8769, 4, 1, exifIfd);
        entry(b, 0x8825, 4, 1, gpsIfd);
        b.putInt(0);
        b.position(makeAt).put(make).put(model);
        b.position(exifIfd).putShort((short) 1);
        entry(b, 0x9003, 2, taken.length, exifData);
        b.putInt(0);
        b.position(exifData).put(taken);
        b.position(gpsIfd).putShort((short) 4);
        entry(b, 1, 2, 2, 'N'); // two ASCII bytes fit in the value field
        entry(b, 2, 5, 3, gpsData);
        entry(b, 3, 2, 2, 'E');
        entry(b, 4, 5, 3, gpsData + 24);
        b.putInt(0);
        b.position(gpsData);
        b.putInt(41).putInt(1).putInt(0).putInt(1).putInt(2952).putInt(100);
        b.putInt(28).putInt(1).putInt(58).putInt(1).putInt(4224).putInt(100);
        byte[] tiff = java.util.Arrays.copyOf(b.array(), b.position());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(tiff);
        return out.toByteArray();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }
}
