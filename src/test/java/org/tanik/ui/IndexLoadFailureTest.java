package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.sql.Statement;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.tanik.config.Settings;
import org.tanik.store.StoreInternals;
import org.tanik.store.VaultSession;
import org.testfx.api.FxRobot;

/**
 * The archive cannot be loaded after unlock (here its stored payload keys are damaged; in the field,
 * a heap too small for a large archive): the coordinator gets the error, the queue's spinner stops,
 * and the empty queue says the archive could not be loaded instead of inviting an import.
 */
class IndexLoadFailureTest extends AppTestBase {

    @Override
    void prepare() {
        // In Turkish: the picture kept in target/screenshots shows the sentence as volunteers read it.
        services.settings().save(new Settings("tr", 10));
        new CoordinatorFixture(services, home);
        try (VaultSession org = services.vaults().open(services.directories().vault(),
                UiTestSupport.PASSPHRASE.toCharArray());
                Statement s = StoreInternals.connection(org).createStatement()) {
            assertThat(s.executeUpdate("UPDATE archive_bundle SET payload_key = X'00'")).isPositive();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theQueueSaysTheArchiveCouldNotBeLoadedAndStopsItsSpinner(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> robot.lookup(".coordinator-screen").tryQuery().isPresent());
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText()).isNotBlank();
        robot.clickOn("Kapat");
        TableView<?> queue = robot.lookup(".queue-table").queryAs(TableView.class);
        waitUntil(() -> queue.getPlaceholder() instanceof Label l && l.getText().startsWith("Arşiv yüklenemediği için"));
        robot.interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        UiTestSupport.screenshot(queue.getScene(), "tr-1366x768-index-load-failed");
        assertThat(robot.lookup(".coordinator-screen .progress-indicator").queryAll())
                .allSatisfy(p -> assertThat(((ProgressIndicator) p).isVisible()).isFalse());
        assertThat(queue.getItems()).isEmpty();
    }
}
