package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import javafx.scene.control.Label;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tanik.audio.Capture;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.store.VaultSession;
import org.tanik.ui.shell.ShellProbe;
import org.tanik.ui.shell.UiCompositionRoot;
import org.testfx.api.FxRobot;

/**
 * A recording in progress keeps the idle lock away (an interview runs for an hour without a key
 * pressed); once paused, the idle lock comes, and locking saves the recording rather than losing it.
 */
class RecordingIdleTest extends AppTestBase {

    Testimony stored;

    @Override
    void prepare() {
        System.setProperty(Capture.PROPERTY, "synthetic");
        stored = vaultWith(TestimonyContent.empty().withTitle("Long interview"))[0];
    }

    @Override
    UiCompositionRoot configure(UiCompositionRoot fresh) {
        // Long enough for the steps before the recording on a loaded machine.
        return ShellProbe.idleTimeout(fresh, Duration.seconds(6));
    }

    @AfterEach
    void microphoneAgain() {
        System.clearProperty(Capture.PROPERTY);
    }

    @Test
    void recordingHoldsOffTheIdleLockAndTheLockSavesIt(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        javafx.scene.control.TableView<?> table = robot.lookup(".testimony-table").queryAs(javafx.scene.control.TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        robot.doubleClickOn("Long interview");
        waitUntil(() -> showing(robot, "#editorScreen"));
        robot.clickOn("#recordButton");
        waitUntil(() -> showing(robot, ".recorder"));
        robot.clickOn(".recorder-start");
        Label state = robot.lookup(".recorder-state").queryAs(Label.class);
        waitUntil(() -> state.getText().equals("Recording"));
        Label elapsed = robot.lookup(".recorder-elapsed").queryAs(Label.class);
        // Twice the idle time with no input: still unlocked, still recording. (On a loaded machine the
        // recorder may catch up by more than a second between two looks: at least, not exactly.)
        for (int second : new int[] {5, 10, 13}) {
            waitUntil(() -> seconds(elapsed.getText()) >= second);
        }
        assertThat(showing(robot, ".recorder")).isTrue();
        assertThat(ShellProbe.vault(root)).isPresent();
        assertThat(showing(robot, "#unlockScreen")).isFalse();

        robot.clickOn(".recorder-pause");
        waitUntil(() -> showing(robot, "#unlockScreen"));
        assertThat(ShellProbe.vault(root)).isEmpty();
        try (VaultSession s = services.vaults().open(services.directories().vault(),
                UiTestSupport.PASSPHRASE.toCharArray())) {
            assertThat(s.testimonies().latest(stored.id()).content().attachments()).hasSize(1);
            assertThat(s.testimonies().latest(stored.id()).content().attachments().get(0).size())
                    .isGreaterThan(44 + 8 * 32_000);
        }
    }

    private static int seconds(String shown) {
        String[] parts = shown.split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }
}
