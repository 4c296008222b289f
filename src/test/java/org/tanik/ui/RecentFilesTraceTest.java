package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.testing.PrivateDisplay;
import org.tanik.testing.RequiredTools;

/**
 * On a real X display (Xvfb) with the real GTK toolkit, a user saves a file through a file window
 * by pressing Enter (xdotool): through the system's window the path lands in the desktop's
 * recent-files list (GTK's recently-used.xbel in the home folder) — the control, which shows this
 * test can see a trace; through Tanik's own window nothing in the home folder names it.
 */
class RecentFilesTraceTest {

    @TempDir
    Path work;

    private PrivateDisplay display;

    @BeforeEach
    void startXvfb() throws IOException {
        RequiredTools.require("Xvfb", "xdotool");
        display = PrivateDisplay.start(1280, 800);
    }

    @AfterEach
    void stopXvfb() {
        if (display != null) {
            display.close();
        }
    }

    @Test
    void theSystemWindowRecordsTheChosenPathAndTaniksDoesNot() throws Exception {
        Path systemHome = Files.createDirectories(work.resolve("system-home"));
        Path systemChoice = save("system", systemHome);
        assertThat(systemChoice).isEqualTo(systemHome.resolve("usb/tanik-2026-12-05.tanik"));
        assertThat(filesNaming(systemHome, "tanik-2026-12-05.tanik"))
                .as("the control: GTK's own file window records the choice")
                .contains(systemHome.resolve(".local/share/recently-used.xbel"));

        Path tanikHome = Files.createDirectories(work.resolve("tanik-home"));
        Path tanikChoice = save("tanik", tanikHome);
        assertThat(tanikChoice).isEqualTo(tanikHome.resolve("usb/tanik-2026-12-05.tanik"));
        assertThat(filesNaming(tanikHome, "tanik-2026-12-05.tanik")).isEmpty();
        assertThat(tanikHome.resolve(".local/share/recently-used.xbel")).doesNotExist();
    }

    /** Runs the probe with {@code home} as the home folder, presses Enter in its window, returns the choice. */
    private Path save(String which, Path home) throws Exception {
        Path folder = Files.createDirectories(home.resolve("usb"));
        ProcessBuilder probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.home=" + home,
                FileWindowProbe.class.getName(), which, folder.toString(), "tanik-2026-12-05.tanik")
                .redirectErrorStream(true);
        probe.environment().put("DISPLAY", display.name());
        probe.environment().put("HOME", home.toString());
        probe.environment().remove("XDG_DATA_HOME");
        Process process = probe.start();
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = process.inputReader(StandardCharsets.UTF_8)) {
                r.lines().forEach(line -> {
                    synchronized (output) {
                        output.add(line);
                    }
                });
            } catch (IOException ignored) {
                // The process ended.
            }
        });
        reader.start();
        String window = waitForWindow();
        // The window has the focus as a user's click would give it; Enter saves under the proposed name.
        display.run("xdotool", "windowfocus", "--sync", window, "key", "Return");
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the probe ends").isTrue();
        reader.join(5000);
        synchronized (output) {
            return output.stream().filter(l -> l.startsWith("CHOSEN ")).map(l -> Path.of(l.substring(7)))
                    .findFirst().orElseThrow(() -> new AssertionError("the probe chose nothing: " + output));
        }
    }

    private String waitForWindow() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String found = display.run("xdotool", "search", "--name", "^" + FileWindowProbe.TITLE + "$");
            if (!found.isEmpty()) {
                Thread.sleep(1000); // the window is mapped; let it lay out and take its first focus
                return found.lines().findFirst().orElseThrow();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no window titled " + FileWindowProbe.TITLE + " appeared");
    }

    /** Every file under {@code home} whose content mentions {@code name}. */
    private static List<Path> filesNaming(Path home, String name) throws IOException {
        try (Stream<Path> all = Files.walk(home)) {
            return all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(name))
                    .filter(p -> {
                        try {
                            return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(name);
                        } catch (IOException e) {
                            return false;
                        }
                    }).toList();
        }
    }
}
