package org.tanik.ui.common;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Fingerprints shown to be read aloud: large, monospaced, grouped digits, selectable for copying. */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static Label large(String fingerprint) {
        Label label = new Label(twoLines(fingerprint));
        label.getStyleClass().add("fingerprint");
        label.setAccessibleText(fingerprint.replace(" ", ", "));
        // Never cut short: a fingerprint compared by phone must be read whole.
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMinWidth(Region.USE_PREF_SIZE);
        // Its groups keep their order in a right-to-left (Arabic) screen.
        TextDirection.leftToRight(label);
        return label;
    }

    /** Six groups read more easily, and fit a small screen, as two lines of three. */
    static String twoLines(String fingerprint) {
        String[] groups = fingerprint.split(" ");
        if (groups.length != 6) {
            return fingerprint;
        }
        return String.join(" ", groups[0], groups[1], groups[2]) + "\n" + String.join(" ", groups[3], groups[4], groups[5]);
    }
}
