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
import org.tanik.coordinator.imports.QuarantineLimits;
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
    @FXML private Button fetchButton;
    @FXML private Button intakeButton;

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
        start(ctx.text.format("import.progress", 0, files.size()), "import.progress",
                shown -> ctx.desk.importFiles(files, shown), (done, stop, failed) -> {
                    if (failed) {
                        return ctx.text.format("import.failed", done.size(), files.size());
                    }
                    return stop && done.size() < files.size() ? ctx.text.format("import.cancelled", done.size(), files.size())
                            : "";
                });
    }

    /**
     * Fetches from the organisation's intake: first the route it will take (worked out in the
     * background, since it reads the vault), shown for the coordinator to confirm; then the fetch,
     * with the same progress bar, Cancel and verdicts as an import of files.
     */
    @FXML
    private void fetchFromIntake() {
        if (running) {
            ctx.alerts.info(CoordinatorContext.window(importScreen), ctx.text.get("fetch.title"), null,
                    ctx.text.get("import.busy"));
            return;
        }
        String proxy = ctx.proxy.get();
        boolean proxyOnly = ctx.proxyOnly.getAsBoolean();
        ctx.executor.run(() -> ctx.desk.intakeFetch().plan(proxy, proxyOnly), plan -> {
            if (!ctx.active || running) {
                return;
            }
            String route = plan.direct() ? ctx.text.format("fetch.routeDirect", plan.url())
                    : ctx.text.format("fetch.routeProxy", plan.proxy());
            if (ctx.alerts.confirm(CoordinatorContext.window(importScreen), ctx.text.get("fetch.title"),
                    ctx.text.format("fetch.confirm", route), ctx.text.get("fetch.confirmButton"))) {
                fetch(proxy, proxyOnly);
            }
        }, this::failed);
    }

    private void fetch(String proxy, boolean proxyOnly) {
        start(ctx.text.get("fetch.starting"), "fetch.progress",
                shown -> ctx.desk.intakeFetch().fetch(proxy, proxyOnly, QuarantineLimits.DEFAULT, shown).verdicts(),
                (done, stop, failed) -> failed ? ctx.text.format("fetch.failed", done.size())
                        : stop ? ctx.text.format("fetch.cancelled", done.size()) : ctx.text.format("fetch.done", done.size()));
    }

    /** How a run ends, said before the verdicts' summary. */
    private interface Ending {
        String say(List<ImportResult> done, boolean stopped, boolean failed);
    }

    /**
     * Runs an import in the background: each verdict is shown once its bundle is committed. If a
     * failure that is not a bundle's (a full disk, a lost connection) stops it, these are exactly the
     * bundles that were stored. The executor brings each report to the FX thread ahead of the outcome.
     */
    private void start(String firstStatus, String progressKey,
                       java.util.function.Function<Progress<ImportResult>, List<ImportResult>> work, Ending ending) {
        running = true;
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        results.getItems().clear();
        progress.setProgress(0);
        progress.setVisible(true);
        cancelButton.setVisible(true);
        cancelButton.setDisable(false);
        importButton.setDisable(true);
        fetchButton.setDisable(true);
        status.setText(firstStatus);
        List<ImportResult> committed = new ArrayList<>();
        Progress<ImportResult> shown = ctx.executor.onFxThread((done, n, r) -> {
            committed.add(r);
            if (ctx.active && cancelled == stop) {
                results.getItems().add(r);
                progress.setProgress(done / (double) n);
                status.setText(ctx.text.format(progressKey, done, n));
            }
        }, stop::get);
        ctx.executor.run(() -> work.apply(shown), done -> finished(done, ending.say(done, stop.get(), false)),
                failure -> {
                    finished(List.copyOf(committed), ending.say(committed, stop.get(), true));
                    failed(failure);
                });
    }

    /** {@code done}: the verdicts of every bundle stored or refused; {@code ending}: how the run ended, if worth saying. */
    private void finished(List<ImportResult> done, String ending) {
        running = false;
        if (!ctx.active) {
            return;
        }
        // The final list is authoritative.
        results.getItems().setAll(done);
        progress.setVisible(false);
        cancelButton.setVisible(false);
        importButton.setDisable(false);
        fetchButton.setDisable(false);
        long imported = done.stream().filter(r -> r.verdict() == ImportResult.Verdict.IMPORTED).count();
        long held = done.stream().filter(r -> r.verdict() == ImportResult.Verdict.QUARANTINED).count();
        long rejected = done.stream().filter(r -> r.verdict() == ImportResult.Verdict.REJECTED).count();
        long already = done.stream().filter(r -> r.verdict() == ImportResult.Verdict.ALREADY_IMPORTED).count();
        String summary = ctx.text.format("import.summary", imported, held, rejected);
        if (already > 0) {
            // Counted as what it is: a bundle imported before is not "nothing" (it read "Imported: 0").
            summary += " " + ctx.text.format("import.alreadyImported", already);
        }
        status.setText(ending.isEmpty() ? summary : ending + " " + summary);
        onImported.run();
    }

    /**
     * The organisation's intake: its address, TLS pin, receipt key and route, as the intake's
     * operator printed them; saved through the same use case as {@code org add-intake}.
     */
    @FXML
    private void editIntake() {
        ctx.executor.run(() -> ctx.desk.organisation().intake(), current -> {
            if (ctx.active) {
                new IntakeDialog(ctx, CoordinatorContext.window(importScreen)).show(current.orElse(null));
            }
        }, this::failed);
    }

    private void failed(Throwable failure) {
        if (ctx.active) {
            ctx.alerts.error(CoordinatorContext.window(importScreen), failure);
        }
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
