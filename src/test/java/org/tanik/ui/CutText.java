package org.tanik.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

/**
 * Finds text the user cannot read whole: a label, button, tab, column header or cell whose skin
 * shows less than its text (an ellipsis), and a prompt text wider than its field. A table or list
 * cell (user-entered text) may be elided when its tooltip carries the whole text.
 */
final class CutText {

    /** One cut text, as the failure lists it. */
    record Cut(String screen, String node, String full, String shown) {
        @Override
        public String toString() {
            return screen + " / " + node + " / \"" + full + "\" / shown \"" + shown + "\"";
        }
    }

    private CutText() {
    }

    /** The cut texts under root; call on the FX thread after layout. */
    static List<Cut> find(String screen, Parent root) {
        List<Cut> cuts = new ArrayList<>();
        walk(screen, root, cuts);
        return cuts;
    }

    /** How many labelled nodes were looked at, so a visit that finds nothing to check can fail. */
    static int checked(Parent root) {
        int[] n = {0};
        count(root, n);
        return n[0];
    }

    private static void count(Node node, int[] n) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            n[0]++;
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                count(child, n);
            }
        }
    }

    private static void walk(String screen, Node node, List<Cut> cuts) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled) {
            check(screen, labeled, cuts);
            offWindow(screen, labeled, cuts);
        }
        if (node instanceof TextInputControl field) {
            checkPrompt(screen, field, cuts);
        }
        // A form that scrolls sideways hides the end of its lines: a horizontal bar of a ScrollPane.
        if (node instanceof javafx.scene.control.ScrollBar bar && bar.getParent() instanceof javafx.scene.control.ScrollPane pane
                && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
            cuts.add(new Cut(screen, name(pane), "(a form)", "scrolls sideways"));
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(screen, child, cuts);
            }
        }
    }

    private static void check(String screen, Labeled labeled, List<Cut> cuts) {
        String text = labeled.getText();
        if (text == null || text.isBlank()) {
            return;
        }
        String full = labeled.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
        String shown = shownText(labeled);
        if (shown == null || sameText(full, shown)) {
            return;
        }
        if (labeled instanceof IndexedCell<?> && labeled.getTooltip() != null
                && full.equals(labeled.getTooltip().getText())) {
            return;
        }
        cuts.add(new Cut(screen, name(labeled), full, shown));
    }

    /** A wrapped text is shown with its line breaks in other places; only dropped characters count. */
    private static boolean sameText(String full, String shown) {
        return full.replaceAll("\\s+", "").equals(shown.replaceAll("\\s+", ""));
    }

    /** The text the skin draws: the LabeledText child (null while the label shows a graphic only). */
    private static String shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                return t.isVisible() ? t.getText() : "";
            }
        }
        return null;
    }

    /** A whole text pushed past the window's right edge is as unreadable as a cut one. */
    private static void offWindow(String screen, Labeled labeled, List<Cut> cuts) {
        if (labeled.getScene() == null || labeled.getText() == null || labeled.getText().isBlank()) {
            return;
        }
        for (Node up = labeled.getParent(); up != null; up = up.getParent()) {
            // Scrolled or clipped containers show the rest when scrolled.
            if (up instanceof javafx.scene.control.ScrollPane || up instanceof javafx.scene.control.TableView<?>
                    || up instanceof javafx.scene.control.ListView<?>) {
                return;
            }
        }
        double right = labeled.localToScene(labeled.getLayoutBounds()).getMaxX();
        double width = labeled.getScene().getWidth();
        if (right > width + 1) {
            cuts.add(new Cut(screen, name(labeled), labeled.getText(),
                    "(ends at " + Math.round(right) + " px in a " + Math.round(width) + " px window)"));
        }
    }

    private static void checkPrompt(String screen, TextInputControl field, List<Cut> cuts) {
        String prompt = field.getPromptText();
        if (prompt == null || prompt.isBlank() || !field.getText().isEmpty() || field.getWidth() <= 0) {
            return;
        }
        Text measure = new Text(prompt);
        measure.setFont(field.getFont());
        double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
        if (!(field instanceof javafx.scene.control.TextArea) && measure.getLayoutBounds().getWidth() > room + 0.5) {
            cuts.add(new Cut(screen, name(field) + " (prompt)", prompt,
                    "(" + Math.round(measure.getLayoutBounds().getWidth()) + " px in " + Math.round(room) + " px)"));
        }
    }

    private static String name(Node node) {
        String id = node.getId() != null ? "#" + node.getId() : node.getClass().getSimpleName();
        Node parent = node.getParent();
        for (int i = 0; i < 6 && parent != null; i++, parent = parent.getParent()) {
            if (parent.getId() != null) {
                return "#" + parent.getId() + " > " + id;
            }
        }
        return id;
    }
}
