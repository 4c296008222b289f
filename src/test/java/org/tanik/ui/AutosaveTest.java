package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.tanik.model.TestimonySummary;
import org.tanik.ui.common.Dates;

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
        waitUntil(() -> robot.lookup("#saveState").queryAs(Label.class).getText().startsWith("Saved at "));

        // The list shows the new title too.
        robot.clickOn("#backButton");
        waitUntil(() -> showing(robot, "#listScreen"));
        assertThat(robot.lookup("Kendiliğinden kaydedildi").tryQuery()).isPresent();
    }

    @Test
    void theIndicatorSaysUnsavedAtOnceThenTheTimeItWasSaved(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> showing(robot, "#editorScreen"));
        TextField title = robot.lookup("#title").queryAs(TextField.class);
        waitUntil(title::isFocused);
        Label state = robot.lookup("#saveState").queryAs(Label.class);
        // Every text the indicator shows, in order: a state passed quickly is not missed.
        List<String> shown = new CopyOnWriteArrayList<>();
        UiTestSupport.onFx(() -> {
            state.textProperty().addListener((o, a, b) -> shown.add(b));
            return null;
        });
        robot.write("Gözaltı");
        waitUntil(() -> state.getText().startsWith("Saved at "));
        assertThat(shown).first().isEqualTo("Unsaved changes");
        TestimonySummary saved = session().testimonies().list().get(0);
        assertThat(saved.title()).isEqualTo("Gözaltı");
        // The time the vault stored it, as the language writes a time of day.
        String at = new Dates(Locale.ENGLISH, ZoneId.systemDefault()).clock(saved.updatedAt());
        assertThat(state.getText()).isEqualTo("Saved at " + at);
    }

    @Test
    void typingWithoutAPauseIsStillSaved(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> showing(robot, "#editorScreen"));
        TextField title = robot.lookup("#title").queryAs(TextField.class);
        waitUntil(title::isFocused);
        // A key every 0.3 s never leaves the 1.5 s pause the autosave waits for; it must save anyway.
        int keys = 0;
        while (keys < 80 && session().testimonies().list().get(0).title().isEmpty()) {
            robot.write("a");
            robot.sleep(300);
            keys++;
        }
        assertThat(keys).as("saved while the typing went on").isLessThan(80);
    }
}
