package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.waitUntil;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tanik.config.Settings;
import org.tanik.ui.shell.ShellProbe;
import org.testfx.api.FxRobot;

/**
 * The volunteer's part of the whole path in the desktop app, against a real intake: Send now shows
 * the route, the bundle goes out, the receipt verifies and the outbox says delivered; then the
 * coordinator fetches it into the archive.
 */
class SyncDesktopSendTest extends AppTestBase {

    SyncWorld world;

    @Override
    void prepare() {
        try {
            world = new SyncWorld(home.resolve("scratch"), home.resolve("coordinator-home"), home);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        services.settings().save(Settings.defaults().withLanguage("en"));
    }

    @AfterEach
    void stopIntake() {
        world.close();
    }

    @Test
    void sendNowDeliversThroughTheIntakeAndTheCoordinatorFetchesIt(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup(".outbox-dialog").tryQuery().isPresent());
        robot.clickOn("Send now…");
        waitUntil(() -> robot.lookup(".alert .content").tryQuery().isPresent());
        assertThat(robot.lookup(".alert .content").queryAs(Label.class).getText())
                .contains("directly to " + world.url);
        robot.clickOn("Send");
        waitUntil(() -> robot.lookup(".outbox-dialog .list-cell").queryAllAs(ListCell.class).stream()
                .map(c -> (String) c.getText()).anyMatch(t -> t != null && t.matches(
                        "Bundle 1 \\([0-9a-f]{12}\\): delivered; the intake's receipt says it arrived on .+\\.")));
        UiTestSupport.screenshot(stage.getScene(), "50-outbox-delivered-real-intake");
        robot.clickOn("Close");

        String fetched = SyncWorld.ok(world.coordinator.run("intake", "fetch"));
        assertThat(fetched).contains("quarantined").contains("fetched 1 bundle(s) from the intake");
        // The same state on the command line, once the app has locked the volunteer's vault.
        UiTestSupport.onFx(() -> {
            ShellProbe.lock(root);
            return null;
        });
        waitUntil(() -> ShellProbe.closed(root));
        assertThat(SyncWorld.ok(world.volunteer.run("sync", "status"))).containsPattern("bundle 1 [0-9a-f]{12}: delivered ");
    }
}
