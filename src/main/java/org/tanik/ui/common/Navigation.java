package org.tanik.ui.common;

import org.tanik.config.Settings;
import org.tanik.session.OpenVault;

/** What screens ask of the application flow. Implemented once, by the flow; passed to controllers. */
public interface Navigation {

    /** The vault was created or unlocked: show the main window. */
    void unlocked(OpenVault vault);

    /** Save what is pending, clear the screen, close the vault, show the unlock screen. */
    void lock();

    /** Lock and quit. */
    void exit();

    /** Settings were saved: apply the idle time, and rebuild the screens if the language changed. */
    void settingsChanged(Settings settings);
}
