package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.onFx;

import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import org.junit.jupiter.api.Test;
import org.tanik.config.WindowPlacement;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window opens where and as large as it was left, within the screen, and remembers its
 * placement (and maximised state) in window.json when it closes.
 */
class WindowPlacementGuiTest extends AppTestBase {

    @Override
    void prepare() {
        // Partly off the bottom right of the (1920x1080) test screen.
        new WindowPlacement(1700, 900, 1000, 700, false).save(services.directories().windowFile());
    }

    @Test
    void opensAsLeftWithinTheScreenAndRemembersOnClosing(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Rectangle2D screen = onFx(() -> Screen.getPrimary().getVisualBounds());
        assertThat(onFx(stage::isMaximized)).isFalse();
        assertThat(onFx(stage::getWidth)).isEqualTo(1000);
        assertThat(onFx(stage::getHeight)).isEqualTo(700);
        assertThat(onFx(stage::getX)).isEqualTo(screen.getMaxX() - 1000);
        assertThat(onFx(stage::getY)).isEqualTo(screen.getMaxY() - 700);

        robot.interact(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(900);
            stage.setHeight(640);
            stage.setMaximized(true);
        });
        robot.interact(stage::hide);
        Optional<WindowPlacement> saved = WindowPlacement.load(services.directories().windowFile());
        assertThat(saved).contains(new WindowPlacement(40, 30, 900, 640, true));
        robot.interact(() -> {
            stage.setMaximized(false);
            stage.show();
        });
    }
}
