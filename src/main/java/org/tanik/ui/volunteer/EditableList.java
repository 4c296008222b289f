package org.tanik.ui.volunteer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A list of item forms with "Add" below and "Remove" on each item. Lists with a column header are
 * one-line rows (victims, perpetrators); lists without are cards (incidents, acts).
 */
final class EditableList<T> extends VBox {

    private final FormContext context;
    private final Supplier<T> blank;
    private final Function<T, ItemEditor<T>> factory;
    private final String removeKey;
    private final VBox rows = new VBox();
    private final List<ItemEditor<T>> editors = new ArrayList<>();
    private final Node header;
    private final boolean cards;

    EditableList(FormContext context, String addKey, String removeKey, Node header, Supplier<T> blank,
                 Function<T, ItemEditor<T>> factory) {
        this.context = context;
        this.blank = blank;
        this.factory = factory;
        this.removeKey = removeKey;
        this.header = header;
        this.cards = header == null;
        getStyleClass().add("editable-list");
        rows.getStyleClass().add("rows");
        Button add = context.button(addKey, this::addBlank);
        add.getStyleClass().add("add-button");
        if (header != null) {
            getChildren().add(header);
            header.setVisible(false);
            header.setManaged(false);
        }
        getChildren().addAll(rows, add);
    }

    void setAll(List<T> values) {
        rows.getChildren().clear();
        editors.clear();
        values.forEach(this::append);
    }

    List<T> values() {
        return editors.stream().map(ItemEditor::value).toList();
    }

    int size() {
        return editors.size();
    }

    ItemEditor<T> editor(int index) {
        return editors.get(index);
    }

    void addBlank() {
        ItemEditor<T> editor = append(blank.get());
        editor.focus();
        context.edited();
    }

    private ItemEditor<T> append(T value) {
        ItemEditor<T> editor = factory.apply(value);
        Node row;
        Button remove;
        if (cards) {
            // Cards have a title line with room on the right: the button sits there, over the card.
            StackPane stack = new StackPane(editor.node());
            remove = context.button(removeKey, () -> remove(editor, stack));
            StackPane.setAlignment(remove, Pos.TOP_RIGHT);
            StackPane.setMargin(remove, new Insets(6, 8, 0, 0));
            stack.getChildren().add(remove);
            row = stack;
        } else {
            HBox line = new HBox(8, editor.node());
            line.setAlignment(Pos.CENTER_LEFT);
            remove = context.button(removeKey, () -> remove(editor, line));
            line.getChildren().add(remove);
            row = line;
        }
        row.getStyleClass().add("item-row");
        remove.getStyleClass().addAll("remove-button", "flat");
        editors.add(editor);
        rows.getChildren().add(row);
        showHeader();
        return editor;
    }

    private void remove(ItemEditor<T> editor, Node row) {
        int index = editors.indexOf(editor);
        editors.remove(editor);
        rows.getChildren().remove(row);
        showHeader();
        context.edited();
        // Keep keyboard users in the list rather than losing focus to the window.
        if (!editors.isEmpty()) {
            editors.get(Math.min(index, editors.size() - 1)).focus();
        }
    }

    private void showHeader() {
        if (header != null) {
            header.setVisible(!editors.isEmpty());
            header.setManaged(!editors.isEmpty());
        }
    }
}
