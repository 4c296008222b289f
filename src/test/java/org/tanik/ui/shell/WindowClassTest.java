package org.tanik.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.testing.PrivateDisplay;
import org.tanik.testing.RequiredTools;

/**
 * A window of a toolkit started as the desktop starts it has the X11 class that the menu entry's
 * {@code StartupWMClass} names, so that a desktop matches the running app to its entry (name, icon)
 * instead of showing an unknown "java" window. Real GTK on a private Xvfb; the class is read with
 * xprop, which compares exactly, as desktops do (xdotool's search ignores case). ci-check.sh checks
 * the installed app's own window the same way.
 */
class WindowClassTest {

    @TempDir
    Path work;

    private PrivateDisplay display;
    private Process probe;

    @AfterEach
    void stop() {
        if (probe != null) {
            probe.destroyForcibly();
        }
        if (display != null) {
            display.close();
        }
    }

    @Test
    void theWindowsClassIsTheMenuEntrysStartupWmClass() throws Exception {
        assertThat(Files.readAllLines(Path.of("packaging/linux/tanik.desktop")).stream().map(String::strip))
                .contains("StartupWMClass=" + WindowClass.NAME);
        RequiredTools.require("Xvfb", "xdotool", "xprop");
        display = PrivateDisplay.start(1024, 768);
        Path log = work.resolve("probe.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // as the launcher passes it: needed where JavaFX is a module of the runtime (an app image's),
                // a warning and nothing more where JavaFX is on the class path
                "--add-exports=javafx.graphics/com.sun.glass.ui=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "-Dglass.platform=gtk", "-Dprism.order=sw",
                WindowClassProbe.class.getName()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DISPLAY", display.name());
        probe = builder.start();

        String window = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (window.isEmpty() && System.nanoTime() < deadline && probe.isAlive()) {
            window = display.run("xdotool", "search", "--name", "^" + WindowClassProbe.TITLE + "$");
            Thread.sleep(100);
        }
        assertThat(window).as("the probe's window; the probe said:%n%s", Files.readString(log)).isNotEmpty();
        // WM_CLASS is a pair, the instance's name and the class: both are the app's name.
        assertThat(display.run("xprop", "-id", window.lines().findFirst().orElseThrow(), "WM_CLASS"))
                .isEqualTo("WM_CLASS(STRING) = \"" + WindowClass.NAME + "\", \"" + WindowClass.NAME + "\"");
    }
}
