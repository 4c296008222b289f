package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import org.junit.jupiter.api.Test;
import org.tanik.ui.shell.ShellProbe;
import org.testfx.api.FxRobot;
import org.tanik.i18n.Messages;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

class UnlockTest extends AppTestBase {

    @Override
    void prepare() {
        vaultWith();
    }

    @Test
    void wrongPassphraseShowsTheMessageClearsTheFieldAndStaysLocked(FxRobot robot) {
        waitUntil(() -> showing(robot, "#unlockScreen"));
        PasswordField field = robot.lookup("#passphrase").queryAs(PasswordField.class);
        waitUntil(field::isFocused);
        robot.write("not the right passphrase").press(javafx.scene.input.KeyCode.ENTER)
                .release(javafx.scene.input.KeyCode.ENTER);

        String expected = new Messages(Locale.ENGLISH).describe(new TanikException(Problem.WRONG_PASSPHRASE));
        Label message = robot.lookup("#message").queryAs(Label.class);
        waitUntil(() -> expected.equals(message.getText()));
        assertThat(field.getText()).isEmpty();
        waitUntil(field::isFocused);
        assertThat(showing(robot, "#unlockScreen")).isTrue();
        assertThat(ShellProbe.vault(root)).isEmpty();
        UiTestSupport.screenshot(stage.getScene(), "03-unlock-wrong-passphrase");

        // The right one still works afterwards.
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        assertThat(ShellProbe.vault(root)).isPresent();
    }
}
