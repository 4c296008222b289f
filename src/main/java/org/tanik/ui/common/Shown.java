package org.tanik.ui.common;

import javafx.scene.Node;

/** Showing or hiding a part of a screen so that, hidden, it also gives its space back to the layout. */
public final class Shown {

    private Shown() {
    }

    public static void set(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
