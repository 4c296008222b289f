package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import javafx.geometry.NodeOrientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.MenuBar;
import org.junit.jupiter.api.Test;
import org.tanik.config.Settings;
import org.testfx.api.FxRobot;

/**
 * Kurmanji and Arabic can be chosen on the locked screen and in Settings, each named in its own
 * language and marked "(review welcome)" in the screen's language; choosing Arabic turns the window
 * and the dialogs right to left at once, and choosing English turns them back.
 */
class LanguageSwitchTest extends AppTestBase {

    @Override
    void prepare() {
        services.settings().save(new Settings("en", 10));
        vaultWith();
    }

    private String link(FxRobot robot, String lang) {
        return robot.lookup("#language-" + lang).queryAs(Hyperlink.class).getText();
    }

    private NodeOrientation window() {
        return stage.getScene().getRoot().getEffectiveNodeOrientation();
    }

    @Test
    @SuppressWarnings("unchecked")
    void arabicTurnsTheWindowAndItsDialogsRightToLeftAndBack(FxRobot robot) {
        waitUntil(() -> showing(robot, "#unlockScreen"));
        assertThat(link(robot, "en")).isEqualTo("English");
        assertThat(link(robot, "tr")).isEqualTo("Türkçe");
        assertThat(link(robot, "ku")).isEqualTo("Kurmancî (review welcome)");
        assertThat(link(robot, "ar")).isEqualTo("العربية (review welcome)");
        assertThat(window()).isEqualTo(NodeOrientation.LEFT_TO_RIGHT);

        robot.clickOn("#language-ar");
        waitUntil(() -> robot.lookup("#unlockButton").tryQuery()
                .map(b -> ((javafx.scene.control.Button) b).getText().replace("_", "").equals("فتح القفل")).orElse(false));
        assertThat(window()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        assertThat(link(robot, "ku")).isEqualTo("Kurmancî (المراجعة مرحّب بها)");
        assertThat(services.settings().load().language()).isEqualTo("ar");
        UiTestSupport.screenshot(stage.getScene(), "unlock-arabic");

        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> robot.lookup("الخزنة").tryQuery().isPresent());
        assertThat(window()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        robot.clickOn("الخزنة").clickOn("الإعدادات…");
        waitUntil(() -> robot.lookup("#language").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getEffectiveNodeOrientation()).as("the settings dialog").isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        assertThat(robot.lookup("#proxy").query().getEffectiveNodeOrientation()).as("the proxy address")
                .isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
        ComboBox<String> language = robot.lookup("#language").queryAs(ComboBox.class);
        assertThat(language.getItems()).containsExactly("", "en", "tr", "ku", "ar");
        assertThat(language.getConverter().toString("ar")).isEqualTo("العربية (المراجعة مرحّب بها)");
        assertThat(language.getConverter().toString("tr")).isEqualTo("Türkçe");
        UiTestSupport.screenshot(pane.getScene(), "settings-arabic");
        robot.interact(() -> language.setValue("en"));
        robot.clickOn("حفظ");

        waitUntil(() -> robot.lookup(".menu-bar").tryQuery()
                .map(m -> ((MenuBar) m).getMenus().get(0).getText().replace("_", "").equals("Testimony")).orElse(false));
        assertThat(window()).isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
    }
}
