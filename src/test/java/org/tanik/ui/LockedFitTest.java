package org.tanik.ui;

import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import javafx.scene.control.PasswordField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The first screens: the choice between a volunteer's and a coordinator's laptop, then creating the
 * vault on either path with a weak passphrase typed so its advice shows, beside the
 * forgotten-passphrase warning: in English and Turkish at 1366x768 and 1280x720, nothing is cut.
 */
class LockedFitTest extends FitTestBase {

    @Test
    void noTextIsCutOnTheCreateVaultScreen(FxRobot robot) {
        visitEverything(robot);
    }

    @Override
    void addVisits() {
        visits.put("first run", this::firstRun);
        visits.put("create vault", s -> createVault(s, "#volunteerChoice"));
        visits.put("create the coordinator's vault", s -> createVault(s, "#coordinatorChoice"));
    }

    void firstRun(String screen) {
        backToTheChoice();
        checkMain(screen);
    }

    void backToTheChoice() {
        if (showing(robot, "#createVaultScreen")) {
            robot.interact(() -> robot.lookup("#backLink").queryAs(javafx.scene.control.Hyperlink.class).fire());
        }
        waitUntil(() -> showing(robot, "#firstRunScreen"));
    }

    void createVault(String screen, String choice) {
        backToTheChoice();
        robot.interact(() -> robot.lookup(choice).queryButton().fire());
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
