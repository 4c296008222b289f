package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Help → Quick start opens from the keyboard (F1) in the volunteer's window, scrolls, and Escape closes it. */
class QuickStartTest extends AppTestBase {

    @Override
    void prepare() {
        vaultWith();
    }

    @Test
    void theQuickStartOpensWithF1AndClosesWithEscape(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        assertThat(stage.getTitle()).isEqualTo("Tanik — volunteer");
        robot.press(KeyCode.F1).release(KeyCode.F1);
        waitUntil(() -> showing(robot, ".quick-start"));
        assertThat(robot.lookup(".quick-start .scroll-pane").tryQuery()).isPresent();
        assertThat(robot.lookup(".quick-start .quick-start-step").queryAllAs(Label.class))
                .hasSize(12)
                .allSatisfy(step -> assertThat(step.isWrapText()).isTrue())
                .anySatisfy(step -> assertThat(step.getText()).startsWith("1. Create your vault"));
        UiTestSupport.screenshot(robot.lookup(".quick-start").query().getScene(), "quick-start");

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> robot.lookup(".quick-start").tryQuery().isEmpty());
        assertThat(showing(robot, "#mainScreen")).isTrue();
    }
}
