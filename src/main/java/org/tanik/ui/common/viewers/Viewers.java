package org.tanik.ui.common.viewers;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.FlowPane;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.tanik.files.Content;
import org.tanik.model.Attachment;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.UiText;

/**
 * Shows an attachment inside the app, in a window of its own that locking closes: the pane is picked
 * by the media type ({@link MediaKind}), and every pane reads the {@link Content} off the FX thread
 * and keeps what it shows in memory. "Open with another program" is in every viewer window.
 */
public final class Viewers {

    /** Makes the player for audio (the audio feature supplies it; see {@code ui.common.audio}). */
    @FunctionalInterface
    public interface AudioPanes {
        ViewerPane create(Attachment attachment, Content content);
    }

    private final BackgroundExecutor executor;
    private final UiText text;
    private final OpenDialogs dialogs;
    private final OpenElsewhere elsewhere;
    private final AudioPanes audio;

    public Viewers(BackgroundExecutor executor, UiText text, OpenDialogs dialogs, OpenElsewhere elsewhere,
                   AudioPanes audio) {
        this.executor = executor;
        this.text = text;
        this.dialogs = dialogs;
        this.elsewhere = elsewhere;
        this.audio = audio != null ? audio : (a, c) -> notShown("viewer.audioUnavailable");
    }

    /** The pane that shows this attachment. */
    public ViewerPane pane(Attachment attachment, Content content) {
        return switch (MediaKind.of(attachment.mediaType(), attachment.fileName())) {
            case IMAGE -> new ImageViewer(content, executor, text);
            case PDF -> new PdfViewer(content, executor, text);
            case TEXT -> new TextViewer(content, executor, text);
            case AUDIO -> audio.create(attachment, content);
            case VIDEO -> notShown("viewer.video");
            case OTHER -> new NotShown(text.format("viewer.notShown",
                    attachment.mediaType().isEmpty() ? attachment.fileName() : attachment.mediaType()),
                    text.get("viewer.openWithHint"));
        };
    }

    private ViewerPane notShown(String key) {
        return new NotShown(text.get(key), text.get("viewer.openWithHint"));
    }

    /** Opens the viewer window (not modal: the testimony stays usable beside it). */
    public Dialog<ButtonType> show(Window owner, Attachment attachment, Content content) {
        ViewerPane pane = pane(attachment, content);
        ButtonType openWith = new ButtonType(text.get("viewer.openWith"), ButtonData.LEFT);
        ButtonType close = new ButtonType(text.get("button.close"), ButtonData.CANCEL_CLOSE);
        DialogPane dialogPane = new DialogPane();
        dialogPane.getStyleClass().add("viewer");
        dialogPane.setContent(pane.node());
        dialogPane.getButtonTypes().setAll(openWith, close);
        dialogPane.setPrefSize(900, 560);
        String title = attachment.caption().isBlank() ? attachment.fileName() : attachment.caption();
        dialogPane.setHeaderText(title);
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.NONE);
        dialog.setResizable(true);
        dialog.setTitle(text.format("viewer.title", attachment.fileName()));
        dialog.setDialogPane(dialogPane);
        ((Button) dialogPane.lookupButton(openWith)).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            elsewhere.open(dialogPane.getScene().getWindow(), attachment.fileName(), content);
        });
        dialog.setOnHidden(e -> pane.close());
        dialogs.track(dialog);
        dialog.show();
        return dialog;
    }

    /** "Open with another program" without a viewer first (after the same warning). */
    public void openElsewhere(Window owner, Attachment attachment, Content content) {
        elsewhere.open(owner, attachment.fileName(), content);
    }

    static Button button(UiText text, String key, String id, Runnable action) {
        Button b = new Button(text.get(key));
        b.setMnemonicParsing(true);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** The viewer's controls, wrapping to a second line rather than shortening their texts. */
    static FlowPane toolbar(javafx.scene.Node... nodes) {
        FlowPane bar = new FlowPane(8, 6, nodes);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("viewer-toolbar");
        for (javafx.scene.Node n : nodes) {
            if (n instanceof javafx.scene.layout.Region r) {
                r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        return bar;
    }
}
