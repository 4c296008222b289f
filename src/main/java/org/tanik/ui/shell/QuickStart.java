package org.tanik.ui.shell;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tanik.ui.common.UiText;

/**
 * The quick start's text, from the resource bundle (quickStart.*): the volunteer's steps, then the
 * coordinator's. src/site/markdown/quickstart.md and quickstart_tr.md hold the same sentences; a test
 * compares them.
 */
final class QuickStart {

    /** Steps per part: quickStart.volunteer.1 … and quickStart.coordinator.1 … */
    static final int STEPS = 6;
    static final String[] PARTS = {"volunteer", "coordinator"};

    private QuickStart() {
    }

    static Node content(UiText text) {
        VBox box = new VBox(8, wrapped(text.get("quickStart.intro"), "text-muted"));
        for (String part : PARTS) {
            box.getChildren().add(wrapped(text.get("quickStart." + part + ".heading"), "title-4"));
            for (int i = 1; i <= STEPS; i++) {
                box.getChildren().add(wrapped(i + ". " + text.get("quickStart." + part + "." + i), "quick-start-step"));
            }
        }
        box.getStyleClass().add("quick-start-text");
        return box;
    }

    private static Label wrapped(String s, String styleClass) {
        Label label = new Label(s);
        label.setWrapText(true);
        // Never cut short: the whole sentence takes the lines it needs.
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
