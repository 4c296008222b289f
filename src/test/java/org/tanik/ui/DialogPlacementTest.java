package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.onFx;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.tanik.config.Settings;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every dialog of the volunteer's menus, opened from a maximised main window: owned by it, centred
 * on it, titled in the user's language, and the main window stays maximised.
 */
class DialogPlacementTest extends FitTestBase {

    @Override
    void prepare() {
        services.settings().save(new Settings("tr", 10));
        vaultWith(CoordinatorFixture.content("Gözaltı", "torture", "21", "police", java.time.LocalDate.of(2016, 7, 20),
                "Sabah erken geldiler."));
    }

    @Override
    void addVisits() {
    }

    @Test
    void dialogsAreOwnedCentredTitledAndLeaveTheWindowMaximised(FxRobot robot) {
        this.robot = robot;
        language = "tr";
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        robot.interact(() -> stage.setMaximized(true));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> wrong = new ArrayList<>();
        for (String key : List.of("menu.settings", "menu.changePassphrase", "menu.about", "menu.export",
                "menu.outbox", "menu.device")) {
            menu(key);
            DialogPane pane = dialog();
            WaitForAsyncUtils.waitForFxEvents();
            onFx(() -> {
                Stage dialog = (Stage) pane.getScene().getWindow();
                Window owner = dialog.getOwner();
                double dx = Math.abs(dialog.getX() + dialog.getWidth() / 2 - (stage.getX() + stage.getWidth() / 2));
                double dy = Math.abs(dialog.getY() + dialog.getHeight() / 2 - (stage.getY() + stage.getHeight() / 2));
                if (owner != stage) {
                    wrong.add(key + ": owner " + owner);
                }
                if (dx > 2 || dy > 2) {
                    wrong.add(key + ": " + Math.round(dx) + "/" + Math.round(dy) + " px off the window's centre");
                }
                if (dialog.getTitle() == null || dialog.getTitle().isBlank()) {
                    wrong.add(key + ": no title");
                }
                if (!stage.isMaximized()) {
                    wrong.add(key + ": the main window is no longer maximised");
                }
                return null;
            });
            closeDialogs();
            if (!onFx(stage::isMaximized)) {
                wrong.add(key + ": the main window is no longer maximised after closing");
                robot.interact(() -> stage.setMaximized(true));
            }
        }
        assertThat(wrong).isEmpty();
    }
}
