package org.tanik.ui.volunteer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tanik.model.Attachment;
import org.tanik.model.Marker;
import org.tanik.ui.common.Shown;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.audio.Elapsed;

/**
 * The markers of the testimony's recordings, listed beside the narrative so that the interviewer
 * writing it up finds the moment in the audio ("0:12:40 witness describes the detention"). Opening
 * one (double click or Enter) plays its recording, where the marker list jumps to it. Hidden while
 * no recording has a marker.
 */
final class RecordingMarkers {

    /** One marker and the recording that holds it. */
    record Row(Attachment recording, Marker marker) {
    }

    private final VBox box = new VBox(6);
    private final ListView<Row> list = new ListView<>();

    RecordingMarkers(UiText text, ObjectProperty<List<Attachment>> attachments, Consumer<Attachment> play) {
        Label title = new Label(text.get("narrative.markers"));
        title.getStyleClass().add("field-label");
        title.setLabelFor(list);
        Label hint = new Label(text.get("narrative.markersHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        list.getStyleClass().add("narrative-markers");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null
                        : Elapsed.format(row.marker().atMillis()) + "  " + row.marker().label());
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                open(play);
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open(play);
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        box.getChildren().setAll(title, list, hint);
        box.getStyleClass().add("narrative-markers-box");
        box.setPrefWidth(280);
        box.setMinWidth(220);
        attachments.addListener((o, a, b) -> show(b));
        show(attachments.get());
    }

    Node node() {
        return box;
    }

    private void open(Consumer<Attachment> play) {
        Row row = list.getSelectionModel().getSelectedItem();
        if (row != null) {
            play.accept(row.recording());
        }
    }

    private void show(List<Attachment> attachments) {
        List<Row> rows = new ArrayList<>();
        for (Attachment a : attachments == null ? List.<Attachment>of() : attachments) {
            for (Marker m : a.markers()) {
                rows.add(new Row(a, m));
            }
        }
        list.getItems().setAll(rows);
        Shown.set(box, !rows.isEmpty());
    }
}
