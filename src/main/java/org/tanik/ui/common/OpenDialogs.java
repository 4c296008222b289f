package org.tanik.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * The dialogs currently open over the main window, so locking can close them: a locked vault
 * must not leave a history list or an editor dialog on screen. Every dialog is shown through here.
 */
public final class OpenDialogs {

    private final List<Dialog<?>> open = new ArrayList<>();
    private NodeOrientation orientation = NodeOrientation.INHERIT;
    private Window main;
    /** Heard in every dialog before its controls: the panic exit's key. */
    private javafx.event.EventHandler<javafx.scene.input.KeyEvent> keys;

    /** The way dialogs opened from now on lay out: right to left in Arabic (a dialog is its own scene). */
    public void orientation(NodeOrientation orientation) {
        this.orientation = orientation;
    }

    /** The main window, which owns every dialog that was not given an owner. */
    public void ownedBy(Window window) {
        this.main = window;
    }

    /** A key filter every dialog shown from now on gets (the panic exit's key works in dialogs too). */
    public void keys(javafx.event.EventHandler<javafx.scene.input.KeyEvent> filter) {
        this.keys = filter;
    }

    /** Registers the dialog while it is showing; every Tanik dialog has a cancel button so it can close. */
    public void track(Dialog<?> dialog) {
        Stylesheets.style(dialog.getDialogPane());
        dialog.getDialogPane().setNodeOrientation(orientation);
        TextDirection.keepLeftToRight(dialog.getDialogPane());
        if (dialog.getOwner() == null && main != null) {
            dialog.initOwner(main);
        }
        growToFit(dialog.getDialogPane());
        if (keys != null) {
            dialog.getDialogPane().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, keys);
        }
        dialog.showingProperty().addListener((obs, was, now) -> {
            if (now) {
                keepCentred(dialog);
                open.add(dialog);
            } else {
                open.remove(dialog);
            }
        });
    }

    /**
     * A dialog's window takes its content's height once, when shown; a reason or a result that
     * appears later would squeeze the wrapped texts into "…". After each layout the window grows
     * to what the pane needs, as far as the screen allows.
     */
    private static void growToFit(DialogPane pane) {
        pane.needsLayoutProperty().addListener((obs, was, now) -> {
            Window window = pane.getScene() == null ? null : pane.getScene().getWindow();
            if (now || window == null || !window.isShowing()) {
                return;
            }
            double missing = pane.prefHeight(pane.getWidth()) - pane.getHeight();
            if (missing > 0.5) {
                double room = Screen.getScreensForRectangle(window.getX(), window.getY(), window.getWidth(),
                        window.getHeight()).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds()
                        .getMaxY() - window.getY() - window.getHeight();
                double grow = Math.min(missing, Math.max(0, room));
                if (grow > 0.5) {
                    window.setHeight(window.getHeight() + grow);
                }
            }
        });
    }

    /**
     * Centred on its owner, also when its size changes after showing (a result, a count, a reason
     * filled in later), as long as the user has not moved it.
     */
    private static void keepCentred(Dialog<?> dialog) {
        Window window = dialog.getDialogPane().getScene().getWindow();
        Window owner = dialog.getOwner();
        if (owner == null) {
            return;
        }
        double[] placed = new double[2];
        Runnable centre = () -> {
            Rectangle2D screen = Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(),
                    owner.getHeight()).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
            double x = owner.getX() + (owner.getWidth() - window.getWidth()) / 2;
            double y = owner.getY() + (owner.getHeight() - window.getHeight()) / 2;
            window.setX(Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - window.getWidth())));
            window.setY(Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - window.getHeight())));
            placed[0] = window.getX();
            placed[1] = window.getY();
        };
        centre.run();
        javafx.beans.InvalidationListener resized = o -> {
            if (window.getX() == placed[0] && window.getY() == placed[1]) {
                centre.run();
            }
        };
        window.widthProperty().addListener(resized);
        window.heightProperty().addListener(resized);
    }

    public void closeAll() {
        for (Dialog<?> d : List.copyOf(open)) {
            d.close();
            if (d.isShowing()) {
                // A dialog without a cancel button: close its window directly.
                d.getDialogPane().getScene().getWindow().hide();
            }
        }
    }
}
