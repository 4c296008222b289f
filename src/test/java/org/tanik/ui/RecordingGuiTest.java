package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tanik.audio.AudioOutput;
import org.tanik.audio.Capture;
import org.tanik.audio.PcmFormat;
import org.tanik.model.Attachment;
import org.tanik.model.Marker;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.ui.common.audio.AudioPlayerPane;
import org.testfx.api.FxRobot;

/**
 * The interviewer records from the editor (the synthetic voice stands in for the microphone), adds
 * a marker, stops, and plays the recording back; without a sound output the player says so and
 * still jumps to the marker.
 */
class RecordingGuiTest extends AppTestBase {

    Testimony stored;

    @Override
    void prepare() {
        System.setProperty(Capture.PROPERTY, "synthetic");
        stored = vaultWith(TestimonyContent.empty().withTitle("Interview with A."))[0];
    }

    @AfterEach
    void microphoneAgain() {
        System.clearProperty(Capture.PROPERTY);
    }

    @Test
    void recordAddAMarkerStopAndPlayBack(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        javafx.scene.control.TableView<?> table = robot.lookup(".testimony-table").queryAs(javafx.scene.control.TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        robot.doubleClickOn("Interview with A.");
        waitUntil(() -> showing(robot, "#editorScreen"));
        robot.clickOn("#recordButton");
        waitUntil(() -> showing(robot, ".recorder"));
        Label state = robot.lookup(".recorder-state").queryAs(Label.class);
        assertThat(state.getText()).isEqualTo("Press Start recording when the witness is ready.");
        assertThat(robot.lookup(".recorder-stop").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn(".recorder-start");
        waitUntil(() -> state.getText().equals("Recording"));
        Label elapsed = robot.lookup(".recorder-elapsed").queryAs(Label.class);
        ProgressBar level = robot.lookup(".recorder-level").queryAs(ProgressBar.class);
        waitUntil(() -> !elapsed.getText().equals("0:00") && level.getProgress() > 0);
        robot.clickOn(".recorder-marker").write("witness describes the detention").type(KeyCode.ENTER);
        ListView<?> markers = robot.lookup(".recorder-markers").queryAs(ListView.class);
        waitUntil(() -> markers.getItems().size() == 1);
        UiTestSupport.screenshot(robot.lookup(".recorder").query().getScene(), "40-recording");

        robot.clickOn(".recorder-stop");
        waitUntil(() -> state.getText().startsWith("Saved"));
        List<Attachment> attachments = session().testimonies().latest(stored.id()).content().attachments();
        assertThat(attachments).hasSize(1);
        Attachment a = attachments.get(0);
        assertThat(a.mediaType()).isEqualTo("audio/wav");
        assertThat(a.markers()).extracting(Marker::label).containsExactly("witness describes the detention");
        long at = a.markers().get(0).atMillis();
        assertThat(at).isGreaterThanOrEqualTo(1000);

        // Played back in the same window.
        waitUntil(() -> showing(robot, ".audio-player") && !robot.lookup(".player-time").queryAs(Label.class)
                .getText().equals("Opening the recording…"));
        AudioPlayerPane player = robot.lookup(".audio-player").queryAs(AudioPlayerPane.class);
        Label time = robot.lookup(".player-time").queryAs(Label.class);
        long duration = PcmFormat.RECORDING.millis(a.size() - 44);
        assertThat(time.getText()).endsWith(" / " + org.tanik.ui.common.audio.Elapsed.format(duration));
        if (!AudioOutput.system().available(PcmFormat.RECORDING)) {
            assertThat(robot.lookup(".player-message").queryAs(Label.class).getText()).contains("no sound output");
            assertThat(robot.lookup(".player-play").queryAs(Button.class).isDisabled()).isTrue();
        }
        // The markers list fills after the player has read the recording: wait for a filled cell.
        waitUntil(() -> markerShown(robot, ".player-markers .list-cell"));
        Node cell = robot.lookup(".player-markers .list-cell").nth(0).query();
        robot.clickOn(cell);
        waitUntil(() -> player.positionMillis() == at);
        assertThat(time.getText()).startsWith(org.tanik.ui.common.audio.Elapsed.format(at) + " / ");
        UiTestSupport.screenshot(robot.lookup(".recorder").query().getScene(), "41-recording-played-back");

        robot.clickOn("Close");
        waitUntil(() -> !showing(robot, ".recorder"));
        // The editor shows the draft that holds the recording.
        assertThat(session().testimonies().latest(stored.id()).version()).isEqualTo(1);

        // The marker is listed beside the narrative, and opening it plays the recording in a viewer.
        robot.clickOn("Narrative");
        ListView<?> beside = robot.lookup(".narrative-markers").queryAs(ListView.class);
        waitUntil(() -> beside.getItems().size() == 1);
        Node row = robot.lookup(".narrative-markers .list-cell").nth(0).query();
        assertThat(((javafx.scene.control.ListCell<?>) row).getText())
                .isEqualTo(org.tanik.ui.common.audio.Elapsed.format(at) + "  witness describes the detention");
        robot.clickOn(row).type(KeyCode.ENTER);
        waitUntil(() -> showing(robot, ".viewer .audio-player"));
        AudioPlayerPane viewerPlayer = robot.lookup(".viewer .audio-player").queryAs(AudioPlayerPane.class);
        waitUntil(() -> markerShown(robot, ".viewer .player-markers .list-cell"));
        Node viewerMarker = robot.lookup(".viewer .player-markers .list-cell").nth(0).query();
        robot.clickOn(viewerMarker);
        waitUntil(() -> viewerPlayer.positionMillis() == at);
    }

    private static boolean markerShown(FxRobot robot, String cells) {
        return robot.lookup(cells).queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getItem() != null && c.isVisible());
    }
}
