package org.tanik.ui.settings;

import org.tanik.config.SettingsStore;
import org.tanik.ui.common.ControllerFactory;
import org.tanik.ui.common.ScreenContext;

/** Registers the settings dialog. */
public final class SettingsScreens {

    private SettingsScreens() {
    }

    public static ControllerFactory register(ControllerFactory controllers, ScreenContext screens,
                                             SettingsStore settings) {
        return controllers.with(SettingsController.class, () -> new SettingsController(settings, screens.executor(),
                screens.text(), screens.dialogs(), screens.alerts(), screens.navigation()));
    }
}
