package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.tanik.ui.shell.ShellProbe;
import org.testfx.api.FxRobot;

/**
 * What is typed in the GUI never reaches a file in plaintext: not in the vault home, not in a
 * temporary file. Markers with Turkish letters are searched for in UTF-8, UTF-16LE and UTF-16BE.
 */
class PlaintextLeakTest extends AppTestBase {

    static final String TITLE = "Başlıkİşareti ğüşı QX7KZ";
    static final String NARRATIVE = "AnlatıİzŞğ çok gizli QX8KZ";
    static final String VICTIM = "Kurbanİğşı Adı QX9KZ";
    static final Charset[] ENCODINGS = {StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE};

    Map<Path, Long> tmpBefore;

    @Override
    void prepare() {
        tmpBefore = snapshot(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Test
    void typedTextIsNotFoundInAnyFileAfterLocking(FxRobot robot) throws IOException {
        // Also exercises the create screen typed through the keyboard.
        waitUntil(() -> showing(robot, "#firstRunScreen"));
        robot.clickOn("#volunteerChoice");
        waitUntil(() -> showing(robot, "#createVaultScreen"));
        UiTestSupport.typePassphrase(robot, "#passphrase", UiTestSupport.PASSPHRASE);
        UiTestSupport.typePassphrase(robot, "#repeat", UiTestSupport.PASSPHRASE);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> showing(robot, "#mainScreen"));

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> showing(robot, "#editorScreen"));
        waitUntil(() -> robot.lookup("#title").queryAs(TextField.class).isFocused());
        robot.write(TITLE);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(3));
        robot.clickOn("#narrative").write(NARRATIVE);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        robot.clickOn(robot.lookup(".incidents > .add-button").queryButton());
        robot.clickOn(robot.lookup(".victims > .add-button").queryButton());
        waitUntil(() -> robot.lookup(".person-row .text-field").queryAs(TextField.class).isFocused());
        robot.write(VICTIM);
        // Let an autosave happen too, so that both paths (autosave and save-on-lock) are covered.
        waitUntil(() -> session().testimonies().list().stream().anyMatch(s -> s.title().equals(TITLE)));

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> showing(robot, "#unlockScreen"));
        waitUntil(() -> ShellProbe.closed(root));

        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(home)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        assertThat(files).as("the vault was written").isNotEmpty();
        Map<Path, Long> tmpAfter = snapshot(Path.of(System.getProperty("java.io.tmpdir")));
        tmpAfter.forEach((path, modified) -> {
            Long before = tmpBefore.get(path);
            if (before == null || !before.equals(modified)) {
                files.add(path);
            }
        });

        // The scanner itself finds a marker when it is there (so a pass means something).
        byte[] canary = ("xx" + VICTIM + "yy").getBytes(StandardCharsets.UTF_16BE);
        assertThat(org.tanik.testing.LeakScanner.indexOf(canary, VICTIM.getBytes(StandardCharsets.UTF_16BE))).isPositive();

        for (Path file : files) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                continue; // vanished or unreadable temporary file of another process
            }
            // Five-character markers: a three-byte one ("QX7") turns up by chance in megabytes of ciphertext.
            for (String marker : List.of(TITLE, NARRATIVE, VICTIM, "QX7KZ", "QX8KZ", "QX9KZ")) {
                for (Charset cs : ENCODINGS) {
                    assertThat(org.tanik.testing.LeakScanner.indexOf(content, marker.getBytes(cs)))
                            .as("%s in %s (%s)", marker, file, cs).isEqualTo(-1);
                }
            }
        }
    }

    private static Map<Path, Long> snapshot(Path dir) {
        Map<Path, Long> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(p -> {
                try {
                    if (Files.isRegularFile(p) && Files.isReadable(p)) {
                        files.put(p, Files.getLastModifiedTime(p).toMillis() ^ Files.size(p) << 20);
                    }
                } catch (IOException ignored) {
                    // Deleted while walking.
                }
            });
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // Parts of the temporary directory may be unreadable; the rest is still checked.
        }
        return files;
    }
}
