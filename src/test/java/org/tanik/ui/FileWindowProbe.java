package org.tanik.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.tanik.ui.common.FxBackgroundExecutor;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.files.InAppFileChoices;

/**
 * Run by {@link RecentFilesTraceTest} in its own JVM on a real X display (GTK, not the headless
 * Monocle of the other tests): opens one file window for saving, titled {@value #TITLE}, and prints
 * what was chosen. {@code system} opens the system's window (the control that shows the trace is
 * there to see), {@code tanik} the app's own. Arguments: system|tanik FOLDER NAME.
 */
public final class FileWindowProbe {

    static final String TITLE = "tanik-file-window-probe";

    private FileWindowProbe() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[1]);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(), 300, 200));
            stage.show();
            Optional<Path> chosen = args[0].equals("system") ? system(stage, folder, args[2])
                    : new InAppFileChoices(() -> new UiText(Locale.ENGLISH), new OpenDialogs(), new FxBackgroundExecutor(),
                            folder).save(stage, TITLE, args[2]);
            System.out.println("CHOSEN " + chosen.map(Path::toString).orElse("nothing"));
            System.out.flush();
            // Gives the desktop's recent-files list (written from an idle callback) time to be written.
            new Thread(() -> {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                Platform.exit();
            }).start();
        });
    }

    private static Optional<Path> system(Stage stage, Path folder, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(TITLE);
        chooser.setInitialDirectory(folder.toFile());
        chooser.setInitialFileName(name);
        return Optional.ofNullable(chooser.showSaveDialog(stage)).map(File::toPath);
    }
}
