package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.ui.common.FxBackgroundExecutor;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.files.InAppFileChoices;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Tanik's own file window, driven by keyboard as a user would: into a folder, choose, save with a
 * name, confirm replacing, cancel. It writes nothing anywhere (the system's windows record the choice
 * in recent-files lists, which is why the app does not use them; ArchitectureTest keeps it so).
 */
@ExtendWith(ApplicationExtension.class)
class FileWindowTest {

    @TempDir
    Path home;

    Window owner;
    InAppFileChoices files;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 900, 650));
        stage.show();
        owner = stage;
    }

    @BeforeEach
    void folders() throws IOException {
        Files.createDirectories(home.resolve("usb-stick/bundles"));
        Files.writeString(home.resolve("usb-stick/bundles/tanik-2026-12-05.tanik"), "bundle");
        Files.writeString(home.resolve("usb-stick/bundles/tanik-2026-12-04.tanik"), "bundle");
        Files.writeString(home.resolve("usb-stick/bundles/notes.txt"), "not a bundle");
        Files.writeString(home.resolve("usb-stick/.hidden.tanik"), "hidden");
        files = new InAppFileChoices(() -> new UiText(Locale.ENGLISH), new OpenDialogs(), new FxBackgroundExecutor(),
                home);
    }

    @Test
    void opensAFileByKeyboardShowingOnlyFoldersAndMatchingFiles(FxRobot robot) throws Exception {
        Map<String, String> before = tree(home);
        CompletableFuture<Optional<Path>> chosen = ask(w -> files.open(w, "Open an invitation", "Tanik bundles",
                List.of("*.tanik")));
        TableView<?> table = table(robot);
        waitUntil(() -> names(table).equals(List.of("usb-stick/")));
        robot.type(KeyCode.ENTER);
        // Hidden files are left out, as in the system's windows.
        waitUntil(() -> names(table).equals(List.of("bundles/")));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> names(table).equals(List.of("tanik-2026-12-04.tanik", "tanik-2026-12-05.tanik")));
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);

        assertThat(chosen.get(10, TimeUnit.SECONDS)).contains(home.resolve("usb-stick/bundles/tanik-2026-12-05.tanik"));
        assertThat(tree(home)).isEqualTo(before);
    }

    @Test
    void goesUpWithBackspaceAndCancelsWithEscape(FxRobot robot) throws Exception {
        CompletableFuture<Optional<Path>> chosen = ask(w -> files.open(w, "Open", "Tanik bundles", List.of("*.tanik")));
        TableView<?> table = table(robot);
        waitUntil(() -> names(table).equals(List.of("usb-stick/")));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> names(table).equals(List.of("bundles/")));
        robot.type(KeyCode.BACK_SPACE);
        waitUntil(() -> names(table).equals(List.of("usb-stick/")));
        robot.type(KeyCode.ESCAPE);
        assertThat(chosen.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void savesUnderATypedNameAndAsksBeforeReplacing(FxRobot robot) throws Exception {
        Path folder = home.resolve("usb-stick/bundles");
        CompletableFuture<Optional<Path>> first = ask(w -> files.save(w, "Save the bundle", "tanik-2026-12-05.tanik"));
        waitUntil(() -> robot.lookup(".file-window .file-name").tryQuery().map(n -> n.isFocused()).orElse(false));
        TableView<?> table = table(robot);
        waitUntil(() -> names(table).equals(List.of("usb-stick/")));
        // Into the folder with the keyboard; the listing does not replace the proposed name.
        robot.interact(table::requestFocus);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> names(table).equals(List.of("bundles/")));
        robot.type(KeyCode.ENTER);
        // A file window for saving shows every file, so the user sees what a name would replace.
        waitUntil(() -> names(table).equals(List.of("notes.txt", "tanik-2026-12-04.tanik", "tanik-2026-12-05.tanik")));
        assertThat(robot.lookup(".file-window .file-name").queryTextInputControl().getText())
                .isEqualTo("tanik-2026-12-05.tanik");
        robot.type(KeyCode.DOWN);
        // Choosing an existing file proposes its name; replacing it must be confirmed.
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("Replace").tryQuery().isPresent());
        assertThat(messages(robot)).anyMatch(t -> t.contains("tanik-2026-12-04.tanik already exists"));
        robot.type(KeyCode.ESCAPE); // declines, and keeps the file window open
        waitUntil(() -> robot.lookup("Replace").tryQuery().isEmpty());
        assertThat(first).isNotDone();
        robot.interact(() -> robot.lookup(".file-window .file-name").queryTextInputControl().setText("new-name.tanik"));
        robot.clickOn("Save");

        assertThat(first.get(10, TimeUnit.SECONDS)).contains(folder.resolve("new-name.tanik"));
        // The window chose a path; it wrote nothing.
        assertThat(folder.resolve("new-name.tanik")).doesNotExist();
    }

    @Test
    void refusesANameWithASlash(FxRobot robot) throws Exception {
        CompletableFuture<Optional<Path>> chosen = ask(w -> files.save(w, "Save the bundle", "../escape.tanik"));
        waitUntil(() -> robot.lookup(".file-window").tryQuery().isPresent());
        robot.clickOn("Save");
        waitUntil(() -> messages(robot).stream().anyMatch(t -> t.startsWith("Type a file name without")));
        robot.type(KeyCode.ESCAPE);
        assertThat(chosen).isNotDone();
        robot.interact(() -> robot.lookup(".file-window .file-name").queryTextInputControl().setText("ok.tanik"));
        robot.clickOn("Save");
        assertThat(chosen.get(10, TimeUnit.SECONDS)).contains(home.resolve("ok.tanik"));
    }

    @Test
    void startsNextTimeInTheFolderOfTheLastChoice(FxRobot robot) throws Exception {
        Path folder = home.resolve("usb-stick/bundles");
        CompletableFuture<Optional<Path>> first = ask(w -> files.save(w, "Save", "a.tanik"));
        TableView<?> table = table(robot);
        waitUntil(() -> names(table).equals(List.of("usb-stick/")));
        robot.interact(table::requestFocus);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> names(table).equals(List.of("bundles/")));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> names(table).size() == 3);
        robot.interact(() -> robot.lookup(".file-window .file-name").queryTextInputControl().setText("a.tanik"));
        robot.clickOn("Save");
        assertThat(first.get(10, TimeUnit.SECONDS)).contains(folder.resolve("a.tanik"));

        CompletableFuture<List<Path>> second = ask(w -> files.openMany(w, "Import", "Tanik bundles", List.of("*.tanik")));
        TableView<?> again = table(robot);
        waitUntil(() -> names(again).equals(List.of("tanik-2026-12-04.tanik", "tanik-2026-12-05.tanik")));
        robot.interact(() -> again.getSelectionModel().selectAll());
        robot.clickOn("Open");
        assertThat(second.get(10, TimeUnit.SECONDS)).containsExactly(folder.resolve("tanik-2026-12-04.tanik"),
                folder.resolve("tanik-2026-12-05.tanik"));
    }

    private <T> CompletableFuture<T> ask(Function<Window, T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(question.apply(owner));
            } catch (RuntimeException | Error failure) {
                answer.completeExceptionally(failure);
            }
        });
        return answer;
    }

    /** The texts of the message boxes on display. */
    private static List<String> messages(FxRobot robot) {
        return robot.lookup(".dialog-pane .content").queryAll().stream()
                .filter(Label.class::isInstance).map(n -> ((Label) n).getText()).toList();
    }

    private static TableView<?> table(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> robot.lookup(".file-window .file-table").tryQuery().isPresent());
        return robot.lookup(".file-window .file-table").queryAs(TableView.class);
    }

    private static List<String> names(TableView<?> table) {
        List<String> shown = new java.util.ArrayList<>();
        for (int row = 0; row < table.getItems().size(); row++) {
            shown.add(String.valueOf(table.getColumns().get(0).getCellData(row)));
        }
        return shown;
    }

    /** Every file under {@code root} with its content, to show the window changed nothing. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }
}
