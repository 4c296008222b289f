package org.tanik.ui.settings;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.tanik.config.Settings;
import org.tanik.config.SettingsStore;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.Focus;
import org.tanik.ui.common.Navigation;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.error.TanikException;
import org.tanik.ui.common.UiText;
import org.tanik.volunteer.Sending;

/**
 * Language, idle-lock time and how bundles are sent (the SOCKS proxy, "only through the proxy",
 * automatic sending). Saved to the settings file, applied at once (the screens are rebuilt). */
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
    @FXML private Label themeLabel;
    @FXML private ComboBox<String> theme;
    @FXML private Label idleLabel;
    @FXML private Spinner<Integer> idleMinutes;
    @FXML private Label proxyLabel;
    @FXML private TextField proxy;
    @FXML private Label proxyProblem;
    @FXML private CheckBox proxyOnly;
    @FXML private CheckBox autoSend;

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
        proxyLabel.setLabelFor(proxy);
        proxyProblem.setVisible(false);
        proxyProblem.setManaged(false);
        language.getItems().setAll("");
        language.getItems().addAll(SettingsStore.LANGUAGES);
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null || code.isEmpty() ? text.get("settings.systemLanguage")
                        : text.languageName(code);
            }

            @Override
            public String fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        themeLabel.setLabelFor(theme);
        // "" is "as the system", which is dark for now (see Stylesheets).
        List<String> themes = new ArrayList<>(List.of(""));
        themes.addAll(Settings.THEMES);
        theme.setItems(FXCollections.observableArrayList(themes));
        theme.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return text.get(code == null || code.isEmpty() ? "theme.system" : "theme." + code);
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
        theme.setValue(current.theme());
        idleMinutes.getValueFactory().setValue(current.idleMinutes());
        proxy.setText(current.proxy());
        proxyOnly.setSelected(current.proxyOnly());
        autoSend.setSelected(current.autoSend());
        ButtonType save = new ButtonType(text.get("button.save"), ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(text.get("button.cancel"), ButtonData.CANCEL_CLOSE);
        pane.getButtonTypes().setAll(save, cancel);
        // A proxy address that is not socks5://HOST:PORT keeps the dialog open with the reason.
        pane.lookupButton(save).addEventFilter(ActionEvent.ACTION, e -> {
            if (checkedProxy() == null) {
                e.consume();
            }
        });
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("settings.title"));
        dialog.setDialogPane(pane);
        dialogs.track(dialog);
        if (dialog.showAndWait().filter(b -> b == save).isEmpty()) {
            return;
        }
        commitSpinnerText();
        Settings chosen = new Settings(language.getValue() == null ? "" : language.getValue(), idleMinutes.getValue(),
                checkedProxy(), proxyOnly.isSelected(), autoSend.isSelected(), theme.getValue());
        executor.run(() -> {
            store.save(chosen);
            return chosen;
        }, navigation::settingsChanged, failure -> alerts.error(owner, failure));
    }

    /** The proxy in its one written form, or null (with the reason shown) when it is not an address. */
    private String checkedProxy() {
        try {
            String checked = Sending.checkProxy(proxy.getText());
            proxyProblem.setVisible(false);
            proxyProblem.setManaged(false);
            return checked;
        } catch (TanikException e) {
            proxyProblem.setText(text.error(e));
            proxyProblem.setVisible(true);
            proxyProblem.setManaged(true);
            proxy.requestFocus();
            return null;
        }
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
