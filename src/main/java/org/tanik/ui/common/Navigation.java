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

    /**
     * The panic exit: the window goes at once, without a question and without saving what is pending;
     * the vault is locked and its keys wiped (or it is erased, when the settings say so), then the app quits.
     */
    void panic();

    /** The panic exit's key as the platform writes it ("Ctrl+Shift+Q"), for the button's tooltip. */
    String panicKeyText();

    /** Erases the open vault (the user confirmed it), then shows the first-run screen. */
    void erase();

    /** Settings were saved: apply the idle time, and rebuild the screens if the language changed. */
    void settingsChanged(Settings settings);
}
