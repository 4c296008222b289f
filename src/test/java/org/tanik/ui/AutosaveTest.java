package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.tanik.model.TestimonySummary;

class AutosaveTest extends AppTestBase {

    @Override
    void prepare() {
        vaultWith();
    }

    @Test
    void typingIsSavedWithoutPressingAnything(FxRobot robot) throws Exception {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> showing(robot, "#editorScreen"));
        TextField title = robot.lookup("#title").queryAs(TextField.class);
        waitUntil(title::isFocused);
        robot.write("Kendiliğinden kaydedildi");

        // Nothing pressed: the store gets the title shortly after the last keystroke.
        WaitForAsyncUtils.waitFor(6, TimeUnit.SECONDS, () -> session().testimonies().list().stream()
                .map(TestimonySummary::title).anyMatch("Kendiliğinden kaydedildi"::equals));
        waitUntil(() -> "Saved".equals(robot.lookup("#saveState").queryAs(Label.class).getText()));

        // The list shows the new title too.
        robot.clickOn("#backButton");
        waitUntil(() -> showing(robot, "#listScreen"));
        assertThat(robot.lookup("Kendiliğinden kaydedildi").tryQuery()).isPresent();
    }
}
