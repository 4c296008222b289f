package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.tanik.config.Settings;
import org.tanik.model.TestimonyContent;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The theme is a setting: dark by default, light, or high contrast; chosen in the Settings dialog,
 * applied at once to the open window and the locked screen, and remembered. In each, every text on
 * screen stands out from what is behind it (tanik.css uses only the theme's colours).
 */
class ThemeTest extends AppTestBase {

    @Override
    void prepare() {
        services.settings().save(new Settings("en", 10));
        vaultWith(TestimonyContent.empty().withTitle("Gözaltı"));
    }

    @Test
    void eachThemeAppliesAtOnceAndEveryTextIsLegible(FxRobot robot) {
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertLegible(robot, "dark, locked");
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> robot.lookup("Gözaltı").tryQuery().isPresent());
        assertLegible(robot, "dark");

        choose(robot, "light");
        waitUntil(() -> new PrimerLight().getUserAgentStylesheet().equals(Application.getUserAgentStylesheet()));
        assertThat(highContrast(stage.getScene())).isFalse();
        assertLegible(robot, "light");
        UiTestSupport.screenshot(stage.getScene(), "theme-light");

        choose(robot, "high-contrast");
        waitUntil(() -> highContrast(stage.getScene()));
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertLegible(robot, "high contrast");
        UiTestSupport.screenshot(stage.getScene(), "theme-high-contrast");
        assertThat(services.settings().load().theme()).isEqualTo("high-contrast");

        // The locked screen has it too.
        robot.clickOn("Vault").clickOn("Lock");
        waitUntil(() -> showing(robot, "#unlockScreen"));
        assertThat(highContrast(stage.getScene())).isTrue();
        assertLegible(robot, "high contrast, locked");
    }

    private void choose(FxRobot robot, String theme) {
        robot.clickOn("Vault").clickOn("Settings…");
        waitUntil(() -> robot.lookup("#theme").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<String> box = robot.lookup("#theme").queryAs(ComboBox.class);
        robot.interact(() -> box.setValue(theme));
        assertThat(robot.lookup(".dialog-pane").queryAs(DialogPane.class)).isNotNull();
        robot.clickOn("Save");
        waitUntil(() -> robot.lookup("#theme").tryQuery().isEmpty());
    }

    private static boolean highContrast(Scene scene) {
        return onFx(() -> scene.getStylesheets().stream().anyMatch(s -> s.endsWith("high-contrast.css")));
    }

    /** Every visible text in the window contrasts with its background at least 3:1 (WCAG for large text and controls). */
    private void assertLegible(FxRobot robot, String where) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> poor = onFx(() -> {
            List<String> out = new ArrayList<>();
            int[] checked = {0};
            visit(stage.getScene().getRoot(), n -> {
                if (n instanceof Text t && t.getText() != null && !t.getText().isBlank() && t.getFill() instanceof Color fg
                        && shown(t)) {
                    checked[0]++;
                    double ratio = contrast(fg, background(t));
                    if (ratio < 3.0) {
                        out.add(String.format("\"%s\" %.2f:1", t.getText(), ratio));
                    }
                }
            });
            if (checked[0] < 5) {
                out.add("only " + checked[0] + " texts found");
            }
            return out;
        });
        assertThat(poor).as(where).isEmpty();
    }

    private static void visit(Node n, java.util.function.Consumer<Node> each) {
        each.accept(n);
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> visit(c, each));
        }
    }

    private static boolean shown(Node n) {
        for (Node a = n; a != null; a = a.getParent()) {
            if (!a.isVisible() || a.getOpacity() == 0) {
                return false;
            }
        }
        return true;
    }

    /** The colour behind a node: the nearest background, blended over what is behind it when translucent. */
    private static Color background(Node n) {
        for (Node a = n.getParent(); a != null; a = a.getParent()) {
            if (a instanceof Region r && r.getBackground() != null) {
                for (int i = r.getBackground().getFills().size() - 1; i >= 0; i--) {
                    BackgroundFill f = r.getBackground().getFills().get(i);
                    if (f.getFill() instanceof Color c && c.getOpacity() > 0) {
                        if (c.getOpacity() >= 1) {
                            return c;
                        }
                        Color under = background(r);
                        double o = c.getOpacity();
                        return new Color(c.getRed() * o + under.getRed() * (1 - o), c.getGreen() * o + under.getGreen() * (1 - o),
                                c.getBlue() * o + under.getBlue() * (1 - o), 1);
                    }
                }
            }
        }
        return n.getScene().getFill() instanceof Color c ? c : Color.WHITE;
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
