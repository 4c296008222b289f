package org.tanik.ui.common.viewers;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A file Tanik does not show (a video, a spreadsheet): says so; the window offers another program. */
final class NotShown implements ViewerPane {

    private final VBox root;

    NotShown(String message, String hint) {
        Label what = new Label(message);
        what.setWrapText(true);
        what.getStyleClass().add("not-shown");
        Label how = new Label(hint);
        how.setWrapText(true);
        how.getStyleClass().add("text-muted");
        root = new VBox(8, what, how);
        root.setAlignment(Pos.CENTER);
        root.setFillWidth(true);
    }

    @Override
    public Node node() {
        return root;
    }
}
