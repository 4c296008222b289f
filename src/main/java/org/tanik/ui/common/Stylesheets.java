package org.tanik.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * The theme (AtlantaFX) and Tanik's own stylesheet. Three themes: dark (for dim rooms, the
 * default), light, and high contrast. High contrast is AtlantaFX's Primer Dark, the most legible
 * of its themes here, with a small stylesheet on top: black ground, white text, brighter borders
 * and a thick yellow focus ring.
 *
 * <p>The default "as the system" is dark: JavaFX 21 cannot tell whether the desktop is light or dark
 * (Platform.Preferences arrives in JavaFX 22), and guessing from a GTK theme name would be unreliable.
 *
 * <p>Like JavaFX's own user-agent stylesheet, the theme is one for the whole application: a change
 * restyles every open window at once, the locked screens included.
 */
public final class Stylesheets {

    private static final String APP_CSS = Stylesheets.class.getResource("/org/tanik/ui/tanik.css").toExternalForm();
    private static final String HIGH_CONTRAST_CSS =
            Stylesheets.class.getResource("/org/tanik/ui/high-contrast.css").toExternalForm();
    /** The stylesheets every scene and dialog carries: Tanik's, then the theme's extra one if any. */
    private static volatile List<String> sheets = List.of(APP_CSS);

    private Stylesheets() {
    }

    /**
     * Applies a theme by its settings name ({@code org.tanik.config.Settings.THEMES}; anything else
     * is dark) to the application and to every window already open.
     */
    public static void applyTheme(String theme) {
        Application.setUserAgentStylesheet("light".equals(theme) ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet());
        List<String> chosen = new ArrayList<>(List.of(APP_CSS));
        if ("high-contrast".equals(theme)) {
            chosen.add(HIGH_CONTRAST_CSS);
        }
        sheets = List.copyOf(chosen);
        for (Window w : Window.getWindows()) {
            Scene scene = w.getScene();
            if (scene != null) {
                style(scene);
                if (scene.getRoot() != null && scene.getRoot().getStylesheets().contains(APP_CSS)) {
                    style(scene.getRoot());
                }
            }
        }
    }

    public static void style(Scene scene) {
        scene.getStylesheets().setAll(sheets);
    }

    public static void style(Parent parent) {
        List<String> own = new ArrayList<>(parent.getStylesheets());
        own.removeAll(List.of(APP_CSS, HIGH_CONTRAST_CSS));
        own.addAll(sheets);
        parent.getStylesheets().setAll(own);
    }
}
