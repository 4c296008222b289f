package org.tanik.ui.coordinator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.work.Progress;

/**
 * Importing bundle files: one at a time in the background, each verdict shown as soon as it is
 * known, with a progress bar and Cancel (which stops between bundles, never inside one).
 */
public final class ImportController {

    private final CoordinatorContext ctx;
    private final TableView<ImportResult> results;
    private Runnable onImported = () -> { };
    private AtomicBoolean cancelled = new AtomicBoolean();
    private boolean running;

    @FXML private BorderPane importScreen;
    @FXML private Label status;
    @FXML private ProgressBar progress;
    @FXML private Button cancelButton;
    @FXML private Button importButton;

    public ImportController(CoordinatorContext ctx) {
        this.ctx = ctx;
        this.results = ResultsTable.create(ctx);
    }

    @FXML
    private void initialize() {
        importScreen.setCenter(results);
        progress.setVisible(false);
        cancelButton.setVisible(false);
        status.setText(ctx.text.get("import.hint"));
    }

    void setOnImported(Runnable listener) {
        this.onImported = listener;
    }

    boolean running() {
        return running;
    }

    void importFiles(List<Path> files) {
        if (running) {
            ctx.alerts.info(CoordinatorContext.window(importScreen), ctx.text.get("import.title"), null,
                    ctx.text.get("import.busy"));
            return;
        }
        running = true;
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        results.getItems().clear();
        progress.setProgress(0);
        progress.setVisible(true);
        cancelButton.setVisible(true);
        cancelButton.setDisable(false);
        importButton.setDisable(true);
        status.setText(ctx.text.format("import.progress", 0, files.size()));
        // Each verdict is reported once its bundle is committed: if a failure that is not a bundle's
        // (a full disk) stops the import, these are exactly the files that were stored. The executor
        // brings each report to the FX thread ahead of the outcome.
        List<ImportResult> committed = new ArrayList<>();
        Progress<ImportResult> shown = ctx.executor.onFxThread((done, n, r) -> {
            committed.add(r);
            if (ctx.active && cancelled == stop) {
                results.getItems().add(r);
                progress.setProgress(done / (double) n);
                status.setText(ctx.text.format("import.progress", done, n));
            }
        }, stop::get);
        ctx.executor.run(() -> ctx.desk.importFiles(files, shown), done -> finished(done, files.size(), stop, false),
                failure -> {
                    finished(List.copyOf(committed), files.size(), stop, true);
                    if (ctx.active) {
                        ctx.alerts.error(CoordinatorContext.window(importScreen), failure);
                    }
                });
    }

    /** {@code done}: the verdicts of every file stored or refused; when {@code failed}, of those before the failure. */
    private void finished(List<ImportResult> done, int total, AtomicBoolean stop, boolean failed) {
        running = false;
        if (!ctx.active) {
            return;
        }
        // The final list is authoritative.
        results.getItems().setAll(done);
        progress.setVisible(false);
        cancelButton.setVisible(false);
        importButton.setDisable(false);
        long imported = done.stream().filter(r -> r.verdict() == ImportResult.Verdict.IMPORTED).count();
        long held = done.stream().filter(r -> r.verdict() == ImportResult.Verdict.QUARANTINED).count();
        long rejected = done.stream().filter(r -> r.verdict() == ImportResult.Verdict.REJECTED).count();
        String summary = ctx.text.format("import.summary", imported, held, rejected);
        if (failed) {
            status.setText(ctx.text.format("import.failed", done.size(), total) + " " + summary);
        } else if (stop.get() && done.size() < total) {
            status.setText(ctx.text.format("import.cancelled", done.size(), total) + " " + summary);
        } else {
            status.setText(summary);
        }
        onImported.run();
    }

    /** Shows verdicts produced elsewhere (the held bundles an approval released). */
    void showResults(List<ImportResult> released) {
        if (!running) {
            results.getItems().setAll(released);
            status.setText(ctx.text.format("import.released", released.size()));
        }
    }

    @FXML
    private void cancel() {
        cancelled.set(true);
        cancelButton.setDisable(true);
        status.setText(ctx.text.get("import.cancelling"));
    }

    @FXML
    private void chooseFiles() {
        List<Path> files = ctx.files.openMany(CoordinatorContext.window(importScreen), ctx.text.get("import.chooseTitle"),
                ctx.text.get("import.fileType"), List.of("*.tanik"));
        if (!files.isEmpty()) {
            importFiles(files);
        }
    }

    /** Stops a running import after its current bundle (on lock). */
    void stop() {
        cancelled.set(true);
    }

    void clear() {
        results.getItems().clear();
    }
}
