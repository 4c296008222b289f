package org.tanik.coordinator.reports.pdf;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.tanik.coordinator.PdfFonts;
import org.tanik.model.DisplayText;

/**
 * A flowing A4 page layout on PDFBox: text that wraps at the margin and continues on a new page,
 * labelled fields, headings, and at the end a footer on every page ("case reference · page N of M ·
 * redaction level") and an optional running head. Text is drawn with the shipped DejaVu Sans (embedded
 * as a subset, selectable). Everything volunteers wrote passes through {@link DisplayText}: control
 * characters and bidi embeddings, overrides and isolates are shown as escapes, never obeyed. PDFBox
 * draws in logical order without shaping, so Arabic would come out unjoined and backwards: the writers
 * print Arabic reports in English ({@link DossierPdfWriter#printedLocale}); Arabic that volunteers wrote
 * is still drawn that way (shaping is out of scope).
 *
 * <p>The document is built in memory: PDFBox's scratch files would put plaintext testimony on disk.
 */
final class PdfLayout implements Closeable {

    static final float MARGIN = 56;
    /** Space kept at the bottom of each page for the footer. */
    private static final float BOTTOM = 64;
    private static final float FOOTER_Y = 32;
    private static final float BODY = 10;
    private static final float LABEL_COLUMN = 150;
    /** At most this many references are laid out on a cover. */
    private static final int COVER_REFERENCES = 300;

    private final PDDocument doc = new PDDocument();
    final PDFont regular;
    final PDFont bold;
    private final String runningHead;
    /** The case reference of each page, for its footer. */
    private final List<String> references = new ArrayList<>();
    /** Per font, whether it has a glyph for a code point (asked once each). */
    private final Map<PDFont, Map<Integer, Boolean>> drawable = new HashMap<>();
    private String reference = "";
    private PDPageContentStream content;
    private float y;

    /** @param runningHead a line printed at the top of every page, or "" for none */
    PdfLayout(String runningHead) throws IOException {
        this.regular = PdfFonts.SANS.load(doc);
        this.bold = PdfFonts.SANS_BOLD.load(doc);
        this.runningHead = runningHead;
    }

    static float pageWidth() {
        return PDRectangle.A4.getWidth();
    }

    /** The width between the margins. */
    static float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    /** Starts a new page whose footer names {@code caseReference}. */
    void newPage(String caseReference) throws IOException {
        this.reference = caseReference;
        newPage();
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        references.add(reference);
        content = new PDPageContentStream(doc, page);
        y = page.getMediaBox().getHeight() - MARGIN;
        if (!runningHead.isEmpty()) {
            y -= 14; // the running head is drawn there when the document is finished
        }
    }

    /** Names another case reference in the footer of page {@code index} (0 is the first). */
    void reference(int index, String caseReference) {
        references.set(index, caseReference);
    }

    /** Moves to a new page unless {@code height} points still fit on this one. */
    void ensure(float height) throws IOException {
        if (content == null || y - height < BOTTOM) {
            newPage();
        }
    }

    /** Whether {@code height} points still fit on this page. */
    boolean fits(float height) {
        return content != null && y - height >= BOTTOM;
    }

    float y() {
        return y;
    }

    void down(float points) {
        y -= points;
    }

    PDPageContentStream content() {
        return content;
    }

    /** A title or heading in bold, kept with at least two lines of what follows. */
    void heading(String text, float size) throws IOException {
        ensure(size * 1.4f + 3 * BODY * 1.35f);
        down(size * 0.5f);
        paragraph(text, bold, size, MARGIN, width());
        down(size * 0.3f);
    }

    /** One line of someone's text, or of the file's own, wrapped and flowing across pages. */
    void paragraph(String text, PDFont font, float size, float x, float width) throws IOException {
        for (String line : wrap(oneLine(text, font), font, size, width)) {
            line(font, size, x, line);
        }
    }

    /** Text that may span lines (a narrative): its line breaks are kept, each line wrapped. */
    void text(String text) throws IOException {
        for (String para : lines(text)) {
            for (String line : wrap(drawable(para, regular), regular, BODY, width())) {
                line(regular, BODY, MARGIN, line);
            }
        }
    }

    /**
     * Someone's text that may span lines (a narrative, notes), made safe ({@link DisplayText}), as its
     * lines. A line break typed on Windows is a line break, not a control character to show.
     */
    private static String[] lines(String text) {
        return DisplayText.multiLine(text.replace("\r\n", "\n")).replace("\t", "    ").split("\n", -1);
    }

    /** A labelled value: the label in a column on the left, the value wrapped beside it. Empty values are left out. */
    void field(String label, String value) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        List<String> labels = wrap(oneLine(label, bold), bold, BODY - 1, LABEL_COLUMN - 8);
        List<String> values = new ArrayList<>();
        for (String para : lines(value)) {
            values.addAll(wrap(drawable(para, regular), regular, BODY, width() - LABEL_COLUMN));
        }
        float leading = BODY * 1.35f;
        for (int i = 0; i < Math.max(labels.size(), values.size()); i++) {
            ensure(leading);
            down(leading);
            if (i < labels.size()) {
                show(bold, BODY - 1, MARGIN, y, labels.get(i));
            }
            if (i < values.size()) {
                show(regular, BODY, MARGIN + LABEL_COLUMN, y, values.get(i));
            }
        }
    }

    private void line(PDFont font, float size, float x, String line) throws IOException {
        float leading = size * 1.35f;
        ensure(leading);
        down(leading);
        show(font, size, x, y, line);
    }

    /** Draws one line whose text is already safe and drawable, its baseline at {@code baseline}. */
    void show(PDFont font, float size, float x, float baseline, String safeLine) throws IOException {
        if (safeLine.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(safeLine);
        content.endText();
    }

    /** {@code text} made safe for one line and drawable in {@code font}. */
    String oneLine(String text, PDFont font) {
        return drawable(DisplayText.oneLine(text), font);
    }

    float widthOf(String safeText, PDFont font, float size) throws IOException {
        return font.getStringWidth(safeText) / 1000 * size;
    }

    /**
     * Composed letters (a Kurdish ê typed as e + combining circumflex becomes one glyph, as PDFBox
     * does not position combining marks), and any character the font lacks shown as a visible
     * escape rather than failing the whole export.
     */
    private String drawable(String text, PDFont font) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        nfc.codePoints().forEach(c -> {
            boolean ok = drawable.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(c, k -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            if (ok) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.toString();
    }

    /** Lines of at most {@code width} points; a word longer than a line is cut. */
    private List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String tried = line.isEmpty() ? word : line + " " + word;
            if (widthOf(tried, font, size) <= width) {
                line.setLength(0);
                line.append(tried);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (widthOf(word, font, size) <= width) {
                line.append(word);
                continue;
            }
            // A word wider than the line (a URL, a run without spaces): cut where it reaches the margin.
            int start = 0;
            while (start < word.length()) {
                int end = word.offsetByCodePoints(start, 1);
                while (end < word.length()) {
                    int next = word.offsetByCodePoints(end, 1);
                    if (widthOf(word.substring(start, next), font, size) > width) {
                        break;
                    }
                    end = next;
                }
                if (end == word.length()) {
                    line.append(word, start, end);
                } else {
                    lines.add(word.substring(start, end));
                }
                start = end;
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * Draws the running head and the footers, now that the page count is known, and sets the
     * document's metadata: a title (the case reference, never a name or any content), Tanik as
     * producer, the date and the language.
     */
    void finish(FooterText footer, String title, Instant producedAt, Locale locale) throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                float top = page.getMediaBox().getHeight() - MARGIN;
                if (!runningHead.isEmpty()) {
                    s.beginText();
                    s.setFont(bold, 9);
                    s.newLineAtOffset(MARGIN, top);
                    s.showText(oneLine(runningHead, bold));
                    s.endText();
                }
                s.setLineWidth(0.5f);
                s.moveTo(MARGIN, FOOTER_Y + 12);
                s.lineTo(pageWidth() - MARGIN, FOOTER_Y + 12);
                s.stroke();
                s.beginText();
                s.setFont(regular, 8);
                s.newLineAtOffset(MARGIN, FOOTER_Y);
                s.showText(oneLine(footer.of(references.get(i), i + 1, total), regular));
                s.endText();
            }
        }
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setProducer("Tanik");
        info.setCreator("Tanik");
        Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        when.setTimeInMillis(producedAt.toEpochMilli());
        info.setCreationDate(when);
        doc.getDocumentCatalog().setLanguage(locale.toLanguageTag());
    }

    /**
     * Lists {@code references} on the first page from {@code top} down, as many as fit above the
     * footer (each dossier's own first page and footer name it anyway); an ellipsis marks the rest.
     */
    void coverReferences(float top, String label, List<String> references) throws IOException {
        if (references.isEmpty()) {
            return;
        }
        float leading = BODY * 1.35f;
        // A page holds about a hundred references: wrapping the rest of a large selection is wasted work.
        int shown = Math.min(references.size(), COVER_REFERENCES);
        List<String> lines = wrap(oneLine(String.join(", ", references.subList(0, shown)), regular), regular, BODY,
                width() - LABEL_COLUMN);
        if (shown < references.size()) {
            lines.add("\u2026");
        }
        try (PDPageContentStream s = new PDPageContentStream(doc, doc.getPage(0), PDPageContentStream.AppendMode.APPEND,
                true, true)) {
            float at = top - leading;
            s.beginText();
            s.setFont(bold, BODY - 1);
            s.newLineAtOffset(MARGIN, at);
            s.showText(oneLine(label, bold));
            s.endText();
            for (int i = 0; i < lines.size() && at >= BOTTOM; i++, at -= leading) {
                boolean last = at - leading < BOTTOM && i < lines.size() - 1;
                s.beginText();
                s.setFont(regular, BODY);
                s.newLineAtOffset(MARGIN + LABEL_COLUMN, at);
                s.showText(last ? "\u2026" : lines.get(i));
                s.endText();
            }
        }
    }

    void save(OutputStream out) throws IOException {
        doc.save(out);
    }

    @Override
    public void close() throws IOException {
        try {
            if (content != null) {
                content.close();
            }
        } finally {
            doc.close();
        }
    }

    /** The footer of page {@code page} of {@code total}, for a page about {@code reference}. */
    interface FooterText {
        String of(String reference, int page, int total);
    }
}
