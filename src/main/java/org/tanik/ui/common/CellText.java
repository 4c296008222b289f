package org.tanik.ui.common;

import javafx.scene.control.IndexedCell;
import javafx.scene.control.Tooltip;

/**
 * A table or list cell's text, with the whole text in a tooltip: a long title may be elided in a
 * narrow column, but it can always be read whole.
 */
public final class CellText {

    private CellText() {
    }

    public static void set(IndexedCell<?> cell, String text) {
        cell.setText(text);
        if (text == null || text.isEmpty()) {
            cell.setTooltip(null);
        } else if (cell.getTooltip() == null) {
            cell.setTooltip(new Tooltip(text));
        } else {
            cell.getTooltip().setText(text);
        }
    }
}
