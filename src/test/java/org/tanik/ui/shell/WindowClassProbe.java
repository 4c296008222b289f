package org.tanik.ui.shell;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Run in a JVM of its own by {@link WindowClassTest}: starts the toolkit as {@link Launcher} does
 * ({@code Platform.startup}, where JavaFX would name the windows "java"), names it, and shows a
 * window titled {@link #TITLE} until the process is ended.
 */
public final class WindowClassProbe {

    static final String TITLE = "window-class-probe";

    private WindowClassProbe() {
    }

    public static void main(String[] args) {
        Platform.startup(() -> {
            WindowClass.apply();
            Stage stage = new Stage();
            stage.setTitle(TITLE);
            stage.setScene(new Scene(new StackPane(), 300, 200));
            stage.show();
        });
    }
}
