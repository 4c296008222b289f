package org.tanik.ui.settings;

import org.tanik.config.SettingsStore;
import org.tanik.session.OpenVault;
import org.tanik.ui.unlock.DuressController;
import org.tanik.ui.common.ControllerFactory;
import org.tanik.ui.common.ScreenContext;

/** Registers the settings dialog, and the duress passphrase's dialog its Protection tab opens. */
public final class SettingsScreens {

    private SettingsScreens() {
    }

    public static ControllerFactory register(ControllerFactory controllers, ScreenContext screens,
                                             SettingsStore settings, OpenVault vault) {
        return controllers.with(SettingsController.class, () -> new SettingsController(settings, screens.executor(),
                        screens.text(), screens.dialogs(), screens.alerts(), screens.navigation(), vault, screens.views()))
                .with(DuressController.class, () -> new DuressController(vault, screens.executor(), screens.text(),
                        screens.dialogs()));
    }
}
