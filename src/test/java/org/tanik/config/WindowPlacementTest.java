package org.tanik.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowPlacementTest {

    @TempDir
    Path dir;

    @Test
    void smallLaptopScreensOpenMaximised() {
        // Visible areas of 1366x768 and 1280x720 screens, less a 32 px panel.
        assertThat(WindowPlacement.initial(0, 0, 1366, 736).maximised()).isTrue();
        assertThat(WindowPlacement.initial(0, 32, 1280, 688).maximised()).isTrue();
        WindowPlacement normal = WindowPlacement.initial(0, 0, 1366, 736);
        assertThat(normal.width()).isLessThanOrEqualTo(1366);
        assertThat(normal.height()).isLessThanOrEqualTo(736);
    }

    @Test
    void aLargeScreenGetsAReadableSizeCentred() {
        WindowPlacement p = WindowPlacement.initial(0, 0, 1920, 1050);
        assertThat(p.maximised()).isFalse();
        assertThat(p.width()).isEqualTo(1400);
        assertThat(p.height()).isEqualTo(900);
        assertThat(p.x() + p.width() / 2).isEqualTo(960);
        assertThat(p.y() + p.height() / 2).isEqualTo(525);
    }

    @Test
    void aRememberedWindowNeverOpensOffScreenNorLargerThanIt() {
        // Left on a 2560x1440 monitor that is no longer there; now a 1366x768 laptop.
        WindowPlacement far = new WindowPlacement(2000, 900, 1800, 1000, false);
        WindowPlacement p = far.within(0, 0, 1366, 736);
        assertThat(p).isEqualTo(new WindowPlacement(0, 0, 1366, 736, false));
        WindowPlacement left = new WindowPlacement(-500, -40, 800, 600, true).within(0, 0, 1366, 736);
        assertThat(left).isEqualTo(new WindowPlacement(0, 0, 800, 600, true));
        WindowPlacement inside = new WindowPlacement(100, 50, 800, 600, false);
        assertThat(inside.within(0, 0, 1366, 736)).isEqualTo(inside);
    }

    @Test
    void savedAndLoadedAndABrokenFileIsNone() throws IOException {
        Path file = dir.resolve("window.json");
        assertThat(WindowPlacement.load(file)).isEmpty();
        WindowPlacement p = new WindowPlacement(120, 80, 1100, 700, true);
        p.save(file);
        assertThat(WindowPlacement.load(file)).contains(p);
        Files.writeString(file, "{\"x\": 1, \"y\":");
        assertThat(WindowPlacement.load(file)).isEmpty();
        Files.writeString(file, "{\"x\":0,\"y\":0,\"width\":0,\"height\":0,\"maximised\":false}");
        assertThat(WindowPlacement.load(file)).as("a window too small to use").isEmpty();
    }
}
