package org.tanik.ui.unlock;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import org.tanik.store.Vaults;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.Focus;
import org.tanik.ui.common.Navigation;
import org.tanik.ui.common.Passphrases;
import org.tanik.ui.common.UiText;

/** Later runs and after locking: type the passphrase, press Enter. */
public final class UnlockController {

    private final Vaults vaults;
    private final Path directory;
    private final BackgroundExecutor executor;
    private final UiText text;
    private final Navigation navigation;
    private final Consumer<String> languageSwitch;
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    @FXML private Label passphraseLabel;
    @FXML private PasswordField passphrase;
    @FXML private Button unlockButton;
    @FXML private Label message;
    @FXML private ProgressIndicator progress;

    public UnlockController(Vaults vaults, Path directory, BackgroundExecutor executor, UiText text,
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
        unlockButton.disableProperty().bind(busy.or(passphrase.textProperty().isEmpty()));
        passphrase.disableProperty().bind(busy);
        progress.visibleProperty().bind(busy);
        Focus.whenShown(passphrase);
    }

    @FXML
    private void unlock() {
        if (busy.get() || passphrase.getCharacters().length() == 0) {
            return;
        }
        char[] typed = Passphrases.take(passphrase);
        message.setText("");
        busy.set(true);
        executor.run(() -> {
            try {
                return vaults.open(directory, typed);
            } finally {
                Passphrases.wipe(typed);
            }
        }, session -> {
            busy.set(false);
            navigation.unlocked(session);
        }, failure -> {
            busy.set(false);
            message.setText(text.error(failure));
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
