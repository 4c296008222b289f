package org.tanik.ui.coordinator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.reports.ExportFormat;
import org.tanik.coordinator.reports.ExportRequest;
import org.tanik.coordinator.reports.ExportResult;
import org.tanik.coordinator.reports.RedactionLevel;
import org.tanik.coordinator.reports.StatisticsRequest;
import org.tanik.coordinator.reports.TableRows;
import org.tanik.coordinator.search.SearchQuery;
import org.tanik.work.Progress;

/**
 * What leaves the archive from the desktop: testimonies as case dossiers (PDF) or tables (CSV, JSON)
 * at a chosen redaction level, and the statistics report (PDF or CSV) of what the queue's filters
 * show. The choices come first, then the file; an export that keeps identities asks again and says
 * where the file goes. The writing runs off the FX thread, with progress and Cancel, in a dialog that
 * ends by saying where the file is, what it holds and its SHA-256 (which the audit log records too).
 */
final class ExportDialog {

    private final CoordinatorContext ctx;
    private final Window owner;

    ExportDialog(CoordinatorContext ctx, Window owner) {
        this.ctx = ctx;
        this.owner = owner;
    }

    /**
     * Exports the testimony shown ({@code selected}, may be null) or every testimony the queue's
     * filters let through ({@code filters}, {@code shown} of them).
     */
    void testimonies(SearchQuery filters, int shown, ArchiveItem selected) {
        ToggleGroup what = new ToggleGroup();
        RadioButton one = radio(what, selected == null ? ctx.text.get("archiveExport.what.noneSelected")
                : ctx.text.format("archiveExport.what.one", selected.title().isEmpty()
                        ? ctx.text.get("list.untitled") : selected.title()));
        RadioButton all = radio(what, ctx.text.format("archiveExport.what.all", shown));
        one.setDisable(selected == null);
        (selected == null ? all : one).setSelected(true);
        all.setDisable(shown == 0);

        ToggleGroup format = new ToggleGroup();
        RadioButton pdf = radio(format, ctx.text.get("archiveExport.format.pdf"));
        RadioButton csv = radio(format, ctx.text.get("archiveExport.format.csv"));
        RadioButton json = radio(format, ctx.text.get("archiveExport.format.json"));
        pdf.setUserData(ExportFormat.PDF);
        csv.setUserData(ExportFormat.CSV);
        json.setUserData(ExportFormat.JSON);
        pdf.setSelected(true);
        ComboBox<TableRows> rows = new ComboBox<>();
        rows.getItems().setAll(TableRows.ACTS, TableRows.TESTIMONIES);
        rows.setValue(TableRows.ACTS);
        rows.setConverter(converter(r -> ctx.text.get("archiveExport.rows." + r.code())));
        rows.disableProperty().bind(csv.selectedProperty().not());
        Label rowsLabel = label("archiveExport.rows", rows);
        rowsLabel.disableProperty().bind(rows.disableProperty());

        ToggleGroup level = new ToggleGroup();
        VBox levels = new VBox(6);
        for (RedactionLevel l : RedactionLevel.values()) {
            RadioButton b = radio(level, ctx.text.get("archiveExport.level." + l.code()));
            b.setUserData(l);
            b.setSelected(l == RedactionLevel.CONFIDENTIAL); // the safe default
            Label help = CoordinatorController.wrapped(ctx.text.get("archiveExport.level." + l.code() + ".help"));
            help.getStyleClass().add("text-muted");
            help.setPadding(new javafx.geometry.Insets(0, 0, 0, 26));
            levels.getChildren().addAll(b, help);
        }

        VBox form = new VBox(8,
                heading("archiveExport.what"), one, all,
                heading("archiveExport.format"), pdf, csv, new javafx.scene.layout.HBox(8, rowsLabel, rows), json,
                heading("archiveExport.level"), levels);
        form.getStyleClass().add("archive-export-form");
        ButtonType next = new ButtonType(ctx.text.get("archiveExport.next"), ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = dialog(ctx.text.get("archiveExport.title"), ctx.text.get("archiveExport.header"), form, next,
                new ButtonType(ctx.text.get("button.cancel"), ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().getStyleClass().add("archive-export-dialog");
        Platform.runLater(() -> ((one.isSelected() ? one : all)).requestFocus());
        if (dialog.showAndWait().filter(b -> b == next).isEmpty()) {
            return;
        }
        ExportFormat f = (ExportFormat) format.getSelectedToggle().getUserData();
        RedactionLevel l = (RedactionLevel) level.getSelectedToggle().getUserData();
        List<String> ids = one.isSelected() && selected != null ? List.of(selected.id()) : List.of();
        Optional<Path> target = ctx.files.save(owner, ctx.text.get("archiveExport.chooseTitle"),
                "tanik-" + (f == ExportFormat.PDF ? "dossier" : "export") + "-" + l.code() + "-"
                        + LocalDate.now(ctx.clock) + "." + f.code());
        if (target.isEmpty() || !confirmed(l, target.get())) {
            return;
        }
        // The testimony shown is exported by its id alone: the queue's filters may have changed since.
        // The file window asked before replacing a file, so the export may replace it.
        ExportRequest request = new ExportRequest(f, l, ids.isEmpty() ? filters : SearchQuery.all(), ids,
                rows.getValue(), target.get(), ctx.text.locale(), true);
        run(ctx.text.get("archiveExport.title"), progress -> ctx.desk.reports().export(request, progress));
    }

    /** Saves the statistics report of what the filters let through: PDF with charts, or CSV. */
    void statistics(SearchQuery filters) {
        ToggleGroup format = new ToggleGroup();
        RadioButton pdf = radio(format, ctx.text.get("statisticsReport.format.pdf"));
        RadioButton csv = radio(format, ctx.text.get("statisticsReport.format.csv"));
        pdf.setSelected(true);
        Label caveat = CoordinatorController.wrapped(ctx.text.get("statisticsReport.note"));
        caveat.getStyleClass().add("text-muted");
        ButtonType next = new ButtonType(ctx.text.get("archiveExport.next"), ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = dialog(ctx.text.get("statisticsReport.title"), ctx.text.get("statisticsReport.header"),
                new VBox(8, heading("archiveExport.format"), pdf, csv, caveat), next,
                new ButtonType(ctx.text.get("button.cancel"), ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().getStyleClass().add("statistics-report-dialog");
        Platform.runLater(pdf::requestFocus);
        if (dialog.showAndWait().filter(b -> b == next).isEmpty()) {
            return;
        }
        String extension = pdf.isSelected() ? "pdf" : "csv";
        Optional<Path> target = ctx.files.save(owner, ctx.text.get("statisticsReport.chooseTitle"),
                "tanik-statistics-" + LocalDate.now(ctx.clock) + "." + extension);
        if (target.isEmpty()) {
            return;
        }
        // The file chooser may have dropped the extension the format is read from: put it back.
        Path out = target.get().getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith("." + extension)
                ? target.get() : target.get().resolveSibling(target.get().getFileName() + "." + extension);
        // Replacing is allowed only for the very file the file window asked about.
        StatisticsRequest request = new StatisticsRequest(filters, filters.from(), filters.to(), out,
                ctx.text.locale(), out.equals(target.get()));
        run(ctx.text.get("statisticsReport.title"), progress -> ctx.desk.reports().statistics(request, progress));
    }

    /** Below "confidential removed" the file holds identities: say so, and where it goes, before writing. */
    private boolean confirmed(RedactionLevel level, Path target) {
        if (!level.keepsIdentities()) {
            return true;
        }
        return ctx.alerts.confirm(owner, ctx.text.get("archiveExport.full.title"),
                ctx.text.format("archiveExport.full.message", ctx.desk.reports().targetDescription(target)), ctx.text.get("archiveExport.full.confirm"));
    }

    /** Runs the export with a progress bar and Cancel, then says what was written (or that nothing was). */
    private void run(String title, Function<Progress<String>, ExportResult> export) {
        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setAccessibleText(ctx.text.get("archiveExport.progressAccessible"));
        Label status = CoordinatorController.wrapped(ctx.text.get("archiveExport.starting"));
        TextField sha = new TextField();
        sha.setEditable(false);
        sha.getStyleClass().add("monospace");
        sha.setVisible(false);
        sha.managedProperty().bind(sha.visibleProperty());
        ButtonType cancel = new ButtonType(ctx.text.get("button.cancel"), ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> running = dialog(title, ctx.text.get("archiveExport.runningHeader"), new VBox(10, bar, status, sha),
                cancel);
        running.getDialogPane().getStyleClass().add("archive-export-running");
        Button cancelButton = (Button) running.getDialogPane().lookupButton(cancel);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean over = new AtomicBoolean();
        // Cancel stops the writing (nothing is left behind); once it is over, the same button closes.
        cancelButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (!over.get()) {
                e.consume();
                stop.set(true);
                cancelButton.setDisable(true);
                status.setText(ctx.text.get("archiveExport.cancelling"));
            }
        });
        // Escape or the window's close button while it runs: the same as Cancel, and said the same way.
        running.setOnCloseRequest(e -> {
            if (!over.get()) {
                e.consume();
                if (!stop.get()) {
                    cancelButton.fire();
                }
            }
        });
        running.show();
        Progress<String> shown = ctx.executor.onFxThread((done, total, step) -> {
            if (!over.get() && !stop.get()) {
                bar.setProgress(total == 0 ? ProgressBar.INDETERMINATE_PROGRESS : done / (double) total);
                status.setText(ctx.text.format("archiveExport.progress", done, total));
            }
        }, () -> stop.get() || !ctx.active);
        ctx.executor.run(() -> export.apply(shown), result -> {
            over.set(true);
            cancelButton.setText(ctx.text.get("button.close"));
            cancelButton.setDisable(false);
            cancelButton.requestFocus();
            if (result.cancelled()) {
                running.setHeaderText(ctx.text.get("archiveExport.cancelledHeader"));
                bar.setProgress(0);
                status.setText(ctx.text.get("archiveExport.cancelled"));
                return;
            }
            running.setHeaderText(ctx.text.get("archiveExport.doneHeader"));
            bar.setProgress(1);
            String left = result.leftOutByConsent().isEmpty() ? ""
                    : "\n" + ctx.text.format("archiveExport.leftOut", result.leftOutByConsent().size());
            status.setText(ctx.text.format("archiveExport.done", result.file().toString(), result.testimonies(),
                    result.acts()) + left);
            sha.setText("SHA-256 " + result.sha256());
            sha.setVisible(true);
        }, failure -> {
            over.set(true);
            running.close();
            if (ctx.active) {
                ctx.alerts.error(owner, failure);
            }
        });
    }

    private Dialog<ButtonType> dialog(String title, String header, Node content, ButtonType... buttons) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(buttons);
        dialog.getDialogPane().setPrefWidth(600);
        dialog.setResizable(true);
        ctx.dialogs.track(dialog);
        return dialog;
    }

    private RadioButton radio(ToggleGroup group, String text) {
        RadioButton b = new RadioButton(text);
        b.setToggleGroup(group);
        b.setWrapText(true);
        b.setMnemonicParsing(true);
        return b;
    }

    private Label heading(String key) {
        Label l = new Label(ctx.text.get(key));
        l.getStyleClass().add("subsection-title");
        return l;
    }

    private Label label(String key, javafx.scene.control.Control target) {
        Label l = new Label(ctx.text.get(key));
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        l.setPadding(new javafx.geometry.Insets(4, 0, 0, 26));
        return l;
    }

    private static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : show.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
