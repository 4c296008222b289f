package org.tanik.ui.shell;

import javafx.stage.Window;
import org.tanik.config.AppVersion;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.Navigation;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.Views;
import org.tanik.ui.settings.SettingsController;
import org.tanik.ui.unlock.ChangePassphraseController;

/**
 * The Vault and Help menu actions that the volunteer's and the coordinator's windows share: lock,
 * exit, change passphrase, settings, quick start, about. The windows' menu handlers only call these.
 */
public final class VaultMenu {

    private final Views views;
    private final Alerts alerts;
    private final UiText text;
    private final Navigation navigation;

    public VaultMenu(Views views, Alerts alerts, UiText text, Navigation navigation) {
        this.views = views;
        this.alerts = alerts;
        this.text = text;
        this.navigation = navigation;
    }

    /** Saves what is pending, clears the window, closes the vault and shows the unlock screen. */
    public void lock() {
        navigation.lock();
    }

    /** Locks as {@link #lock()} does, then quits. */
    public void exit() {
        navigation.exit();
    }

    /** The panic exit: the window goes at once, the vault is locked, the app quits. */
    public void panic() {
        navigation.panic();
    }

    /** "Closes at once… (Ctrl+Shift+Q)": the panic button's tooltip. */
    public javafx.scene.control.Tooltip panicTooltip() {
        return new javafx.scene.control.Tooltip(text.format("panic.tooltip", navigation.panicKeyText()));
    }

    public void changePassphrase(Window owner) {
        Views.View<ChangePassphraseController> dialog = views.load("unlock/change-passphrase.fxml");
        if (dialog.controller().showAndWait(owner)) {
            alerts.info(owner, text.get("changePassphrase.title"), null, text.get("changePassphrase.done"));
        }
    }

    public void settings(Window owner) {
        Views.View<SettingsController> dialog = views.load("settings/settings.fxml");
        dialog.controller().showAndWait(owner);
    }

    /** The quick start for volunteers and coordinators, in the window's language (Help → Quick start, F1). */
    public void quickStart(Window owner) {
        alerts.document(owner, text.get("quickStart.title"), QuickStart.content(text), "quick-start");
    }

    /** @param aboutKey the text that says what this window is for */
    public void about(Window owner, String aboutKey) {
        alerts.info(owner, text.get("about.title"), text.format("about.header", AppVersion.current()), text.get(aboutKey));
    }
}
