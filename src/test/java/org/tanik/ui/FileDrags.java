package org.tanik.ui;

import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/**
 * A real drag-and-drop gesture for headless GUI tests: the robot presses on a stand-in for the
 * file manager, drags across the window and releases over the target, so JavaFX and Monocle run
 * the whole gesture (drag detected, DRAG_OVER on every node passed, the target's acceptance,
 * DRAG_DROPPED, DRAG_DONE) and the window's own handlers see what they see when a person drops
 * files. Monocle delivers a drag only to the window where the mouse was pressed, so the stand-in
 * sits in the target window itself, in a corner, for the length of the gesture.
 */
final class FileDrags {

    /**
     * How the drop went, as the target side saw it (Monocle always reports "moved" to the source,
     * so the source's DRAG_DONE cannot tell). {@code dropped} is null when no DRAG_DROPPED was
     * delivered: no handler accepted the drag.
     */
    record Done(DragEvent dropped) {
        /** Whether the node that accepted the drag completed the drop (setDropCompleted(true)). */
        boolean completed() {
            return dropped != null && dropped.isDropCompleted();
        }

        TransferMode transfer() {
            return dropped == null ? null : dropped.getAcceptedTransferMode();
        }

        /** The node that accepted the drag and received the drop. */
        Object acceptedBy() {
            return dropped == null ? null : dropped.getGestureTarget();
        }

        /** The node the mouse was released over. */
        Node over() {
            return dropped == null ? null : dropped.getPickResult().getIntersectedNode();
        }
    }

    private FileDrags() {
    }

    /** Drags these files from outside the application's controls and drops them on {@code at} (a node's centre). */
    static Done dropFiles(FxRobot robot, Stage stage, Node at, List<Path> files) {
        ClipboardContent content = new ClipboardContent();
        content.putFiles(files.stream().map(Path::toFile).map(File::getAbsoluteFile).toList());
        return drop(robot, stage, at, content);
    }

    /** Drags anything a file manager or another program may offer (text, a link…) and drops it on {@code at}. */
    static Done drop(FxRobot robot, Stage stage, Node at, ClipboardContent content) {
        AtomicBoolean done = new AtomicBoolean();
        // The drop's state (accepted mode, completed) is shared by every copy of the event, so the
        // one seen here tells afterwards what the target's handler did with it.
        AtomicReference<DragEvent> drop = new AtomicReference<>();
        EventHandler<DragEvent> dropped = drop::set;
        Label source = onFx(() -> {
            Pane root = (Pane) stage.getScene().getRoot();
            Label l = new Label("files");
            l.setManaged(false);
            l.resizeRelocate(root.getWidth() - 90, root.getHeight() - 40, 80, 30);
            l.setOnDragDetected(e -> {
                l.startDragAndDrop(TransferMode.COPY, TransferMode.MOVE, TransferMode.LINK).setContent(content);
                e.consume();
            });
            l.setOnDragDone(e -> done.set(true));
            stage.getScene().addEventFilter(DragEvent.DRAG_DROPPED, dropped);
            root.getChildren().add(l);
            return l;
        });
        try {
            Bounds b = onFx(() -> at.localToScreen(at.getBoundsInLocal()));
            robot.drag(source, MouseButton.PRIMARY).dropTo(new Point2D(b.getCenterX(), b.getCenterY()));
            waitUntil(done::get);
            return new Done(drop.get());
        } finally {
            onFx(() -> {
                stage.getScene().removeEventFilter(DragEvent.DRAG_DROPPED, dropped);
                return ((Pane) stage.getScene().getRoot()).getChildren().remove(source);
            });
        }
    }
}
