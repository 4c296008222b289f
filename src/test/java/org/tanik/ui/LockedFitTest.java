package org.tanik.ui;

import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import javafx.scene.control.PasswordField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The first screen (create a vault), with a weak passphrase typed so its advice shows, beside the
 * forgotten-passphrase warning: in English and Turkish at 1366x768 and 1280x720, nothing is cut.
 */
class LockedFitTest extends FitTestBase {

    @Test
    void noTextIsCutOnTheCreateVaultScreen(FxRobot robot) {
        visitEverything(robot);
    }

    @Override
    void addVisits() {
        visits.put("create vault", this::createVault);
    }

    void createVault(String screen) {
        waitUntil(() -> showing(robot, "#createVaultScreen"));
        PasswordField passphrase = robot.lookup("#passphrase").queryAs(PasswordField.class);
        PasswordField repeat = robot.lookup("#repeat").queryAs(PasswordField.class);
        robot.interact(() -> {
            passphrase.setText("ankara");
            repeat.setText("ankara");
        });
        checkMain(screen);
    }
}
