package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.waitUntil;

import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.tanik.model.TestimonyContent;
import org.tanik.store.VaultSession;
import org.testfx.api.FxRobot;

/** A title with a right-to-left override and a control character is shown as escapes in the list, never obeyed. */
class HostileTextTest extends AppTestBase {

    static final String TITLE = "Rapor\u202Efdp.exe\u001B[2K";

    @Override
    void prepare() {
        try (VaultSession s = services.vaults().create(services.directories().vault(),
                UiTestSupport.PASSPHRASE.toCharArray())) {
            s.testimonies().create(TestimonyContent.empty().withTitle(TITLE));
        }
    }

    @Test
    void theListShowsOverridesAndControlsAsEscapes(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup(".testimony-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(LargeListTest.titles(table)).containsExactly("Rapor\\u202efdp.exe\\u001b[2K");
    }
}
