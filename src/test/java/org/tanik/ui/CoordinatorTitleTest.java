package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.tanik.store.VaultSession;
import org.tanik.enrolment.Organisation;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The coordinator's window says whose vault it is in its title, the lock screen does not, and its
 * Help menu has the quick start too (F1).
 */
class CoordinatorTitleTest extends AppTestBase {

    @Override
    void prepare() {
        try (VaultSession s = services.vaults().create(services.directories().vault(),
                UiTestSupport.PASSPHRASE.toCharArray())) {
            Organisation.init(s, "İnsan Hakları Belgeleme");
        }
    }

    @Test
    void theTitleNamesTheOrganisationAndTheQuickStartOpens(FxRobot robot) {
        waitUntil(() -> showing(robot, "#unlockScreen"));
        assertThat(stage.getTitle()).isEqualTo("Tanik — locked").doesNotContain("İnsan");
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> showing(robot, ".coordinator-screen"));
        assertThat(stage.getTitle()).isEqualTo("Tanik — İnsan Hakları Belgeleme (coordinator)");

        robot.press(KeyCode.F1).release(KeyCode.F1);
        waitUntil(() -> showing(robot, ".quick-start"));
        assertThat(robot.lookup(".quick-start .quick-start-step").queryAll()).hasSize(12);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> robot.lookup(".quick-start").tryQuery().isEmpty());

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> showing(robot, "#unlockScreen"));
        assertThat(stage.getTitle()).isEqualTo("Tanik — locked");
    }
}
