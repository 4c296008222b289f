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
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.tanik.session.DuressState;
import org.tanik.session.OpenVault;
import org.tanik.ui.common.PanicKey;
import org.tanik.ui.common.Views;
import org.tanik.ui.unlock.DuressController;

/**
 * Language, idle-lock time and how bundles are sent (the SOCKS proxy, "only through the proxy",
 * automatic sending). Saved to the settings file, applied at once (the screens are rebuilt).
 * The Protection tab: the quick exit's key and whether it erases (settings, saved with the rest); the wipe
 * after wrong passphrases (the vault's key file, also on Save); the duress passphrase and erasing the vault,
 * which are done at once from their own dialogs. */
public final class SettingsController {

    /** The fewest wrong passphrases the vault may be erased after (fewer would erase it on a typing slip). */
    static final int MIN_WIPE = 5;

    private final SettingsStore store;
    private final BackgroundExecutor executor;
    private final UiText text;
    private final OpenDialogs dialogs;
    private final Alerts alerts;
    private final Navigation navigation;
    private final OpenVault vault;
    private final Views views;

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
    @FXML private TabPane tabs;
    @FXML private Tab protectionTab;
    @FXML private VBox protection;
    @FXML private Label panicKeyLabel;
    @FXML private TextField panicKey;
    @FXML private CheckBox panicErases;
    @FXML private Label duressState;
    @FXML private Button duressSet;
    @FXML private Button duressRemove;
    @FXML private CheckBox wipeEnabled;
    @FXML private Spinner<Integer> wipeAfter;
    @FXML private Button eraseButton;
    /** The quick exit's key as the settings file names it ("Shortcut+Shift+Q"). */
    private String chosenPanicKey = Settings.DEFAULT_PANIC_SHORTCUT;
    /** The wipe policy the key file holds, once read; null until then (and Save leaves it alone). */
    private Integer wipeWas;
    private Window owner;

    /** @param vault the open vault the Protection tab acts on */
    public SettingsController(SettingsStore store, BackgroundExecutor executor, UiText text, OpenDialogs dialogs,
                              Alerts alerts, Navigation navigation, OpenVault vault, Views views) {
        this.vault = vault;
        this.views = views;
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
        initProtection();
        Focus.whenShown(language);
    }

    private void initProtection() {
        panicKeyLabel.setLabelFor(panicKey);
        // The field records the keys pressed in it; the quick exit's own filter leaves them alone here.
        panicKey.getProperties().put(PanicKey.RECORDER, Boolean.TRUE);
        panicKey.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            KeyCombination pressed = PanicKey.pressed(e);
            if (pressed != null) {
                e.consume();
                showPanicKey(pressed.getName());
            }
        });
        wipeAfter.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(MIN_WIPE, 99, 10));
        wipeAfter.setEditable(true);
        wipeAfter.disableProperty().bind(wipeEnabled.selectedProperty().not().or(wipeEnabled.disableProperty()));
        // Until the vault says what it holds, its controls wait.
        setVaultControls(false);
    }

    /** A name the settings file already holds is kept as written: saving other settings must not rewrite it. */
    private void showPanicKey(String name) {
        KeyCombination k = PanicKey.parse(name);
        chosenPanicKey = PanicKey.readable(name) ? name : k.getName();
        panicKey.setText(k.getDisplayText());
    }

    @FXML
    private void defaultPanicKey() {
        showPanicKey(Settings.DEFAULT_PANIC_SHORTCUT);
    }

    private void setVaultControls(boolean ready) {
        duressSet.setDisable(!ready);
        duressRemove.setDisable(!ready);
        wipeEnabled.setDisable(!ready);
        eraseButton.setDisable(!ready);
    }

    /** What the vault holds: whether a duress passphrase is set (and what it does), and the wipe policy. */
    private record Protection(DuressState duress, int wipeAfter) {
    }

    private void readProtection() {
        executor.run(() -> new Protection(vault.duressState(), vault.wipeAfter()), p -> {
            duressState.setText(text.get(switch (p.duress()) {
                case NONE -> "settings.duress.none";
                case KEEP_REAL -> "settings.duress.keep";
                case ERASE_REAL -> "settings.duress.erase";
            }));
            if (wipeWas == null) {
                wipeWas = p.wipeAfter();
                wipeEnabled.setSelected(p.wipeAfter() > 0);
                if (p.wipeAfter() > 0) {
                    wipeAfter.getValueFactory().setValue(p.wipeAfter());
                }
            }
            setVaultControls(true);
            duressRemove.setDisable(p.duress() == DuressState.NONE);
        }, failure -> alerts.error(owner, failure));
    }

    @FXML
    private void setDuress() {
        Views.View<DuressController> dialog = views.load("unlock/duress.fxml");
        if (dialog.controller().showAndWait(window())) {
            alerts.info(window(), text.get("duress.title"), null, text.get("duress.done"));
        }
        readProtection();
    }

    @FXML
    private void removeDuress() {
        setVaultControls(false);
        executor.run(() -> {
            vault.clearDuress();
            return Boolean.TRUE;
        }, done -> {
            alerts.info(window(), text.get("duress.title"), null, text.get("settings.duress.removed"));
            readProtection();
        }, failure -> {
            alerts.error(window(), failure);
            readProtection();
        });
    }

    /** After the confirmation, the flow erases the vault and shows the first-run screen (this dialog closes). */
    @FXML
    private void eraseVault() {
        if (new EraseConfirmation(text, dialogs).confirmed(window())) {
            navigation.erase();
        }
    }

    private Window window() {
        return pane.getScene() == null ? owner : pane.getScene().getWindow();
    }

    /** Shows the dialog; on Save, writes the settings and tells the application to apply them. */
    public void showAndWait(Window owner) {
        this.owner = owner;
        Settings current = store.load();
        showPanicKey(current.panicShortcut());
        panicErases.setSelected(current.panicErases());
        readProtection();
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
        commitSpinnerText(idleMinutes, 1, 240);
        commitSpinnerText(wipeAfter, MIN_WIPE, 99);
        Settings chosen = new Settings(language.getValue() == null ? "" : language.getValue(), idleMinutes.getValue(),
                checkedProxy(), proxyOnly.isSelected(), autoSend.isSelected(), theme.getValue(), chosenPanicKey,
                panicErases.isSelected());
        Integer was = wipeWas;
        int wipe = wipeEnabled.isSelected() ? wipeAfter.getValue() : 0;
        executor.run(() -> {
            store.save(chosen);
            // The vault's key file holds the wipe policy: written only when it changed.
            if (was != null && was != wipe && vault.isOpen()) {
                vault.setWipeAfter(wipe);
            }
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
    private static void commitSpinnerText(Spinner<Integer> spinner, int min, int max) {
        try {
            int typed = Integer.parseInt(spinner.getEditor().getText().strip());
            spinner.getValueFactory().setValue(Math.max(min, Math.min(max, typed)));
        } catch (NumberFormatException ignored) {
            // Keep the spinner's last valid value.
        }
    }
}
