package org.tanik.ui.volunteer;

import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.tanik.audio.Capture;
import org.tanik.model.Attachment;
import org.tanik.model.FieldLimits;
import org.tanik.model.Marker;
import org.tanik.model.Testimony;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.Shown;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.audio.AudioPlayerPane;
import org.tanik.ui.common.audio.Elapsed;
import org.tanik.volunteer.Attachments;
import org.tanik.volunteer.Recordings;

/**
 * Records the interview into a testimony: start, pause, resume, stop; the elapsed time and a level
 * meter show the microphone hears; markers are typed and added at the moment they concern. Stopping
 * (or closing the window) saves the recording as an attachment of the testimony, and the window then
 * plays it back. Where no microphone exists the window says so before anything is started.
 */
public final class RecorderDialog {

    private final Recordings recordings;
    private final Attachments attachments;
    private final Capture capture;
    private final BackgroundExecutor executor;
    private final UiText text;
    private final OpenDialogs dialogs;

    public RecorderDialog(Recordings recordings, Attachments attachments, Capture capture, BackgroundExecutor executor,
                          UiText text, OpenDialogs dialogs) {
        this.recordings = recordings;
        this.attachments = attachments;
        this.capture = capture;
        this.executor = executor;
        this.text = text;
        this.dialogs = dialogs;
    }

    /** Shows the recorder for {@code testimony}; {@code onSaved} hears the attachment once it is saved. */
    public void show(Window owner, Testimony testimony, Consumer<Attachment> onSaved) {
        new Session(testimony, onSaved).show(owner);
    }

    /** One showing of the window, around at most one recording. */
    private final class Session {

        private final Testimony testimony;
        private final Consumer<Attachment> onSaved;
        private final Dialog<Void> dialog = new Dialog<>();
        private final Label state = new Label();
        private final Label elapsed = new Label(Elapsed.format(0));
        private final ProgressBar level = new ProgressBar(0);
        private final Label message = new Label();
        private final Button start = new Button(text.get("recorder.start"));
        private final Button pause = new Button(text.get("recorder.pause"));
        private final Button stop = new Button(text.get("recorder.stop"));
        private final TextField marker = new TextField();
        private final Button addMarker = new Button(text.get("recorder.addMarker"));
        private final ListView<Marker> markers = new ListView<>();
        private final Timeline ticker = new Timeline(new KeyFrame(Duration.millis(100), e -> tick()));
        private final VBox content = new VBox(10);
        private Recordings.Recording recording;
        private AudioPlayerPane player;
        /** What only matters while recording: hidden once saved, when the player takes their place. */
        private javafx.scene.Node[] recordingOnly = new javafx.scene.Node[0];
        private boolean saving;

        Session(Testimony testimony, Consumer<Attachment> onSaved) {
            this.testimony = testimony;
            this.onSaved = onSaved;
        }

        void show(Window owner) {
            dialog.setTitle(text.get("recorder.title"));
            dialog.setHeaderText(text.get("recorder.title"));
            dialog.getDialogPane().getStyleClass().add("recorder");
            dialog.getDialogPane().getButtonTypes().add(new ButtonType(text.get("button.close"), ButtonData.CANCEL_CLOSE));
            if (owner != null) {
                dialog.initOwner(owner);
            }

            Label intro = wrapped(text.get("recorder.intro"));
            Label amending = wrapped(text.get("recorder.amending"));
            Shown.set(amending, testimony.isSealed());
            state.getStyleClass().add("recorder-state");
            elapsed.getStyleClass().add("recorder-elapsed");
            level.getStyleClass().add("recorder-level");
            level.setAccessibleText(text.get("recorder.level"));
            level.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(level, Priority.ALWAYS);
            message.getStyleClass().add("recorder-message");
            message.setWrapText(true);
            Shown.set(message, false);
            for (Button b : new Button[] {start, pause, stop, addMarker}) {
                b.setMnemonicParsing(true);
            }
            start.getStyleClass().addAll("recorder-start", "accent");
            pause.getStyleClass().add("recorder-pause");
            stop.getStyleClass().add("recorder-stop");
            addMarker.getStyleClass().add("recorder-add-marker");
            start.setOnAction(e -> start());
            pause.setOnAction(e -> togglePause());
            stop.setOnAction(e -> stop());
            addMarker.setOnAction(e -> addMarker());
            marker.setOnAction(e -> addMarker());
            marker.setPromptText(text.get("recorder.markerPrompt"));
            // No longer than a marker may be, so adding one is never refused for its length.
            marker.setTextFormatter(new javafx.scene.control.TextFormatter<String>(
                    change -> change.getControlNewText().length() <= FieldLimits.SHORT ? change : null));
            marker.getStyleClass().add("recorder-marker");
            HBox.setHgrow(marker, Priority.ALWAYS);
            Label markerLabel = new Label(text.get("recorder.marker"));
            markerLabel.setMnemonicParsing(true);
            markerLabel.setLabelFor(marker);
            Label markersLabel = new Label(text.get("recorder.markers"));
            markersLabel.setLabelFor(markers);
            markers.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(Marker m, boolean empty) {
                    super.updateItem(m, empty);
                    setText(empty || m == null ? null : Elapsed.format(m.atMillis()) + "  " + m.label());
                }
            });
            markers.getStyleClass().add("recorder-markers");
            markers.setPlaceholder(wrapped(text.get("recorder.noMarkers")));
            markers.setPrefHeight(160);

            HBox meter = new HBox(12, elapsed, level);
            meter.setAlignment(Pos.CENTER_LEFT);
            HBox buttons = new HBox(8, start, pause, stop);
            HBox markerRow = new HBox(8, markerLabel, marker, addMarker);
            markerRow.setAlignment(Pos.CENTER_LEFT);
            Label closeKeeps = wrapped(text.get("recorder.closeKeeps"));
            content.getChildren().addAll(intro, amending, state, meter, message, buttons, markerRow, markersLabel,
                    markers, closeKeeps);
            recordingOnly = new javafx.scene.Node[] {buttons, markerRow, markersLabel, markers, closeKeeps};
            content.setPrefWidth(560);
            dialog.getDialogPane().setContent(content);

            ticker.setCycleCount(Timeline.INDEFINITE);
            dialog.setOnHidden(e -> closed());
            show(Phase.READY);
            if (!capture.available()) {
                say(text.error(new org.tanik.error.TanikException(org.tanik.error.Problem.MICROPHONE_MISSING)));
            }
            dialogs.track(dialog);
            start.requestFocus();
            dialog.show();
            start.requestFocus();
        }

        private void start() {
            show(Phase.STARTING);
            Shown.set(message, false);
            executor.run(() -> recordings.start(testimony.id(), capture.open()), r -> {
                recording = r;
                if (!dialog.isShowing()) {
                    closed();
                    return;
                }
                ticker.play();
                show(Phase.RECORDING);
                marker.requestFocus();
            }, failure -> {
                show(Phase.READY);
                say(text.error(failure));
            });
        }

        private void togglePause() {
            if (recording == null) {
                return;
            }
            if (recording.isPaused()) {
                recording.resume();
                show(Phase.RECORDING);
            } else {
                recording.pause();
                show(Phase.PAUSED);
            }
        }

        private void addMarker() {
            String label = marker.getText().strip();
            if (recording == null || saving || label.isEmpty()) {
                return;
            }
            try {
                markers.getItems().add(recording.mark(label));
            } catch (RuntimeException e) {
                say(text.error(e));
                return;
            }
            markers.scrollTo(markers.getItems().size() - 1);
            marker.clear();
        }

        private void stop() {
            if (recording == null || saving) {
                return;
            }
            saving = true;
            ticker.stop();
            tick();
            show(Phase.SAVING);
            Recordings.Recording r = recording;
            executor.run(r::stop, attachment -> {
                show(Phase.SAVED);
                onSaved.accept(attachment);
                listenBack(attachment);
            }, failure -> {
                show(Phase.SAVED);
                state.setText("");
                say(text.error(failure));
            });
        }

        /** The saved recording, to listen to at once: it plays from the vault as any attachment does. */
        private void listenBack(Attachment attachment) {
            executor.run(() -> attachments.content(testimony.id(), attachment.id()), c -> {
                if (!dialog.isShowing()) {
                    return;
                }
                player = new AudioPlayerPane(c, attachment.markers(), text, executor);
                for (javafx.scene.Node n : recordingOnly) {
                    Shown.set(n, false);
                }
                content.getChildren().add(player);
            }, failure -> say(text.error(failure)));
        }

        /** Closing the window (or locking the vault) while recording keeps the recording. */
        private void closed() {
            ticker.stop();
            if (player != null) {
                player.close();
            }
            if (recording != null && !saving) {
                saving = true;
                Recordings.Recording r = recording;
                executor.run(r::stop, onSaved::accept, failure -> { });
            }
        }

        private void tick() {
            if (recording == null) {
                return;
            }
            if (!saving && !recording.isPaused() && recording.isCapturing()) {
                stayAwake();
            }
            elapsed.setText(Elapsed.format(recording.elapsedMillis()));
            level.setProgress(recording.level());
            if (!recording.isCapturing() && !saving) {
                say(text.get("recorder.state.ended"));
            }
        }

        /**
         * A recording in progress counts as activity: the interviewer is there, listening, and an idle
         * lock must not cut an hour-long interview. The idle monitor hears input through filters on
         * each window; an empty key event fired at the dialog's window reaches those filters only (no
         * control). Once paused, the usual idle lock applies again (and saves the recording).
         */
        private void stayAwake() {
            Window window = dialog.getDialogPane().getScene() == null ? null : dialog.getDialogPane().getScene().getWindow();
            if (window != null && window.isShowing()) {
                window.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_RELEASED, "", "",
                        javafx.scene.input.KeyCode.UNDEFINED, false, false, false, false));
            }
        }

        private void show(Phase phase) {
            state.setText(text.get("recorder.state." + phase.key));
            start.setDisable(phase != Phase.READY);
            Shown.set(start, recording == null);
            boolean running = phase == Phase.RECORDING || phase == Phase.PAUSED;
            pause.setDisable(!running);
            pause.setText(text.get(phase == Phase.PAUSED ? "recorder.resume" : "recorder.pause"));
            stop.setDisable(!running);
            marker.setDisable(!running);
            addMarker.setDisable(!running);
            if (phase == Phase.SAVED || phase == Phase.SAVING) {
                level.setProgress(0);
            }
        }

        private void say(String sentence) {
            message.setText(sentence);
            Shown.set(message, true);
        }
    }

    private enum Phase {
        READY("ready"), STARTING("starting"), RECORDING("recording"), PAUSED("paused"), SAVING("saving"),
        SAVED("saved");

        final String key;

        Phase(String key) {
            this.key = key;
        }
    }

    private static Label wrapped(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        return l;
    }
}
