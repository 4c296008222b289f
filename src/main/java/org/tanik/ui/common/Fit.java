package org.tanik.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * Keeps the app's own short texts whole on a small screen: a column is never narrower than its
 * header, a search field never narrower than its hint. Widths are measured once the first layout
 * has applied the style sheet (fonts differ per system and language), so nothing is guessed.
 */
public final class Fit {

    /** Room for a column's sort arrow beside its header text. */
    private static final double SORT_ARROW = 16;

    private Fit() {
    }

    /**
     * Under a loaded screen: buttons keep their whole label, wrapped labels their lines, tables
     * their {@link #headers} and search fields their {@link #prompt}.
     */
    public static void everything(Node node) {
        // An action button is never squeezed into "…"; a wrapped text takes the lines it needs (a check
        // box whose sentence wraps keeps its computed minimum, or it would push its column past a
        // scrolling pane's edge).
        if (node instanceof ButtonBase button && !button.isWrapText() && button.getMinWidth() == Region.USE_COMPUTED_SIZE) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        // A choice shows its whole value; a label beside a field keeps its whole word.
        if (node instanceof javafx.scene.control.ComboBoxBase<?> box && box.getMinWidth() == Region.USE_COMPUTED_SIZE) {
            box.setMinWidth(Region.USE_PREF_SIZE);
        }
        if (node instanceof Label label && !label.isWrapText() && label.getMinWidth() == Region.USE_COMPUTED_SIZE) {
            label.setMinWidth(Region.USE_PREF_SIZE);
        }
        if (node instanceof Label label && label.isWrapText() && label.getMinHeight() == Region.USE_COMPUTED_SIZE) {
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
        if (node instanceof TableView<?> table) {
            headers(table);
        }
        if (node instanceof TextField field && field.getPromptText() != null && !field.getPromptText().isBlank()) {
            prompt(field);
        }
        if (node instanceof TabPane tabs) {
            for (Tab t : tabs.getTabs()) {
                if (t.getContent() != null) {
                    everything(t.getContent());
                }
            }
        } else if (node instanceof SplitPane split) {
            split.getItems().forEach(Fit::everything);
        } else if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            everything(scroll.getContent());
        } else if (node instanceof TitledPane titled && titled.getContent() != null) {
            everything(titled.getContent());
        } else if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(Fit::everything);
        }
    }

    /** Each column at least as wide as its header's text. */
    public static void headers(TableView<?> table) {
        Runnable measure = () -> measureHeaders(table);
        measure.run();
        // Some headers are set later (the versions compared): measure those again.
        for (TableColumn<?, ?> column : table.getColumns()) {
            column.textProperty().addListener((obs, was, now) -> measure.run());
        }
    }

    /** A column at least as wide as the text of each of its cells (a fingerprint is read whole). */
    public static void wholeCell(javafx.scene.control.TableCell<?, ?> cell) {
        if (cell.getText() == null || cell.getTableColumn() == null) {
            return;
        }
        Text measure = new Text(cell.getText());
        measure.setFont(cell.getFont());
        double need = Math.ceil(measure.getLayoutBounds().getWidth() + cell.snappedLeftInset()
                + cell.snappedRightInset() + 4);
        if (cell.getTableColumn().getMinWidth() < need) {
            cell.getTableColumn().setMinWidth(need);
        }
    }

    /** Every cell of a column of the app's own text (a date, a size) is read whole: the column widens to it. */
    public static <S> void wholeCells(TableColumn<S, String> column) {
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                wholeCell(this);
            }
        });
    }

    private static void measureHeaders(TableView<?> table) {
        afterLayout(table, () -> {
            Node row = table.lookup(".column-header-background");
            if (row == null) {
                return false;
            }
            for (Node n : row.lookupAll(".column-header")) {
                if (n instanceof TableColumnHeader header && header.getTableColumn() != null
                        && header.lookup(".label") instanceof Labeled label) {
                    double need = Math.ceil(label.prefWidth(-1) + header.snappedLeftInset()
                            + header.snappedRightInset() + SORT_ARROW);
                    if (header.getTableColumn().getMinWidth() < need) {
                        header.getTableColumn().setMinWidth(need);
                    }
                }
            }
            return true;
        });
    }

    /** A text field at least as wide as its prompt (a hint such as "Year of birth" must not read "Year of b"). */
    public static void prompt(TextField field) {
        afterLayout(field, () -> {
            Text measure = new Text(field.getPromptText());
            measure.setFont(field.getFont());
            double need = Math.ceil(measure.getLayoutBounds().getWidth() + field.snappedLeftInset()
                    + field.snappedRightInset() + 2);
            if (field.getMinWidth() < need) {
                field.setMinWidth(need);
            }
            return true;
        });
    }

    /** Runs the measurement after a layout pass, until it reports done. */
    private static void afterLayout(Parent node, java.util.function.BooleanSupplier measure) {
        @SuppressWarnings("unchecked")
        ChangeListener<Boolean>[] once = new ChangeListener[1];
        once[0] = (obs, was, now) -> {
            if (!now && node.getScene() != null && measure.getAsBoolean()) {
                node.needsLayoutProperty().removeListener(once[0]);
            }
        };
        node.needsLayoutProperty().addListener(once[0]);
    }
}
