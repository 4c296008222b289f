package org.tanik.ui.common;

import java.util.Locale;
import java.util.Set;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

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
     * Machine text placed inside a sentence (a fingerprint in "This device fingerprint: {0}"): wrapped
     * in a left-to-right isolate (U+2066 … U+2069), so that in an Arabic sentence its digit groups keep
     * their order. Only for text Tanik made itself; someone else's text goes through DisplayText.
     */
    public static String isolatedLeftToRight(String machineText) {
        return "\u2066" + machineText + "\u2069";
    }

    /** Keeps these nodes left to right inside a right-to-left screen. */
    public static void leftToRight(Node... nodes) {
        for (Node n : nodes) {
            n.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        }
    }

    /** Keeps every node of {@code root} styled as machine text (fingerprint, monospace, ltr) left to right. */
    public static void keepLeftToRight(Parent root) {
        if (root.getStyleClass().stream().anyMatch(MACHINE_TEXT::contains)) {
            leftToRight(root);
        }
        for (Node n : root.lookupAll("*")) {
            if (n.getStyleClass().stream().anyMatch(MACHINE_TEXT::contains)) {
                leftToRight(n);
            }
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
