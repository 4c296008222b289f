package org.tanik.ui;

import javafx.stage.Window;
import org.tanik.config.AppVersion;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.Views;
import org.tanik.ui.settings.SettingsController;
import org.tanik.ui.unlock.ChangePassphraseController;

/** The Vault and Help menu actions that the volunteer's and the coordinator's windows share. */
public final class VaultMenu {

    private final Views views;
    private final Alerts alerts;
    private final UiText text;

    public VaultMenu(Views views, Alerts alerts, UiText text) {
        this.views = views;
        this.alerts = alerts;
        this.text = text;
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

    /** @param aboutKey the text that says what this window is for */
    public void about(Window owner, String aboutKey) {
        alerts.info(owner, text.get("about.title"), text.format("about.header", AppVersion.current()), text.get(aboutKey));
    }
}
