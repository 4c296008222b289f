package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.util.List;
import javafx.scene.control.TableView;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.tanik.ui.shell.ShellProbe;
import org.tanik.ui.shell.UiCompositionRoot;
import org.testfx.api.FxRobot;
import org.tanik.model.TestimonyContent;

class IdleLockTest extends AppTestBase {

    @Override
    void prepare() {
        vaultWith(new TestimonyContent("Idle one", null, null, List.of(), "text"));
    }

    @Override
    UiCompositionRoot configure(UiCompositionRoot fresh) {
        // Long enough for the steps before it on a loaded machine.
        return ShellProbe.idleTimeout(fresh, Duration.seconds(4));
    }

    @Test
    void locksByItselfAfterTheIdleTimeAndClearsTheScreen(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup(".testimony-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        robot.doubleClickOn("Idle one");
        waitUntil(() -> showing(robot, "#editorScreen"));

        // No input from now on.
        waitUntil(() -> showing(robot, "#unlockScreen"));
        assertThat(ShellProbe.vault(root)).isEmpty();
        assertThat(table.getItems()).isEmpty();
        assertThat(robot.lookup("Idle one").tryQuery()).isEmpty();

        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        assertThat(ShellProbe.vault(root)).isPresent();
    }
}
