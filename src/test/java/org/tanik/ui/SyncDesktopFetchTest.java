package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.waitUntil;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tanik.config.Settings;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.ui.shell.ShellProbe;
import org.testfx.api.FxRobot;

/**
 * The coordinator's part of the whole path in the desktop app, against a real intake: a volunteer
 * sent a bundle from the command line; Fetch from intake shows the route, imports it with the
 * verdict of a file import (held until the device is approved), and the intake is acknowledged.
 */
class SyncDesktopFetchTest extends AppTestBase {

    SyncWorld world;

    @Override
    void prepare() {
        try {
            world = new SyncWorld(home.resolve("scratch"), home, home.resolve("volunteer-home"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SyncWorld.ok(world.volunteer.run("sync", "send"));
        services.settings().save(Settings.defaults().withLanguage("en"));
    }

    @AfterEach
    void stopIntake() {
        world.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void fetchFromIntakeImportsWhatTheVolunteerSent(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> robot.lookup(".coordinator-screen").tryQuery().isPresent());
        robot.clickOn("Import");
        robot.press(KeyCode.ALT, KeyCode.F).release(KeyCode.F, KeyCode.ALT);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .content").queryAs(Label.class).getText())
                .contains("Route: directly to " + world.url);
        robot.clickOn("Fetch");
        TableView<ImportResult> results = robot.lookup(".import-screen .results-table").queryAs(TableView.class);
        waitUntil(() -> results.getItems().size() == 1
                && !robot.lookup(".import-screen #fetchButton").queryAs(Button.class).isDisabled());
        assertThat(results.getItems()).extracting(ImportResult::verdict)
                .containsExactly(ImportResult.Verdict.QUARANTINED);
        assertThat(robot.lookup(".import-screen #status").queryAs(Label.class).getText())
                .startsWith("Fetched 1 bundle(s) from the intake.");
        UiTestSupport.screenshot(stage.getScene(), "51-coordinator-fetched-real-intake");

        // Acknowledged: once the app has locked the vault, a fetch from the command line finds nothing new.
        UiTestSupport.onFx(() -> {
            ShellProbe.lock(root);
            return null;
        });
        waitUntil(() -> ShellProbe.closed(root));
        assertThat(SyncWorld.ok(world.coordinator.run("intake", "fetch"))).contains("fetched 0 bundle(s) from the intake");
    }
}
