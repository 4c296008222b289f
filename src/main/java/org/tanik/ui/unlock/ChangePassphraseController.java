package org.tanik.ui.unlock;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
import org.tanik.store.Vaults;
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

    private final Vaults vaults;
    private final Path directory;
    private final BackgroundExecutor executor;
    private final UiText text;
    private final OpenDialogs dialogs;
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

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

    private Dialog<ButtonType> dialog;
    private ButtonType change;

    public ChangePassphraseController(Vaults vaults, Path directory, BackgroundExecutor executor, UiText text,
                                      OpenDialogs dialogs) {
        this.vaults = vaults;
        this.directory = directory;
        this.executor = executor;
        this.text = text;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        currentLabel.setLabelFor(current);
        passphraseLabel.setLabelFor(passphrase);
        repeatLabel.setLabelFor(repeat);
        NewPassphraseForm form = new NewPassphraseForm(text, passphrase, repeat, strengthBar, strengthLabel, reason);
        change = new ButtonType(text.get("changePassphrase.button"), ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(text.get("button.cancel"), ButtonData.CANCEL_CLOSE);
        pane.getButtonTypes().setAll(change, cancel);
        Node changeButton = pane.lookupButton(change);
        changeButton.disableProperty().bind(form.notReady().or(current.textProperty().isEmpty()).or(busy));
        changeButton.addEventFilter(ActionEvent.ACTION, e -> {
            // The dialog must stay open until the key file is rewritten.
            e.consume();
            submit();
        });
        current.disableProperty().bind(busy);
        passphrase.disableProperty().bind(busy);
        repeat.disableProperty().bind(busy);
        progress.visibleProperty().bind(busy);
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
        passphrase.clear();
        repeat.clear();
        return changed;
    }

    private void submit() {
        char[] old = Passphrases.take(current);
        char[] chosen = Passphrases.take(passphrase);
        repeat.clear();
        error.setText("");
        busy.set(true);
        executor.run(() -> {
            try {
                vaults.changePassphrase(directory, old, chosen);
                return Boolean.TRUE;
            } finally {
                Passphrases.wipe(old, chosen);
            }
        }, ok -> {
            busy.set(false);
            dialog.setResult(change);
            dialog.close();
        }, failure -> {
            busy.set(false);
            error.setText(text.error(failure));
            current.requestFocus();
        });
    }
}
