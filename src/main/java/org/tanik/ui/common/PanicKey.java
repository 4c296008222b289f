package org.tanik.ui.common;

import javafx.event.EventHandler;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.tanik.config.Settings;

/**
 * The panic exit's key combination, heard as an event filter on the main window's scene and on every
 * dialog: a filter runs before any control, so the key works while typing in the narrative, in a list or
 * in a dialog, and no control can swallow it.
 */
public final class PanicKey implements EventHandler<KeyEvent> {

    private final Runnable panic;
    private KeyCombination combination;

    public PanicKey(String name, Runnable panic) {
        this.panic = panic;
        use(name);
    }

    /** Listens for another combination from now on (the settings changed). */
    public void use(String name) {
        combination = parse(name);
    }

    public KeyCombination combination() {
        return combination;
    }

    @Override
    public void handle(KeyEvent event) {
        if (event.getEventType() == KeyEvent.KEY_PRESSED && combination.match(event)) {
            event.consume();
            panic.run();
        }
    }

    /**
     * The combination a settings file names, or the default when it names none that can be used: one
     * without Ctrl, Alt or the Mac's Command would fire while typing.
     */
    public static KeyCombination parse(String name) {
        try {
            if (KeyCombination.valueOf(name) instanceof KeyCodeCombination k && usable(k)) {
                return k;
            }
        } catch (IllegalArgumentException | NullPointerException ignored) {
            // A name JavaFX cannot read: the default.
        }
        return KeyCombination.valueOf(Settings.DEFAULT_PANIC_SHORTCUT);
    }

    /** True when typing text cannot produce it: it holds Ctrl, Alt, Meta or the platform's shortcut key. */
    public static boolean usable(KeyCombination k) {
        return k.getControl() == KeyCombination.ModifierValue.DOWN || k.getAlt() == KeyCombination.ModifierValue.DOWN
                || k.getMeta() == KeyCombination.ModifierValue.DOWN
                || k.getShortcut() == KeyCombination.ModifierValue.DOWN;
    }
}
