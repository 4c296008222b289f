package org.tanik.ui.coordinator;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import org.tanik.coordinator.ArchiveCheck;
import org.tanik.coordinator.AuditText;
import org.tanik.work.Progress;

/**
 * "Check archive" on the audit tab: the same check as {@code tanik audit archive}, in the background,
 * with progress and Cancel (which stops between bundles), then "intact" or the bundles that failed and
 * why. Like "Verify chain" and the command, it only reads: nothing is written to the audit log.
 */
public final class ArchiveCheckController {

    private final CoordinatorContext ctx;
    private final AuditText auditText;
    private AtomicBoolean cancelled = new AtomicBoolean();
    private boolean running;

    @FXML private VBox archiveCheck;
    @FXML private Button checkArchiveButton;
    @FXML private ProgressBar archiveProgress;
    @FXML private Button cancelCheckButton;
    @FXML private Label archiveStatus;
    @FXML private ListView<String> archiveFailures;

    public ArchiveCheckController(CoordinatorContext ctx) {
        this.ctx = ctx;
        this.auditText = new AuditText(ctx.text.locale());
    }

    @FXML
    private void initialize() {
        // Findings are long sentences: each wraps within the list instead of scrolling sideways.
        archiveFailures.setCellFactory(list -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
                setMaxWidth(Control.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        clear();
    }

    @FXML
    private void check() {
        if (running) {
            return;
        }
        running = true;
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        archiveFailures.getItems().clear();
        archiveFailures.setVisible(false);
        archiveProgress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        archiveProgress.setVisible(true);
        cancelCheckButton.setVisible(true);
        cancelCheckButton.setDisable(false);
        checkArchiveButton.setDisable(true);
        show(ctx.text.get("audit.archive.running"), "text-muted");
        Progress<String> shown = ctx.executor.onFxThread((done, total, bundle) -> {
            if (ctx.active && cancelled == stop && running && !stop.get()) {
                archiveProgress.setProgress(done / (double) total);
                show(ctx.text.format("audit.archive.progress", done, total), "text-muted");
            }
        }, stop::get);
        ctx.executor.run(() -> ctx.desk.checkArchive(shown), this::finished, failure -> {
            finished(null);
            if (ctx.active) {
                ctx.alerts.error(CoordinatorContext.window(archiveCheck), failure);
            }
        });
    }

    /** Shows the outcome; null after a failure (the alert says why). */
    private void finished(ArchiveCheck.Result result) {
        running = false;
        if (!ctx.active) {
            return;
        }
        archiveProgress.setVisible(false);
        cancelCheckButton.setVisible(false);
        checkArchiveButton.setDisable(false);
        if (result == null) {
            show(ctx.text.get("audit.archive.hint"), "text-muted");
            return;
        }
        show(result.summary(auditText), result.intact() ? "audit-intact"
                : result.failures().isEmpty() ? "text-muted" : "audit-broken");
        // The device by the coordinator's label where it has one: that is how they know their volunteers.
        archiveFailures.getItems().setAll(result.failures().stream()
                .map(f -> auditText.failure(f, ctx.deviceName(f.device()))).toList());
        archiveFailures.setVisible(!archiveFailures.getItems().isEmpty());
    }

    private void show(String text, String style) {
        archiveStatus.setText(text);
        archiveStatus.getStyleClass().removeAll("audit-intact", "audit-broken", "text-muted");
        archiveStatus.getStyleClass().add(style);
    }

    @FXML
    private void cancel() {
        cancelled.set(true);
        cancelCheckButton.setDisable(true);
        show(ctx.text.get("audit.archive.cancelling"), "text-muted");
    }

    /** Stops a running check after its current bundle (on lock). */
    void stop() {
        cancelled.set(true);
    }

    void clear() {
        archiveProgress.setVisible(false);
        cancelCheckButton.setVisible(false);
        checkArchiveButton.setDisable(running);
        archiveFailures.getItems().clear();
        archiveFailures.setVisible(false);
        show(ctx.text.get("audit.archive.hint"), "text-muted");
    }
}
