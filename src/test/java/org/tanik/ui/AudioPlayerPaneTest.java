package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tanik.audio.AudioOutput;
import org.tanik.audio.BytesContent;
import org.tanik.audio.CollectingOutput;
import org.tanik.audio.PcmFormat;
import org.tanik.audio.SyntheticSource;
import org.tanik.audio.Wav;
import org.tanik.model.Marker;
import org.tanik.ui.common.DirectExecutor;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.audio.AudioPlayerPane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The player pane over a WAV in memory: markers jump, the slider seeks, and no sound output is said plainly. */
@ExtendWith(ApplicationExtension.class)
class AudioPlayerPaneTest {

    static final byte[] PCM = SyntheticSource.expected(0, (int) PcmFormat.RECORDING.offset(3000), "");
    static final List<Marker> MARKERS = List.of(new Marker(1250, "witness describes the detention"),
            new Marker(2500, "release"));

    Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        s.setScene(new Scene(new StackPane(), 640, 400));
        s.show();
    }

    AudioPlayerPane show(FxRobot robot, AudioOutput output) {
        byte[] wav = new byte[44 + PCM.length];
        System.arraycopy(Wav.header(PcmFormat.RECORDING, PCM.length), 0, wav, 0, 44);
        System.arraycopy(PCM, 0, wav, 44, PCM.length);
        AudioPlayerPane[] pane = new AudioPlayerPane[1];
        robot.interact(() -> {
            pane[0] = new AudioPlayerPane(new BytesContent(wav), MARKERS, new UiText(Locale.ENGLISH),
                    new DirectExecutor(), output);
            ((StackPane) stage.getScene().getRoot()).getChildren().setAll(pane[0]);
        });
        return pane[0];
    }

    @Test
    void withoutASoundOutputItSaysSoAndStillJumpsToMarkers(FxRobot robot) {
        AudioPlayerPane pane = show(robot, CollectingOutput.none());
        assertThat(robot.lookup(".player-message").queryAs(Label.class).getText())
                .contains("no sound output");
        assertThat(robot.lookup(".player-play").queryAs(Button.class).isDisabled()).isTrue();
        Label time = robot.lookup(".player-time").queryAs(Label.class);
        assertThat(time.getText()).isEqualTo("0:00 / 0:03");

        robot.clickOn("0:01  witness describes the detention");
        assertThat(pane.positionMillis()).isEqualTo(1250);
        assertThat(time.getText()).isEqualTo("0:01 / 0:03");
        assertThat(robot.lookup(".player-position").queryAs(Slider.class).getValue()).isEqualTo(1250);

        // The keyboard: down to the second marker and Enter; then the slider's arrow keys move 5 s (to the end).
        robot.type(KeyCode.DOWN, KeyCode.ENTER);
        assertThat(pane.positionMillis()).isEqualTo(2500);
        robot.clickOn(".player-position");
        robot.interact(() -> robot.lookup(".player-position").query().requestFocus());
        robot.type(KeyCode.LEFT);
        waitUntil(() -> pane.positionMillis() < 2500);
        UiTestSupport.screenshot(stage.getScene(), "audio-player-no-output");
        robot.interact(pane::close);
    }

    @Test
    void playsToTheEndFromAMarker(FxRobot robot) {
        CollectingOutput output = new CollectingOutput();
        AudioPlayerPane pane = show(robot, output);
        Button play = robot.lookup(".player-play").queryAs(Button.class);
        assertThat(play.isDisabled()).isFalse();
        robot.clickOn("0:02  release");
        robot.clickOn(play);
        waitUntil(() -> pane.positionMillis() == 3000 && play.getText().equals("_Play"));
        assertThat(output.played()).isEqualTo(java.util.Arrays.copyOfRange(PCM, 80_000, PCM.length));
        assertThat(robot.lookup(".player-time").queryAs(Label.class).getText()).isEqualTo("0:03 / 0:03");
        robot.interact(pane::close);
    }
}
