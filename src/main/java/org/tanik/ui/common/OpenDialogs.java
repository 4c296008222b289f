package org.tanik.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.Dialog;

/**
 * The dialogs currently open over the main window, so locking can close them: a locked vault
 * must not leave a history list or an editor dialog on screen. Every dialog is shown through here.
 */
public final class OpenDialogs {

    private final List<Dialog<?>> open = new ArrayList<>();
    private NodeOrientation orientation = NodeOrientation.INHERIT;

    /** The way dialogs opened from now on lay out: right to left in Arabic (a dialog is its own scene). */
    public void orientation(NodeOrientation orientation) {
        this.orientation = orientation;
    }

    /** Registers the dialog while it is showing; every Tanik dialog has a cancel button so it can close. */
    public void track(Dialog<?> dialog) {
        Stylesheets.style(dialog.getDialogPane());
        dialog.getDialogPane().setNodeOrientation(orientation);
        TextDirection.keepLeftToRight(dialog.getDialogPane());
        dialog.showingProperty().addListener((obs, was, now) -> {
            if (now) {
                open.add(dialog);
            } else {
                open.remove(dialog);
            }
        });
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
