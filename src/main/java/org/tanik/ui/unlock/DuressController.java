package org.tanik.ui.unlock;

import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.stage.Window;
import org.tanik.session.OpenVault;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.Focus;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.UiText;
import org.tanik.volunteer.DecoySamples;

/**
 * Sets the duress passphrase of the open vault: typed twice with the strength bar of a new passphrase;
 * whether using it keeps this vault or silently erases it; whether the new decoy starts with a few harmless
 * drafts. The decoy is made (a key derivation, a new database) in the background; the dialog stays open
 * until it is done and says why when it is refused (too weak, or this vault's own passphrase).
 */
public final class DuressController {

    private final OpenVault vault;
    private final UiText text;
    private final OpenDialogs dialogs;
    private final PassphraseTask task;

    @FXML private DialogPane pane;
    @FXML private Label passphraseLabel;
    @FXML private PasswordField passphrase;
    @FXML private Label repeatLabel;
    @FXML private PasswordField repeat;
    @FXML private ProgressBar strengthBar;
    @FXML private Label strengthLabel;
    @FXML private Label reason;
    @FXML private RadioButton keepReal;
    @FXML private RadioButton eraseReal;
    @FXML private Label eraseWarning;
    @FXML private CheckBox samples;
    @FXML private Label error;
    @FXML private ProgressIndicator progress;

    private NewPassphraseForm form;
    private Dialog<ButtonType> dialog;
    private ButtonType set;

    public DuressController(OpenVault vault, BackgroundExecutor executor, UiText text, OpenDialogs dialogs) {
        this.vault = vault;
        this.text = text;
        this.dialogs = dialogs;
        this.task = new PassphraseTask(executor, text);
    }

    @FXML
    private void initialize() {
        form = new NewPassphraseForm(text, passphraseLabel, passphrase, repeatLabel, repeat, strengthBar, strengthLabel,
                reason, task.busy());
        ToggleGroup mode = new ToggleGroup();
        keepReal.setToggleGroup(mode);
        eraseReal.setToggleGroup(mode);
        keepReal.disableProperty().bind(task.busy());
        eraseReal.disableProperty().bind(task.busy());
        samples.disableProperty().bind(task.busy());
        // The warning shows while erasing is chosen, where it concerns.
        eraseWarning.visibleProperty().bind(eraseReal.selectedProperty());
        eraseWarning.managedProperty().bind(eraseReal.selectedProperty());
        set = new ButtonType(text.get("duress.button"), ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(text.get("button.cancel"), ButtonData.CANCEL_CLOSE);
        pane.getButtonTypes().setAll(set, cancel);
        Node setButton = pane.lookupButton(set);
        setButton.disableProperty().bind(form.notReady().or(task.busy()));
        setButton.addEventFilter(ActionEvent.ACTION, e -> {
            // The dialog stays open until the decoy is made.
            e.consume();
            submit();
        });
        progress.visibleProperty().bind(task.busy());
        Focus.whenShown(passphrase);
    }

    /** Shows the dialog and waits; true when the duress passphrase was set. */
    public boolean showAndWait(Window owner) {
        dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("duress.title"));
        dialog.setDialogPane(pane);
        dialogs.track(dialog);
        boolean done = dialog.showAndWait().filter(b -> b == set).isPresent();
        form.clear();
        return done;
    }

    private void submit() {
        char[] chosen = form.take();
        boolean erase = eraseReal.isSelected();
        Consumer<OpenVault> fill = samples.isSelected() ? new DecoySamples(text.locale())::fill : decoy -> { };
        task.run(() -> {
            vault.setDuress(chosen, erase, fill);
            return Boolean.TRUE;
        }, ok -> {
            dialog.setResult(set);
            dialog.close();
        }, error, passphrase, chosen);
    }
}
