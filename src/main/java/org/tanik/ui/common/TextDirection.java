package org.tanik.ui.common;

import java.util.Locale;
import java.util.Set;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TitledPane;

/**
 * Which way text runs. Arabic lays the whole window out right to left (set once on the scene and on
 * each dialog, and inherited by everything inside), but some things inside stay left to right
 * whatever the language: fingerprints, hashes, bundle ids, addresses, keys and file paths. In a
 * right-to-left line, the groups of a fingerprint ("00297 95827 61958") would otherwise be shown in
 * reverse order, and a coordinator reading it aloud would read a different number.
 */
public final class TextDirection {

    /** Style classes of nodes that hold such machine text; {@link #keepLeftToRight(Parent)} finds them. */
    private static final Set<String> MACHINE_TEXT = Set.of("fingerprint", "monospace", "ltr");
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur");

    private TextDirection() {
    }

    /** The orientation of screens in {@code locale}'s language. */
    public static NodeOrientation of(Locale locale) {
        return RIGHT_TO_LEFT.contains(locale.getLanguage()) ? NodeOrientation.RIGHT_TO_LEFT
                : NodeOrientation.LEFT_TO_RIGHT;
    }

    /**
     * Machine text placed inside a sentence or a table cell (a fingerprint in "This device fingerprint:
     * {0}"). In a right-to-left language its groups are joined by no-break spaces: a no-break space is
     * a number separator to the Unicode bidirectional algorithm, so the groups stay one left-to-right
     * number in their own order, where plain spaces would let them be shown last group first. (The
     * isolate and direction marks meant for this are drawn as empty boxes by JavaFX's text layout.)
     */
    public static String inSentence(String machineText, Locale locale) {
        return of(locale) == NodeOrientation.RIGHT_TO_LEFT ? machineText.replace(' ', '\u00a0') : machineText;
    }

    /** Keeps these nodes left to right inside a right-to-left screen. */
    public static void leftToRight(Node... nodes) {
        for (Node n : nodes) {
            n.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        }
    }

    /**
     * Keeps every node under {@code root} styled as machine text (fingerprint, monospace, ltr) left to
     * right. Walks what a freshly loaded screen holds but does not yet show as children: the content
     * of tabs, scroll panes, titled panes and split panes, which their skins add only when shown.
     */
    public static void keepLeftToRight(Node root) {
        if (root == null) {
            return;
        }
        if (root.getStyleClass().stream().anyMatch(MACHINE_TEXT::contains)) {
            leftToRight(root);
        }
        if (root instanceof TabPane tabs) {
            tabs.getTabs().forEach(t -> keepLeftToRight(t.getContent()));
        } else if (root instanceof ScrollPane scroll) {
            keepLeftToRight(scroll.getContent());
        } else if (root instanceof TitledPane titled) {
            keepLeftToRight(titled.getContent());
        } else if (root instanceof SplitPane split) {
            split.getItems().forEach(TextDirection::keepLeftToRight);
        }
        if (root instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(TextDirection::keepLeftToRight);
        }
    }

    /** A column whose cells show machine text (a fingerprint, a hash): its cells stay left to right. */
    public static <S, T> void leftToRightCells(TableColumn<S, T> column) {
        var cells = column.getCellFactory();
        column.setCellFactory(c -> {
            TableCell<S, T> cell = cells.call(c);
            cell.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
            cell.getStyleClass().add("ltr");
            return cell;
        });
    }
}
