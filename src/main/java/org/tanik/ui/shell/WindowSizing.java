package org.tanik.ui.shell;

import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.tanik.config.WindowPlacement;

/**
 * Opens the main window at a size that fits the screen (maximised on a small laptop screen, else
 * a readable size centred), or as it was last left, kept within the screen's visible area; and
 * remembers size, position and maximised state when the window closes.
 */
final class WindowSizing {

    private final Stage stage;
    private final Path file;
    /** The last size and position while not maximised: what un-maximising returns to. */
    private WindowPlacement normal;

    private WindowSizing(Stage stage, Path file) {
        this.stage = stage;
        this.file = file;
    }

    static void place(Stage stage, Path file) {
        // One per stage: a stage started again (the tests reuse theirs) forgets the earlier one.
        if (stage.getProperties().get(WindowSizing.class) instanceof WindowSizing earlier) {
            earlier.detach();
        }
        WindowSizing sizing = new WindowSizing(stage, file);
        stage.getProperties().put(WindowSizing.class, sizing);
        sizing.apply();
    }

    private final javafx.beans.InvalidationListener tracker = o -> track();
    private final javafx.event.EventHandler<WindowEvent> onHiding = e -> remember();

    private void detach() {
        stage.xProperty().removeListener(tracker);
        stage.yProperty().removeListener(tracker);
        stage.widthProperty().removeListener(tracker);
        stage.heightProperty().removeListener(tracker);
        stage.removeEventHandler(WindowEvent.WINDOW_HIDING, onHiding);
    }

    private void apply() {
        WindowPlacement wanted = WindowPlacement.load(file).map(p -> {
            Rectangle2D screen = screenOf(p);
            return p.within(screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight());
        }).orElseGet(() -> {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            return WindowPlacement.initial(screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight());
        });
        normal = wanted;
        stage.setMaximized(false);
        stage.setX(wanted.x());
        stage.setY(wanted.y());
        stage.setWidth(wanted.width());
        stage.setHeight(wanted.height());
        stage.setMaximized(wanted.maximised());
        stage.xProperty().addListener(tracker);
        stage.yProperty().addListener(tracker);
        stage.widthProperty().addListener(tracker);
        stage.heightProperty().addListener(tracker);
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, onHiding);
    }

    /** The visible area of the screen the remembered window was on, else the primary screen's. */
    private static Rectangle2D screenOf(WindowPlacement p) {
        return Screen.getScreensForRectangle(p.x(), p.y(), p.width(), p.height()).stream().findFirst()
                .orElse(Screen.getPrimary()).getVisualBounds();
    }

    private void track() {
        if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
            normal = new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        }
    }

    void remember() {
        try {
            new WindowPlacement(normal.x(), normal.y(), normal.width(), normal.height(), stage.isMaximized())
                    .save(file);
        } catch (RuntimeException e) {
            // Where the window was is not worth a failure on closing; it opens at the default next time.
        }
    }
}
