package org.tanik.ui.settings;

import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.tanik.config.Settings;
import org.tanik.config.SettingsStore;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.Focus;
import org.tanik.ui.common.Navigation;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.UiText;

/** Language and idle-lock time. Saved to the settings file, applied at once (the screens are rebuilt). */
public final class SettingsController {

    private final SettingsStore store;
    private final BackgroundExecutor executor;
    private final UiText text;
    private final OpenDialogs dialogs;
    private final Alerts alerts;
    private final Navigation navigation;

    @FXML private DialogPane pane;
    @FXML private Label languageLabel;
    @FXML private ComboBox<String> language;
    @FXML private Label idleLabel;
    @FXML private Spinner<Integer> idleMinutes;

    public SettingsController(SettingsStore store, BackgroundExecutor executor, UiText text, OpenDialogs dialogs,
                              Alerts alerts, Navigation navigation) {
        this.store = store;
        this.executor = executor;
        this.text = text;
        this.dialogs = dialogs;
        this.alerts = alerts;
        this.navigation = navigation;
    }

    @FXML
    private void initialize() {
        languageLabel.setLabelFor(language);
        idleLabel.setLabelFor(idleMinutes);
        language.setItems(FXCollections.observableArrayList("", "en", "tr"));
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null || code.isEmpty() ? text.get("settings.systemLanguage")
                        : text.get("language." + code);
            }

            @Override
            public String fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        idleMinutes.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 240,
                Settings.DEFAULT_IDLE_MINUTES));
        idleMinutes.setEditable(true);
        Focus.whenShown(language);
    }

    /** Shows the dialog; on Save, writes the settings and tells the application to apply them. */
    public void showAndWait(Window owner) {
        Settings current = store.load();
        language.setValue(current.language());
        idleMinutes.getValueFactory().setValue(current.idleMinutes());
        ButtonType save = new ButtonType(text.get("button.save"), ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(text.get("button.cancel"), ButtonData.CANCEL_CLOSE);
        pane.getButtonTypes().setAll(save, cancel);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("settings.title"));
        dialog.setDialogPane(pane);
        dialogs.track(dialog);
        if (dialog.showAndWait().filter(b -> b == save).isEmpty()) {
            return;
        }
        commitSpinnerText();
        Settings chosen = new Settings(language.getValue() == null ? "" : language.getValue(), idleMinutes.getValue());
        executor.run(() -> {
            store.save(chosen);
            return chosen;
        }, navigation::settingsChanged, failure -> alerts.error(owner, failure));
    }

    /** A number typed into the spinner without Enter is otherwise ignored. */
    private void commitSpinnerText() {
        try {
            int typed = Integer.parseInt(idleMinutes.getEditor().getText().strip());
            idleMinutes.getValueFactory().setValue(Math.max(1, Math.min(240, typed)));
        } catch (NumberFormatException ignored) {
            // Keep the spinner's last valid value.
        }
    }
}
