package org.tanik.ui.common;

import javafx.application.Platform;
import javafx.scene.Node;

/** Puts the keyboard focus in a screen's first field as soon as the screen is on display. */
public final class Focus {

    private Focus() {
    }

    public static void whenShown(Node node) {
        if (node.getScene() != null) {
            Platform.runLater(node::requestFocus);
            return;
        }
        node.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                Platform.runLater(node::requestFocus);
            }
        });
    }
}
