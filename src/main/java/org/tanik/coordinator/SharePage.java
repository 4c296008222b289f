package org.tanik.coordinator;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.tanik.i18n.Texts;

/**
 * The printable page of one share of the organisation's keys: what it is, the share's text in groups
 * a person can type, the same text as a QR code, and how to keep it. Built in memory (the caller
 * writes the bytes like any file); the text is drawn with DejaVu Sans Mono, shipped with Tanik, which
 * has the Turkish letters the standard PDF fonts lack.
 */
final class SharePage {

    private static final float MARGIN = 56;
    /** The QR code's side on the page (points). */
    private static final float QR_SIZE = 200;
    private static final int GROUPS_PER_LINE = 6;

    private SharePage() {
    }

    /** What a page says, already in the organisation's language. */
    record Content(String title, List<String> lines, String shareText, List<String> advice) {
    }

    /**
     * The page's texts. The organisation's name is not on it (nor in the text file): a paper found in
     * a search should not say which organisation its keeper is close to.
     */
    static Content content(Texts texts, String splitId, int number, int count, int threshold, String date,
                           String shareText) {
        List<String> lines = List.of(texts.format("share.page.threshold", threshold, count),
                texts.format("share.page.split", splitId, date));
        List<String> advice = List.of(texts.format("share.page.keep"), texts.format("share.page.apart"),
                texts.format("share.page.noCopies"), texts.format("share.page.restore"));
        return new Content(texts.format("share.page.title", number, count), lines, shareText, advice);
    }

    /** The page as PDF bytes. */
    static byte[] pdf(Content c) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont font = PdfFonts.MONO.load(doc);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float width = page.getMediaBox().getWidth() - 2 * MARGIN;
            float y = page.getMediaBox().getHeight() - MARGIN;
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                y = paragraph(s, font, 15, c.title(), width, y) - 6;
                for (String line : c.lines()) {
                    y = paragraph(s, font, 10, line, width, y);
                }
                y -= 10;
                drawQr(s, c.shareText(), MARGIN, y - QR_SIZE, QR_SIZE);
                y -= QR_SIZE + 16;
                for (String line : groupedLines(c.shareText())) {
                    y = paragraph(s, font, 12, line, width, y);
                }
                y -= 12;
                for (String line : c.advice()) {
                    y = paragraph(s, font, 9.5f, line, width, y) - 4;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** The share's groups, six to a line. */
    static List<String> groupedLines(String shareText) {
        String[] groups = shareText.split(" ");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < groups.length; i += GROUPS_PER_LINE) {
            lines.add(String.join(" ", java.util.Arrays.copyOfRange(groups, i, Math.min(groups.length, i + GROUPS_PER_LINE))));
        }
        return lines;
    }

    /** Draws {@code text} wrapped at {@code width}, its first line's top at {@code y}; returns the y below it. */
    private static float paragraph(PDPageContentStream s, PDFont font, float size, String text, float width, float y)
            throws IOException {
        float leading = size * 1.35f;
        for (String line : wrap(font, size, text, width)) {
            y -= leading;
            s.beginText();
            s.setFont(font, size);
            s.newLineAtOffset(MARGIN, y);
            s.showText(line);
            s.endText();
        }
        return y;
    }

    private static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String tried = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(tried) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(tried);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * The QR code of {@code text}, one that a reader reads back. ZXing's own reader fails to find some
     * codes whose data happens to look like finder patterns (about 1 in 50 shares, measured); the same
     * text under another of the eight mask patterns reads. So each mask is tried in turn, the default
     * first, until the code is read back as {@code text}, drawn both with whole pixels a module and as
     * at 150 dpi.
     */
    static BitMatrix readableQr(String text) throws IOException {
        BitMatrix first = null;
        for (int mask = -1; mask < 8; mask++) {
            Map<EncodeHintType, Object> hints = new java.util.EnumMap<>(EncodeHintType.class);
            hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.Q);
            hints.put(EncodeHintType.MARGIN, 4);
            if (mask >= 0) {
                hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
            }
            BitMatrix m;
            try {
                m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
            } catch (WriterException e) {
                throw new IOException(e);
            }
            if (text.equals(readBack(m, 4)) && text.equals(readBack(m, 150 / 72.0 * QR_SIZE / m.getWidth()))) {
                return m;
            }
            first = first == null ? m : first;
        }
        return first; // none read back (never seen): the default code, which other readers may still take
    }

    /**
     * What ZXing's reader reads from the code drawn with {@code scale} pixels a module (a fraction, as on a
     * page printed at 150 dpi, reads worse than a whole number), or null.
     */
    private static String readBack(BitMatrix m, double scale) {
        int w = (int) (m.getWidth() * scale);
        int h = (int) (m.getHeight() * scale);
        int[] pixels = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean dark = m.get(Math.min(m.getWidth() - 1, (int) (x / scale)),
                        Math.min(m.getHeight() - 1, (int) (y / scale)));
                pixels[y * w + x] = dark ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        try {
            return new com.google.zxing.qrcode.QRCodeReader().decode(
                    new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                            new com.google.zxing.RGBLuminanceSource(w, h, pixels))),
                    Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, true)).getText();
        } catch (com.google.zxing.ReaderException e) {
            return null;
        }
    }

    /** The QR code of {@code text} as filled squares (quartile error correction: a stained paper still scans). */
    private static void drawQr(PDPageContentStream s, String text, float x, float y, float size) throws IOException {
        BitMatrix m = readableQr(text);
        float cell = size / m.getWidth();
        // One rectangle per run of dark modules in a row: fewer shapes, and no seams inside a run.
        for (int row = 0; row < m.getHeight(); row++) {
            int col = 0;
            while (col < m.getWidth()) {
                if (!m.get(col, row)) {
                    col++;
                    continue;
                }
                int end = col;
                while (end < m.getWidth() && m.get(end, row)) {
                    end++;
                }
                s.addRect(x + col * cell, y + size - (row + 1) * cell, (end - col) * cell, cell);
                col = end;
            }
        }
        s.fill();
    }
}
