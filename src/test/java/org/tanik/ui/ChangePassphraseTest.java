package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.tanik.store.VaultSession;
import org.testfx.api.FxRobot;

class ChangePassphraseTest extends AppTestBase {

    static final String NEW = "orchard pebble saffron glacier ninety";

    @Override
    void prepare() {
        vaultWith();
    }

    @Test
    void changesThePassphraseAndKeepsTheVaultOpen(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        VaultSession before = session();
        robot.clickOn("Vault").clickOn("Change passphrase…");
        waitUntil(() -> robot.lookup("#current").tryQuery().isPresent());

        // A wrong current passphrase is refused with the translated sentence.
        UiTestSupport.typePassphrase(robot, "#current", "wrong current passphrase here");
        UiTestSupport.typePassphrase(robot, "#passphrase", NEW);
        UiTestSupport.typePassphrase(robot, "#repeat", NEW);
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        UiTestSupport.screenshot(pane.getScene(), "13-change-passphrase");
        robot.clickOn("Change passphrase");
        waitUntil(() -> "The passphrase is not correct.".equals(robot.lookup("#error").queryAs(Label.class).getText()));

        UiTestSupport.typePassphrase(robot, "#current", UiTestSupport.PASSPHRASE);
        UiTestSupport.typePassphrase(robot, "#passphrase", NEW);
        UiTestSupport.typePassphrase(robot, "#repeat", NEW);
        robot.clickOn("Change passphrase");
        waitUntil(() -> robot.lookup("The passphrase was changed. Use the new one from now on.").tryQuery().isPresent());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertThat(session()).isSameAs(before);
        assertThat(before.isOpen()).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> showing(robot, "#unlockScreen"));
        UiTestSupport.unlock(robot, NEW);
    }
}
