package org.tanik.ui.volunteer;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.FileChoices;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.Shown;
import org.tanik.ui.common.UiText;
import org.tanik.volunteer.Outbox;

/**
 * Exporting a bundle file for a USB stick or a messenger: how many sealed versions wait, a save
 * chooser with a dated default name, the export in the background, then the bundle's number,
 * record count, file and SHA-256 (which the coordinator can compare).
 */
public final class ExportController {

    private final Outbox outbox;
    private final java.time.Clock clock;
    private final BackgroundExecutor executor;
    private final UiText text;
    private final OpenDialogs dialogs;
    private final FileChoices files;
    private Runnable onExported = () -> { };

    @FXML private DialogPane pane;
    @FXML private Label summary;
    @FXML private Label problem;
    @FXML private ProgressBar progress;
    @FXML private GridPane result;
    @FXML private Label resultHeader;
    @FXML private TextField bundleNumber;
    @FXML private TextField records;
    @FXML private TextField file;
    @FXML private TextField sha256;

    public ExportController(Outbox outbox, java.time.Clock clock, BackgroundExecutor executor, UiText text,
                            OpenDialogs dialogs, FileChoices files) {
        this.outbox = outbox;
        this.clock = clock;
        this.executor = executor;
        this.text = text;
        this.dialogs = dialogs;
        this.files = files;
    }

    @FXML
    private void initialize() {
        Shown.set(progress, false);
        Shown.set(result, false);
        Shown.set(problem, false);
    }

    /** Runs after a bundle was written and its versions marked sent (the list shows them so). */
    public void setOnExported(Runnable listener) {
        this.onExported = listener;
    }

    /** Shows the dialog; it reads what waits in the background and fills itself in. */
    public void start(Window owner) {
        ButtonType export = new ButtonType(text.get("export.button"), ButtonData.OK_DONE);
        ButtonType close = new ButtonType(text.get("button.close"), ButtonData.CANCEL_CLOSE);
        pane.getButtonTypes().setAll(export, close);
        Node exportButton = pane.lookupButton(export);
        exportButton.setDisable(true);
        // Export does not close the dialog: the result is shown in it.
        exportButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            chooseAndExport(owner, exportButton);
        });
        summary.setText(text.get("export.counting"));
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("export.title"));
        dialog.setDialogPane(pane);
        dialogs.track(dialog);
        executor.run(outbox::waiting, w -> {
            if (w.to().isEmpty()) {
                summary.setText(text.error(new TanikException(Problem.NOT_ENROLLED)));
            } else if (w.pending() == 0) {
                // Worded like the list: what is in a bundle shows there as sent.
                summary.setText(text.format("export.to", w.to().get().name()) + " " + text.get("sent.nothingNew"));
            } else {
                summary.setText(text.format("export.to", w.to().get().name()) + " "
                        + text.format("sent.willInclude", w.pending()));
                exportButton.setDisable(false);
                exportButton.requestFocus();
            }
        }, this::failed);
        dialog.show();
    }

    private void chooseAndExport(Window owner, Node exportButton) {
        // Only the day: the name stays on the stick and in messengers, and must not tell what it is
        // (no "bundle", no sequence number). The .tanik ending is what the coordinator's import looks for.
        String name = LocalDate.now(clock.withZone(ZoneId.systemDefault())) + ".tanik";
        Optional<Path> target = files.save(pane.getScene().getWindow(), text.get("export.chooseTitle"), name);
        if (target.isEmpty()) {
            return;
        }
        exportButton.setDisable(true);
        Shown.set(problem, false);
        Shown.set(progress, true);
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        executor.run(() -> outbox.export(target.get()), exported -> {
            Shown.set(progress, false);
            Shown.set(result, true);
            Shown.set(exportButton, false);
            summary.setText(text.get("export.done"));
            resultHeader.setText(text.format("export.doneHeader", exported.records()));
            bundleNumber.setText(Long.toString(exported.sequence()));
            records.setText(Integer.toString(exported.records()));
            file.setText(exported.file().toAbsolutePath().toString());
            sha256.setText(exported.fileSha256());
            pane.getScene().getWindow().sizeToScene();
            onExported.run();
        }, failure -> {
            Shown.set(progress, false);
            exportButton.setDisable(false);
            failed(failure);
        });
    }

    private void failed(Throwable failure) {
        problem.setText(text.error(failure));
        Shown.set(problem, true);
    }
}
