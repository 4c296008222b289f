package org.tanik.ui.unlock;

import java.nio.file.Path;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.stage.Window;
import org.tanik.session.VaultAccess;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.Focus;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.Passphrases;
import org.tanik.ui.common.UiText;

/**
 * Changes the vault passphrase (only the key file is rewritten); the open session is unaffected.
 * The dialog stays open while the key is re-wrapped and closes only on success.
 */
public final class ChangePassphraseController {

    private final VaultAccess vaults;
    private final Path directory;
    private final UiText text;
    private final OpenDialogs dialogs;
    private final PassphraseTask task;

    @FXML private DialogPane pane;
    @FXML private Label currentLabel;
    @FXML private PasswordField current;
    @FXML private Label passphraseLabel;
    @FXML private PasswordField passphrase;
    @FXML private Label repeatLabel;
    @FXML private PasswordField repeat;
    @FXML private ProgressBar strengthBar;
    @FXML private Label strengthLabel;
    @FXML private Label reason;
    @FXML private Label error;
    @FXML private ProgressIndicator progress;

    private NewPassphraseForm form;
    private Dialog<ButtonType> dialog;
    private ButtonType change;

    public ChangePassphraseController(VaultAccess vaults, Path directory, BackgroundExecutor executor, UiText text,
                                      OpenDialogs dialogs) {
        this.vaults = vaults;
        this.directory = directory;
        this.text = text;
        this.dialogs = dialogs;
        this.task = new PassphraseTask(executor, text);
    }

    @FXML
    private void initialize() {
        currentLabel.setLabelFor(current);
        form = new NewPassphraseForm(text, passphraseLabel, passphrase, repeatLabel, repeat, strengthBar, strengthLabel,
                reason, task.busy());
        change = new ButtonType(text.get("changePassphrase.button"), ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(text.get("button.cancel"), ButtonData.CANCEL_CLOSE);
        pane.getButtonTypes().setAll(change, cancel);
        Node changeButton = pane.lookupButton(change);
        changeButton.disableProperty().bind(form.notReady().or(current.textProperty().isEmpty()).or(task.busy()));
        changeButton.addEventFilter(ActionEvent.ACTION, e -> {
            // The dialog must stay open until the key file is rewritten.
            e.consume();
            submit();
        });
        current.disableProperty().bind(task.busy());
        progress.visibleProperty().bind(task.busy());
        Focus.whenShown(current);
    }

    /** Shows the dialog and waits; returns true when the passphrase was changed. */
    public boolean showAndWait(Window owner) {
        dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("changePassphrase.title"));
        dialog.setDialogPane(pane);
        dialogs.track(dialog);
        boolean changed = dialog.showAndWait().filter(b -> b == change).isPresent();
        current.clear();
        form.clear();
        return changed;
    }

    private void submit() {
        char[] old = Passphrases.take(current);
        char[] chosen = form.take();
        task.run(() -> {
            vaults.changePassphrase(directory, old, chosen);
            return Boolean.TRUE;
        }, ok -> {
            dialog.setResult(change);
            dialog.close();
        }, error, current, old, chosen);
    }
}
