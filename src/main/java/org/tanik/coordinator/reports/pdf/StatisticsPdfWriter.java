package org.tanik.coordinator.reports.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.tanik.coordinator.reports.ReportContext;
import org.tanik.coordinator.reports.StatisticsWriter;
import org.tanik.coordinator.search.Statistics;
import org.tanik.i18n.Texts;
import org.tanik.model.Vocabulary;

/**
 * The statistics report as PDF: for each dimension (type of violation, province, month, alleged
 * perpetrator institution) a table whose
 * rows carry a bar drawn to scale in vector graphics, from the same {@link Statistics} the desktop
 * charts. Every page says that these are counts of documented acts, not of violations.
 */
public final class StatisticsPdfWriter implements StatisticsWriter {

    private static final float ROW = 14;
    private static final float LABEL_WIDTH = 190;
    private static final float COUNT_WIDTH = 60;
    private static final Color BAR = new Color(0x4a, 0x6f, 0x8f);
    private static final Color RULE = new Color(0xcc, 0xcc, 0xcc);

    private final Vocabulary vocabulary;

    public StatisticsPdfWriter(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public StatisticsPdfWriter() {
        this(Vocabulary.load());
    }

    @Override
    public void write(ReportContext ctx, Statistics stats, OutputStream out) throws IOException {
        Locale locale = DossierPdfWriter.printedLocale(ctx.locale());
        Texts t = DossierPdfWriter.texts(locale);
        String reference = t.get("stats.reference");
        try (PdfLayout page = new PdfLayout(t.get("stats.label"))) {
            page.newPage(reference);
            page.heading(t.get("cover.statistics"), 20);
            page.field(t.get("cover.organisation"), ctx.organisation());
            page.field(t.get("cover.produced"), DossierPdfWriter.time(ctx.producedAt()));
            page.field(t.get("cover.selection"), ctx.filters().isEmpty() ? t.get("cover.selection.all") : ctx.filters());
            if (stats.from() != null || stats.to() != null) {
                page.field(t.get("stats.period"), t.format("period", stats.from() == null ? "" : stats.from().toString(),
                        stats.to() == null ? "" : stats.to().toString()));
            }
            page.field(t.get("cover.count"), number(locale, stats.testimonies()));
            page.field(t.get("cover.acts"), number(locale, stats.acts()));
            if (stats.from() != null || stats.to() != null) {
                page.field(t.get("stats.undated"), number(locale, stats.undated()));
            }
            page.down(6);
            page.paragraph(t.get("stats.explain"), page.regular, 9, PdfLayout.MARGIN, PdfLayout.width());

            chart(page, t, t.get("stats.byType"), byCount(stats.byType()),
                    code -> vocabulary.violationType(code).map(term -> term.label(locale)).orElse(code));
            chart(page, t, t.get("stats.byProvince"), byCount(stats.byProvince()),
                    code -> vocabulary.province(code).map(term -> term.label(locale)).orElse(code));
            chart(page, t, t.get("stats.byMonth"), new ArrayList<>(stats.byMonth().entrySet()), Object::toString);
            chart(page, t, t.get("stats.byInstitution"), byCount(stats.byInstitution()),
                    code -> vocabulary.institution(code).map(term -> term.label(locale)).orElse(code));
            page.down(6);
            page.paragraph(t.get("stats.institutions"), page.regular, 8.5f, PdfLayout.MARGIN, PdfLayout.width());

            page.finish((ref, n, total) -> t.format("footer", ref, n, total, DossierPdfWriter.level(t, ctx.level())),
                    reference, ctx.producedAt(), locale);
            page.save(out);
        }
    }

    /** Largest first; equal counts in the order of their keys. */
    private static <K> List<Map.Entry<K, Integer>> byCount(Map<K, Integer> counts) {
        List<Map.Entry<K, Integer>> rows = new ArrayList<>(counts.entrySet());
        rows.sort(Comparator.comparing((Map.Entry<K, Integer> e) -> e.getValue()).reversed());
        return rows;
    }

    /**
     * One dimension: its heading, a header row, then a row a key: its label, a bar whose length is
     * its count against the largest, and the count. Rows flow onto the next page like text.
     */
    private <K> void chart(PdfLayout page, Texts t, String title, List<Map.Entry<K, Integer>> rows,
                           Function<K, String> label) throws IOException {
        page.heading(title, 12);
        if (rows.isEmpty()) {
            page.paragraph(t.get("stats.empty"), page.regular, 10, PdfLayout.MARGIN, PdfLayout.width());
            return;
        }
        int max = rows.stream().mapToInt(Map.Entry::getValue).max().orElse(1);
        float left = PdfLayout.MARGIN;
        float barLeft = left + LABEL_WIDTH;
        float countRight = left + PdfLayout.width();
        float barMax = PdfLayout.width() - LABEL_WIDTH - COUNT_WIDTH - 8;
        header(page, t, left, countRight);
        for (Map.Entry<K, Integer> row : rows) {
            if (!page.fits(ROW)) { // the table goes on over the page, with its header again
                header(page, t, left, countRight);
            }
            page.down(ROW);
            float base = page.y() + 3.5f;
            String key = row.getKey().toString().isEmpty() ? t.get("stats.unspecified") : label.apply(row.getKey());
            page.show(page.regular, 9, left, base, fit(page, page.oneLine(key, page.regular), LABEL_WIDTH - 6));
            PDPageContentStream s = page.content();
            s.setNonStrokingColor(BAR);
            s.addRect(barLeft, page.y() + 2, Math.max(0.5f, barMax * row.getValue() / max), ROW - 4);
            s.fill();
            s.setNonStrokingColor(Color.BLACK);
            String count = number(t.locale(), row.getValue());
            page.show(page.regular, 9, countRight - page.widthOf(count, page.regular, 9), base, count);
            s.setStrokingColor(RULE);
            s.setLineWidth(0.3f);
            s.moveTo(left, page.y());
            s.lineTo(countRight, page.y());
            s.stroke();
            s.setStrokingColor(Color.BLACK);
        }
        page.down(6);
    }

    private static void header(PdfLayout page, Texts t, float left, float right) throws IOException {
        page.ensure(ROW * 2);
        page.down(ROW);
        float base = page.y() + 3.5f;
        page.show(page.bold, 8.5f, left, base, page.oneLine(t.get("stats.key"), page.bold));
        String count = page.oneLine(t.get("stats.count"), page.bold);
        page.show(page.bold, 8.5f, right - page.widthOf(count, page.bold, 8.5f), base, count);
    }

    /** A label cut with an ellipsis where it would run into the bar. */
    private static String fit(PdfLayout page, String label, float width) throws IOException {
        if (page.widthOf(label, page.regular, 9) <= width) {
            return label;
        }
        String cut = label;
        while (!cut.isEmpty() && page.widthOf(cut + "\u2026", page.regular, 9) > width) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut + "\u2026";
    }

    private static String number(Locale locale, int n) {
        return Texts.format("{0,number,integer}", locale, n);
    }
}
