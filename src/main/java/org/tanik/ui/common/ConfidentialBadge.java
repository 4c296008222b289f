package org.tanik.ui.common;

import javafx.scene.control.Label;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;

/** A small padlock and "Confidential" beside fields that identify a person (exports redact them). */
public final class ConfidentialBadge {

    private static final String PADLOCK = "M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7h1zM6 7h4V5a2 2 0 0 0-4 0v2z";

    private ConfidentialBadge() {
    }

    public static Label create(UiText text) {
        Label label = new Label(text.get("confidential"), padlock());
        label.getStyleClass().add("confidential");
        return label;
    }

    public static SVGPath padlock() {
        SVGPath icon = new SVGPath();
        icon.setContent(PADLOCK);
        icon.setFillRule(FillRule.EVEN_ODD);
        icon.getStyleClass().add("padlock");
        return icon;
    }
}
