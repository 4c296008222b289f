package org.tanik.ui.unlock;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import org.tanik.session.VaultAccess;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.Focus;
import org.tanik.ui.common.Navigation;
import org.tanik.ui.common.UiText;

/** First run: choose the passphrase that protects the new vault. */
public final class CreateVaultController extends LockedScreen {

    @FXML private PasswordField passphrase;
    @FXML private PasswordField repeat;
    @FXML private Label passphraseLabel;
    @FXML private Label repeatLabel;
    @FXML private ProgressBar strengthBar;
    @FXML private Label strengthLabel;
    @FXML private Label reason;
    @FXML private Label error;
    @FXML private ProgressIndicator progress;
    @FXML private javafx.scene.layout.FlowPane languageLinks;
    @FXML private Label progressLabel;
    @FXML private Button createButton;
    private NewPassphraseForm form;

    public CreateVaultController(VaultAccess vaults, Path directory, BackgroundExecutor executor, UiText text,
                                 Navigation navigation, Consumer<String> languageSwitch) {
        super(vaults, directory, executor, text, navigation, languageSwitch);
    }

    @FXML
    private void initialize() {
        form = new NewPassphraseForm(text, passphraseLabel, passphrase, repeatLabel, repeat, strengthBar, strengthLabel,
                reason, task.busy());
        createButton.disableProperty().bind(form.notReady().or(task.busy()));
        progress.visibleProperty().bind(task.busy());
        progressLabel.visibleProperty().bind(task.busy());
        Focus.whenShown(passphrase);
        showLanguageLinks(languageLinks);
    }

    @FXML
    private void create() {
        if (createButton.isDisabled()) {
            return;
        }
        open(form.take(), vaults::create, error, passphrase);
    }
}
