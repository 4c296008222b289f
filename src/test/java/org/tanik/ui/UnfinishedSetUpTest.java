package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import org.junit.jupiter.api.Test;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.ui.shell.ShellProbe;
import org.testfx.api.FxRobot;

/**
 * A vault created for the coordinator, the application closed before the organisation was named:
 * the next unlock offers to finish the set-up instead of quietly opening a volunteer's window, and
 * the user may say the laptop is a volunteer's after all.
 */
class UnfinishedSetUpTest extends AppTestBase {

    @Override
    void prepare() {
        try (VaultSession s = services.vaults().create(services.directories().vault(),
                UiTestSupport.PASSPHRASE.toCharArray())) {
            new OpenVault(s).markOrganisationSetUpPending();
        }
    }

    @Test
    void theNextUnlockOffersToFinishTheSetUp(FxRobot robot) {
        waitUntil(() -> showing(robot, "#unlockScreen"));
        assertThat(stage.getTitle()).isEqualTo("Tanik — locked");
        unlock(robot);
        waitUntil(() -> showing(robot, "#orgSetupScreen"));
        assertThat(robot.lookup("#mainScreen").tryQuery()).isEmpty();
        assertThat(stage.getTitle()).isEqualTo("Tanik — setting up the organisation");

        waitUntil(() -> showing(robot, "#organisationName"));
        robot.clickOn("#organisationName").write("Hakikat Derneği");
        robot.clickOn("#createButton");
        waitUntil(() -> showing(robot, "#fingerprintStep"));
        robot.clickOn("#writtenDown");
        robot.clickOn("#openButton");
        waitUntil(() -> showing(robot, ".coordinator-screen"));
        assertThat(stage.getTitle()).isEqualTo("Tanik — Hakikat Derneği (coordinator)");
    }

    @Test
    void theUserMaySayItIsAVolunteersLaptopAfterAll(FxRobot robot) {
        unlock(robot);
        waitUntil(() -> showing(robot, "#orgSetupScreen"));
        waitUntil(() -> showing(robot, "#volunteerInsteadLink"));
        robot.clickOn("#volunteerInsteadLink");
        waitUntil(() -> showing(robot, "#mainScreen"));
        assertThat(ShellProbe.coordinatorMode(root)).isFalse();
        assertThat(stage.getTitle()).isEqualTo("Tanik — volunteer");
        assertThat(ShellProbe.vault(root).orElseThrow().organisationSetUpPending()).isFalse();
    }

    private static void unlock(FxRobot robot) {
        waitUntil(() -> showing(robot, "#unlockScreen"));
        UiTestSupport.typePassphrase(robot, "#passphrase", UiTestSupport.PASSPHRASE);
        robot.clickOn("#unlockButton");
    }
}
