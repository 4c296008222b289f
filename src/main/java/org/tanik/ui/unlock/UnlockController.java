package org.tanik.ui.unlock;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import org.tanik.session.VaultAccess;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.Focus;
import org.tanik.ui.common.Navigation;
import org.tanik.ui.common.Passphrases;
import org.tanik.ui.common.UiText;

/** Later runs and after locking: type the passphrase, press Enter. */
public final class UnlockController extends LockedScreen {

    @FXML private Label passphraseLabel;
    @FXML private PasswordField passphrase;
    @FXML private Button unlockButton;
    @FXML private Label message;
    @FXML private ProgressIndicator progress;
    @FXML private javafx.scene.layout.FlowPane languageLinks;

    public UnlockController(VaultAccess vaults, Path directory, BackgroundExecutor executor, UiText text,
                            Navigation navigation, Consumer<String> languageSwitch) {
        super(vaults, directory, executor, text, navigation, languageSwitch);
    }

    @FXML
    private void initialize() {
        passphraseLabel.setLabelFor(passphrase);
        unlockButton.disableProperty().bind(task.busy().or(passphrase.textProperty().isEmpty()));
        passphrase.disableProperty().bind(task.busy());
        progress.visibleProperty().bind(task.busy());
        Focus.whenShown(passphrase);
        showLanguageLinks(languageLinks);
    }

    @FXML
    private void unlock() {
        if (task.busy().get() || passphrase.getCharacters().length() == 0) {
            return;
        }
        open(Passphrases.take(passphrase), vaults::unlock, message, passphrase);
    }
}
