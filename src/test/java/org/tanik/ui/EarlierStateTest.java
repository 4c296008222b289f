package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.tanik.model.TestimonyContent;
import org.tanik.store.FallBack;
import org.tanik.store.VaultSession;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A vault whose database went back to an earlier save says so at unlock, once, before any work. */
class EarlierStateTest extends AppTestBase {

    @Override
    void prepare() {
        vaultWith(new TestimonyContent("Kept", null, null, List.of(), "saved before"));
        FallBack.around(services.directories().vault(), () -> {
            try (VaultSession s = services.vaults().open(services.directories().vault(),
                    UiTestSupport.PASSPHRASE.toCharArray())) {
                s.testimonies().create(new TestimonyContent("Lost", null, null, List.of(), "saved after"));
            }
        });
    }

    @Test
    void theWarningIsShownAtUnlockAndDismissedWithTheKeyboard(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        ResourceBundle ui = ResourceBundle.getBundle("org.tanik.ui.i18n.ui", Locale.ENGLISH);
        assertThat(pane.getHeaderText()).isEqualTo(ui.getString("vault.earlierState.title"));
        assertThat(pane.getContentText()).isEqualTo(ui.getString("vault.earlierState.volunteer"));
        UiTestSupport.screenshot(pane.getScene(), "vault-earlier-state");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());

        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup(".testimony-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(robot.lookup("Kept").tryQuery()).isPresent();
        assertThat(robot.lookup("Lost").tryQuery()).isEmpty();

        // Told once: locked and unlocked again, the vault opens as last closed, without a warning.
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> showing(robot, "#unlockScreen"));
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
    }
}
