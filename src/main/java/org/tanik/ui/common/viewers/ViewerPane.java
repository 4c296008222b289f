package org.tanik.ui.common.viewers;

import javafx.scene.Node;

/**
 * One file on screen inside a viewer window: an image, a PDF page, text, or a player. It reads its
 * {@code Content} off the FX thread and keeps what it shows in memory only; {@link #close} lets go
 * of it (the window closed, or the vault locked).
 */
public interface ViewerPane {

    Node node();

    /** Called once when the viewer window closes. */
    default void close() {
    }
}
