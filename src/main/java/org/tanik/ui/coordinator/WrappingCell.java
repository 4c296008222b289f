package org.tanik.ui.coordinator;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

/** A table cell whose text wraps to the column's width (long narrative changes, review notes). */
final class WrappingCell<S> extends TableCell<S, String> {

    private final Text text = new Text();

    private WrappingCell(TableColumn<S, String> column) {
        text.wrappingWidthProperty().bind(column.widthProperty().subtract(16));
        text.getStyleClass().add("wrapping-cell-text");
        setPrefHeight(USE_COMPUTED_SIZE);
    }

    static <S> void install(TableColumn<S, String> column) {
        column.setCellFactory(c -> new WrappingCell<>(column));
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        text.setText(item);
        setGraphic(text);
    }
}
