package org.tanik.ui.coordinator;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.search.Statistics;
import org.tanik.model.PartialDate;

/**
 * Counts of documented acts for the testimonies the queue's filters let through: by type of
 * violation, by province and by month. Labelled plainly as counts of documented acts, not of
 * violations (several people may report one act, and most acts are never reported).
 */
public final class StatisticsController {

    private static final int TOP_PROVINCES = 15;

    private final CoordinatorContext ctx;

    /** Saves the report of what the charts show (the coordinator's window opens the dialog). */
    private Runnable onSaveReport = () -> { };

    @FXML private Label totals;
    @FXML private BarChart<Number, String> byType;
    @FXML private BarChart<Number, String> byProvince;
    @FXML private BarChart<String, Number> byMonth;

    public StatisticsController(CoordinatorContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        for (BarChart<?, ?> chart : List.of(byType, byProvince, byMonth)) {
            chart.setAnimated(false);
            chart.setLegendVisible(false);
        }
        byType.setTitle(ctx.text.get("statistics.byType"));
        byProvince.setTitle(ctx.text.format("statistics.byProvince", TOP_PROVINCES));
        byMonth.setTitle(ctx.text.get("statistics.byMonth"));
    }

    void setOnSaveReport(Runnable action) {
        this.onSaveReport = action;
    }

    @FXML
    private void saveReport() {
        onSaveReport.run();
    }

    void show(List<ArchiveItem> items) {
        Statistics s = Statistics.of(items);
        totals.setText(ctx.text.format("statistics.totals", s.acts(), s.testimonies()));
        XYChart.Series<Number, String> types = new XYChart.Series<>();
        s.byType().entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> types.getData().add(new XYChart.Data<>(e.getValue(), e.getKey().isEmpty()
                        ? ctx.text.get("statistics.unspecified") : ctx.vocabulary.violationLabel(e.getKey(), ctx.text.locale()))));
        byType.getData().setAll(List.of(types));
        XYChart.Series<Number, String> provinces = new XYChart.Series<>();
        List<Map.Entry<String, Integer>> top = s.byProvince().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP_PROVINCES).toList();
        for (int i = top.size() - 1; i >= 0; i--) {
            Map.Entry<String, Integer> e = top.get(i);
            provinces.getData().add(new XYChart.Data<>(e.getValue(), e.getKey().isEmpty()
                    ? ctx.text.get("statistics.unspecified") : ctx.provinceLabel(e.getKey())));
        }
        byProvince.getData().setAll(List.of(provinces));
        XYChart.Series<String, Number> months = new XYChart.Series<>();
        s.byMonth().entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.<YearMonth>naturalOrder()))
                .forEach(e -> months.getData().add(new XYChart.Data<>(
                        ctx.dates.partial(PartialDate.month(e.getKey().getYear(), e.getKey().getMonthValue()), ""),
                        e.getValue())));
        byMonth.getData().setAll(List.of(months));
        int rows = Math.max(types.getData().size(), provinces.getData().size());
        fitHeight(byType, rows);
        fitHeight(byProvince, rows);
        wholeNumbers((NumberAxis) byType.getXAxis(), s.byType().values());
        wholeNumbers((NumberAxis) byProvince.getXAxis(), top.stream().map(Map.Entry::getValue).toList());
        wholeNumbers((NumberAxis) byMonth.getYAxis(), s.byMonth().values());
    }

    /** Counts are whole numbers: no "0.5 acts" ticks. */
    private static void wholeNumbers(NumberAxis axis, java.util.Collection<Integer> counts) {
        int max = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
        int unit = Math.max(1, (int) Math.ceil(max / 8.0));
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setTickUnit(unit);
        axis.setUpperBound(Math.max(unit, ((max + unit - 1) / unit) * unit + (max % unit == 0 ? unit : 0)));
        axis.setMinorTickVisible(false);
    }

    private static void fitHeight(BarChart<Number, String> chart, int bars) {
        double h = Math.max(180, 90 + bars * 34);
        chart.setMinHeight(h);
        chart.setPrefHeight(h);
        chart.setMaxHeight(h);
    }

    void clear() {
        byType.getData().clear();
        byProvince.getData().clear();
        byMonth.getData().clear();
        totals.setText("");
    }
}
