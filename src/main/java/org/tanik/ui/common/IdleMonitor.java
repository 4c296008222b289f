package org.tanik.ui.common;

import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Locks the vault after a period without keyboard or mouse input. Input is counted in every
 * window of the application (main window, dialogs, pop-ups), through event filters on the windows.
 */
public final class IdleMonitor {

    private final PauseTransition timer;
    private final EventHandler<Event> activity = e -> restartIfArmed();
    private boolean armed;

    public IdleMonitor(Duration timeout, Runnable onIdle) {
        timer = new PauseTransition(timeout);
        timer.setOnFinished(e -> {
            if (armed) {
                armed = false;
                onIdle.run();
            }
        });
        Window.getWindows().forEach(this::watch);
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::watch);
            }
        });
    }

    private void watch(Window window) {
        // Re-adding the same handler to a window that shows again is harmless but wasteful; track it.
        // Keyed by this monitor, not its class: a later monitor in the same JVM (a test's new start)
        // must still hear a window an earlier one already watched.
        if (window.getProperties().putIfAbsent(this, Boolean.TRUE) != null) {
            return;
        }
        window.addEventFilter(KeyEvent.ANY, activity);
        window.addEventFilter(MouseEvent.MOUSE_MOVED, activity);
        window.addEventFilter(MouseEvent.MOUSE_PRESSED, activity);
        window.addEventFilter(MouseEvent.MOUSE_DRAGGED, activity);
        window.addEventFilter(ScrollEvent.ANY, activity);
    }

    /** Starts counting (when the vault is unlocked). */
    public void arm() {
        armed = true;
        timer.playFromStart();
    }

    /** Stops counting (when the vault is locked). */
    public void disarm() {
        armed = false;
        timer.stop();
    }

    public boolean isArmed() {
        return armed;
    }

    public void setTimeout(Duration timeout) {
        timer.setDuration(timeout);
        restartIfArmed();
    }

    private void restartIfArmed() {
        if (armed) {
            timer.playFromStart();
        }
    }
}
