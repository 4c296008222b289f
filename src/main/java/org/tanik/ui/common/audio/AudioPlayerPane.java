package org.tanik.ui.common.audio;

import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tanik.audio.AudioOutput;
import org.tanik.audio.Player;
import org.tanik.files.Content;
import org.tanik.model.Marker;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.Shown;
import org.tanik.ui.common.UiText;

/**
 * Plays a WAV recording from a {@link Content} (decrypted as it plays, never written out): play and
 * pause, a position slider that seeks, the time, and the recording's markers (choosing one jumps
 * there). Where the computer has no sound output it says so and still moves through the recording.
 * Keyboard: Space plays or pauses in the slider, the arrow keys move five seconds, Enter on a marker
 * jumps to it. Call {@link #close()} when the pane goes away.
 */
public final class AudioPlayerPane extends VBox {

    private static final double STEP_MILLIS = 5_000;

    private final UiText text;
    private final Button playButton = new Button();
    private final Slider slider = new Slider();
    private final Label time = new Label();
    private final Label message = new Label();
    private final ListView<Marker> markers = new ListView<>();
    private Player player;
    /** True while the slider is moved by the player, so the move is not taken for a seek. */
    private boolean following;
    private boolean closed;

    public AudioPlayerPane(Content content, List<Marker> markerList, UiText text, BackgroundExecutor executor) {
        this(content, markerList, text, executor, AudioOutput.system());
    }

    public AudioPlayerPane(Content content, List<Marker> markerList, UiText text, BackgroundExecutor executor,
                           AudioOutput output) {
        this.text = text;
        getStyleClass().add("audio-player");
        setSpacing(8);
        playButton.setText(text.get("player.play"));
        playButton.setMnemonicParsing(true);
        playButton.getStyleClass().add("player-play");
        playButton.setDisable(true);
        playButton.setOnAction(e -> togglePlay());
        slider.setDisable(true);
        slider.getStyleClass().add("player-position");
        slider.setAccessibleText(text.get("player.position"));
        slider.setBlockIncrement(STEP_MILLIS);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.valueProperty().addListener((o, a, b) -> {
            if (!following && !slider.isValueChanging() && player != null) {
                player.seek(b.longValue());
            }
        });
        slider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now && player != null) {
                player.seek((long) slider.getValue());
            }
        });
        slider.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SPACE) {
                togglePlay();
                e.consume();
            }
        });
        time.getStyleClass().add("player-time");
        message.getStyleClass().add("player-message");
        message.setWrapText(true);
        Shown.set(message, false);
        Label markersLabel = new Label(text.get("player.markers"));
        markersLabel.setMnemonicParsing(true);
        markersLabel.setLabelFor(markers);
        markers.getStyleClass().add("player-markers");
        markers.setCellFactory(v -> new MarkerCell());
        markers.getItems().setAll(markerList);
        markers.setPlaceholder(new Label(text.get("player.noMarkers")));
        markers.setPrefHeight(140);
        markers.setOnMouseClicked(e -> jumpToSelected());
        markers.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                jumpToSelected();
                e.consume();
            }
        });
        HBox controls = new HBox(10, playButton, slider, time);
        controls.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(controls, message, markersLabel, markers);
        time.setText(text.get("player.loading"));

        executor.run(() -> new Player(content, output), this::ready, failure -> {
            time.setText("");
            say(text.error(failure));
        });
    }

    private void ready(Player loaded) {
        if (closed) {
            loaded.close();
            return;
        }
        player = loaded;
        player.setListener(new Player.Listener() {
            @Override
            public void changed(long positionMillis, boolean playing) {
                Platform.runLater(() -> show(positionMillis, playing));
            }

            @Override
            public void failed(Exception failure) {
                Platform.runLater(() -> say(text.error(failure)));
            }
        });
        slider.setMax(Math.max(1, player.durationMillis()));
        slider.setDisable(false);
        if (player.outputAvailable()) {
            playButton.setDisable(false);
        } else {
            say(text.get("player.noOutput"));
        }
        show(0, false);
    }

    private void togglePlay() {
        if (player == null || playButton.isDisabled()) {
            return;
        }
        try {
            if (player.isPlaying()) {
                player.pause();
            } else {
                player.play();
            }
        } catch (RuntimeException e) {
            playButton.setDisable(true);
            say(text.error(e));
        }
    }

    private void jumpToSelected() {
        Marker m = markers.getSelectionModel().getSelectedItem();
        if (m != null && player != null) {
            player.seek(m.atMillis());
        }
    }

    private void show(long positionMillis, boolean playing) {
        if (closed || player == null) {
            return;
        }
        following = true;
        try {
            if (!slider.isValueChanging()) {
                slider.setValue(positionMillis);
            }
        } finally {
            following = false;
        }
        time.setText(text.format("player.time", Elapsed.format(positionMillis), Elapsed.format(player.durationMillis())));
        playButton.setText(text.get(playing ? "player.pause" : "player.play"));
    }

    private void say(String sentence) {
        message.setText(sentence);
        Shown.set(message, true);
    }

    /** Where the player is, in milliseconds (for the screen's tests and for the viewer around it). */
    public long positionMillis() {
        return player == null ? 0 : player.positionMillis();
    }

    /** Stops playing and releases the sound line. */
    public void close() {
        closed = true;
        if (player != null) {
            player.close();
        }
    }
}
