package org.tanik.ui.common.audio;

import javafx.scene.control.ListCell;
import org.tanik.model.Marker;

/** A marker in a list: its moment, then its words. */
final class MarkerCell extends ListCell<Marker> {

    @Override
    protected void updateItem(Marker marker, boolean empty) {
        super.updateItem(marker, empty);
        setText(empty || marker == null ? null : Elapsed.format(marker.atMillis()) + "  " + marker.label());
    }
}
