package org.tanik.ui.common;

import javafx.scene.control.Label;

/** Fingerprints shown to be read aloud: large, monospaced, grouped digits, selectable for copying. */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static Label large(String fingerprint) {
        Label label = new Label(fingerprint);
        label.getStyleClass().add("fingerprint");
        label.setAccessibleText(fingerprint.replace(" ", ", "));
        return label;
    }
}
