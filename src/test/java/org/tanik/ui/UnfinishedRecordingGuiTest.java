package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.tanik.audio.Microphone;
import org.tanik.audio.ScriptedSource;
import org.tanik.audio.SyntheticSource;
import org.tanik.model.Marker;
import org.tanik.model.TestimonyContent;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.testing.MutableClock;
import org.tanik.volunteer.Recordings;
import org.testfx.api.FxRobot;

/**
 * A recording the vault was locked under (as a crash would leave it) is offered at the next unlock;
 * keeping it attaches it. Then, on this machine without a microphone, the recorder says so.
 */
class UnfinishedRecordingGuiTest extends AppTestBase {

    String testimonyId;

    @Override
    void prepare() {
        VaultSession s = services.vaults().create(services.directories().vault(), UiTestSupport.PASSPHRASE.toCharArray());
        ScriptedSource source = new ScriptedSource();
        try (OpenVault vault = new OpenVault(s)) {
            testimonyId = s.testimonies().create(TestimonyContent.empty().withTitle("Interview with B.")).id();
            Recordings.Recording r = new Recordings(vault, new MutableClock(java.time.Instant.now())).start(testimonyId,
                    source);
            source.feed(SyntheticSource.expected(0, 5 * 32_000, ""));
            source.awaitConsumed();
            r.mark("the arrest");
            source.feed(new byte[2]);
            source.awaitConsumed();
        }
        source.close();
    }

    @Test
    void theInterruptedRecordingIsOfferedAndKept(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> showing(robot, ".unfinished-recording"));
        DialogPane offer = robot.lookup(".unfinished-recording").queryAs(DialogPane.class);
        assertThat(offer.getContentText()).contains("\"Interview with B.\"", "0:04 of sound", "one marker");
        UiTestSupport.screenshot(offer.getScene(), "42-interrupted-recording");
        robot.clickOn("Keep it");
        waitUntil(() -> !session().testimonies().latest(testimonyId).content().attachments().isEmpty());
        assertThat(session().testimonies().latest(testimonyId).content().attachments().get(0).markers())
                .as("set after the last whole chunk, the marker stays at the end of what was kept")
                .containsExactly(new Marker(4096, "the arrest"));
        waitUntil(() -> !showing(robot, ".unfinished-recording"));

        assumeFalse(Microphone.available(), "this machine has a microphone");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn("Interview with B.");
        waitUntil(() -> showing(robot, "#editorScreen"));
        robot.clickOn("#recordButton");
        waitUntil(() -> showing(robot, ".recorder-message"));
        assertThat(robot.lookup(".recorder-message").queryAs(Label.class).getText())
                .startsWith("No microphone was found.");
        robot.clickOn(".recorder-start");
        waitUntil(() -> robot.lookup(".recorder-state").queryAs(Label.class).getText()
                .equals("Press Start recording when the witness is ready."));
        assertThat(robot.lookup(".recorder-message").queryAs(Label.class).getText())
                .startsWith("No microphone was found.");
        UiTestSupport.screenshot(robot.lookup(".recorder").query().getScene(), "43-no-microphone");
        robot.clickOn("Close");
    }
}
