package org.tanik.ui.unlock;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import org.tanik.store.Vaults;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.Focus;
import org.tanik.ui.common.Navigation;
import org.tanik.ui.common.Passphrases;
import org.tanik.ui.common.UiText;

/** First run: choose the passphrase that protects the new vault. */
public final class CreateVaultController {

    private final Vaults vaults;
    private final Path directory;
    private final BackgroundExecutor executor;
    private final UiText text;
    private final Navigation navigation;
    private final Consumer<String> languageSwitch;
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    @FXML private PasswordField passphrase;
    @FXML private PasswordField repeat;
    @FXML private Label passphraseLabel;
    @FXML private Label repeatLabel;
    @FXML private ProgressBar strengthBar;
    @FXML private Label strengthLabel;
    @FXML private Label reason;
    @FXML private Label error;
    @FXML private ProgressIndicator progress;
    @FXML private Label progressLabel;
    @FXML private Button createButton;

    public CreateVaultController(Vaults vaults, Path directory, BackgroundExecutor executor, UiText text,
                                 Navigation navigation, Consumer<String> languageSwitch) {
        this.vaults = vaults;
        this.directory = directory;
        this.executor = executor;
        this.text = text;
        this.navigation = navigation;
        this.languageSwitch = languageSwitch;
    }

    @FXML
    private void initialize() {
        passphraseLabel.setLabelFor(passphrase);
        repeatLabel.setLabelFor(repeat);
        NewPassphraseForm form = new NewPassphraseForm(text, passphrase, repeat, strengthBar, strengthLabel, reason);
        createButton.disableProperty().bind(form.notReady().or(busy));
        passphrase.disableProperty().bind(busy);
        repeat.disableProperty().bind(busy);
        progress.visibleProperty().bind(busy);
        progressLabel.visibleProperty().bind(busy);
        Focus.whenShown(passphrase);
    }

    @FXML
    private void create() {
        if (createButton.isDisabled()) {
            return;
        }
        char[] chosen = Passphrases.take(passphrase);
        repeat.clear();
        error.setText("");
        busy.set(true);
        executor.run(() -> {
            try {
                return vaults.create(directory, chosen);
            } finally {
                Passphrases.wipe(chosen);
            }
        }, session -> {
            busy.set(false);
            navigation.unlocked(session);
        }, failure -> {
            busy.set(false);
            error.setText(text.error(failure));
            passphrase.requestFocus();
        });
    }

    @FXML
    private void english() {
        languageSwitch.accept("en");
    }

    @FXML
    private void turkish() {
        languageSwitch.accept("tr");
    }
}
