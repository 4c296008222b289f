package org.tanik.coordinator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts Tanik ships for the PDFs it writes (DejaVu, see fonts/DejaVu-LICENSE.txt): the standard
 * PDF fonts lack the Turkish and Kurdish letters (ş ğ ı İ ê û î). Loaded as Type 0 fonts, which
 * PDFBox embeds as a subset with a ToUnicode map, so the text stays selectable and searchable.
 */
public enum PdfFonts {
    SANS("DejaVuSans.ttf"),
    SANS_BOLD("DejaVuSans-Bold.ttf"),
    MONO("DejaVuSansMono.ttf");

    private final String resource;
    /** The font file as loaded (read once; it is not secret). */
    private volatile byte[] bytes;

    PdfFonts(String file) {
        this.resource = "/org/tanik/fonts/" + file;
    }

    /** This font, to be embedded (as a subset) in {@code doc}. */
    public PDType0Font load(PDDocument doc) throws IOException {
        byte[] font = bytes;
        if (font == null) {
            try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("font missing: " + resource);
                }
                font = withoutSubstitutions(in.readAllBytes());
            }
            bytes = font;
        }
        return PDType0Font.load(doc, new ByteArrayInputStream(font));
    }

    /**
     * The font with its GSUB table renamed in the table directory (offset 12, 16 bytes a table: tag,
     * checksum, offset, length), so that PDFBox finds no substitutions. The glyphs are untouched,
     * and the embedded subset never carries that table anyway.
     */
    static byte[] withoutSubstitutions(byte[] font) {
        ByteBuffer b = ByteBuffer.wrap(font);
        int tables = Short.toUnsignedInt(b.getShort(4));
        for (int i = 0; i < tables; i++) {
            int at = 12 + 16 * i;
            if (b.getInt(at) == GSUB) {
                b.putInt(at, HIDDEN);
            }
        }
        return font;
    }

    private static final int GSUB = tag("GSUB");
    private static final int HIDDEN = tag("xsub");

    private static int tag(String t) {
        return ByteBuffer.wrap(t.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).getInt();
    }
}
