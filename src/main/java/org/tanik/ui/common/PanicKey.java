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

    /** Marks a control that records a key combination (the settings' field): the key is not acted on there. */
    public static final String RECORDER = "tanik.panicKeyRecorder";

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
        if (event.getTarget() instanceof javafx.scene.Node n && n.getProperties().containsKey(RECORDER)) {
            return;
        }
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

    /** True when {@code name} is a combination the quick exit can use as it is (else {@link #parse} gives the default). */
    public static boolean readable(String name) {
        try {
            return KeyCombination.valueOf(name) instanceof KeyCodeCombination k && usable(k);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** True when typing text cannot produce it: it holds Ctrl, Alt, Meta or the platform's shortcut key. */
    public static boolean usable(KeyCombination k) {
        return k.getControl() == KeyCombination.ModifierValue.DOWN || k.getAlt() == KeyCombination.ModifierValue.DOWN
                || k.getMeta() == KeyCombination.ModifierValue.DOWN
                || k.getShortcut() == KeyCombination.ModifierValue.DOWN;
    }

    /**
     * The combination a key press makes, with the platform's shortcut key written as "Shortcut" (so a
     * settings file carries over between a Mac and a PC); null for a key that cannot be one: a modifier
     * alone, or a key without Ctrl, Alt or Meta (Tab and Escape must keep moving and closing).
     */
    public static KeyCombination pressed(KeyEvent e) {
        javafx.scene.input.KeyCode code = e.getCode();
        if (code == null || code.isModifierKey() || code == javafx.scene.input.KeyCode.UNDEFINED) {
            return null;
        }
        boolean mac = System.getProperty("os.name", "").startsWith("Mac");
        boolean shortcut = e.isShortcutDown();
        KeyCombination.ModifierValue up = KeyCombination.ModifierValue.UP;
        KeyCombination.ModifierValue down = KeyCombination.ModifierValue.DOWN;
        KeyCodeCombination k = new KeyCodeCombination(code,
                e.isShiftDown() ? down : up,
                e.isControlDown() && !(shortcut && !mac) ? down : up,
                e.isAltDown() ? down : up,
                e.isMetaDown() && !(shortcut && mac) ? down : up,
                shortcut ? down : up);
        return usable(k) ? k : null;
    }
}
