package org.tanik.ui.common;

import atlantafx.base.theme.PrimerDark;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;

/** The theme (AtlantaFX, dark for dim rooms) and Tanik's one stylesheet. */
public final class Stylesheets {

    private static final String APP_CSS = Stylesheets.class.getResource("/org/tanik/ui/tanik.css").toExternalForm();

    private Stylesheets() {
    }

    public static void applyTheme() {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
    }

    public static void style(Scene scene) {
        scene.getStylesheets().setAll(APP_CSS);
    }

    public static void style(Parent parent) {
        if (!parent.getStylesheets().contains(APP_CSS)) {
            parent.getStylesheets().add(APP_CSS);
        }
    }
}
