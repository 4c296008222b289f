package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.util.Base64;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.tanik.coordinator.FakeIntake;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.crypto.Ed25519;
import org.tanik.ui.shell.ShellProbe;
import org.tanik.ui.shell.UiCompositionRoot;
import org.testfx.api.FxRobot;

/**
 * The coordinator records the intake and fetches from it in the desktop app, with the keyboard: the
 * route is shown before anything connects, the verdicts appear as for a file import, and the intake
 * (a fake in memory) hears an acknowledgement for each bundle.
 */
class CoordinatorFetchTest extends AppTestBase {

    final FakeIntake intake = new FakeIntake();
    CoordinatorFixture fixture;

    @Override
    void prepare() {
        fixture = new CoordinatorFixture(services, home);
        intake.upload(fixture.bundleA2, FakeIntake.transportKey());
        intake.upload(fixture.bundleB1, FakeIntake.transportKey());
    }

    @Override
    UiCompositionRoot configure(UiCompositionRoot fresh) {
        return ShellProbe.intakeLinks(fresh, intake);
    }

    @Test
    @SuppressWarnings("unchecked")
    void recordTheIntakeThenFetchWithTheRouteShownFirst(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> robot.lookup(".coordinator-screen").tryQuery().isPresent());
        robot.clickOn("Import");

        // The Intake dialog, by keyboard: Alt+T opens it, the mnemonics reach each field.
        robot.press(KeyCode.ALT, KeyCode.T).release(KeyCode.T, KeyCode.ALT);
        waitUntil(() -> robot.lookup(".intake-dialog #intake-url").tryQuery().isPresent());
        TextField url = robot.lookup(".intake-dialog #intake-url").queryAs(TextField.class);
        TextField pin = robot.lookup(".intake-dialog #intake-pin").queryAs(TextField.class);
        TextField key = robot.lookup(".intake-dialog #intake-key").queryAs(TextField.class);
        waitUntil(url::isFocused);
        robot.press(KeyCode.ALT, KeyCode.T).release(KeyCode.T, KeyCode.ALT);
        waitUntil(pin::isFocused);
        robot.press(KeyCode.ALT, KeyCode.K).release(KeyCode.K, KeyCode.ALT);
        waitUntil(key::isFocused);
        // Pasted, as the coordinator would from what the operator printed.
        robot.interact(() -> {
            url.setText("https://intake.example.org");
            pin.setText("sha256/" + Base64.getEncoder().encodeToString(new byte[32]));
            key.setText(Base64.getEncoder().encodeToString(Ed25519.publicKey(Ed25519.generatePrivateKey())));
        });
        robot.interact(() -> robot.lookup(".intake-dialog #intake-route").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue("direct-allowed"));
        UiTestSupport.screenshot(robot.lookup(".intake-dialog").queryAs(DialogPane.class).getScene(), "38-coordinator-intake");
        robot.clickOn("Save intake");
        waitUntil(() -> robot.lookup("#intake-operator-command").tryQuery().isPresent());
        assertThat(robot.lookup("#intake-operator-command").queryAs(TextField.class).getText())
                .startsWith("tanik intake trust --data DIR --organisation-key ");
        robot.clickOn("Close");

        // Fetch: the route first, then the verdicts as for files.
        robot.press(KeyCode.ALT, KeyCode.F).release(KeyCode.F, KeyCode.ALT);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .content").queryAs(Label.class).getText())
                .contains("Route: directly to https://intake.example.org");
        assertThat(intake.calls()).as("nothing connects before the coordinator confirms").isEmpty();
        robot.clickOn("Fetch");
        TableView<ImportResult> results = robot.lookup(".import-screen .results-table").queryAs(TableView.class);
        waitUntil(() -> results.getItems().size() == 2
                && !robot.lookup(".import-screen #fetchButton").queryAs(Button.class).isDisabled());
        assertThat(results.getItems()).extracting(ImportResult::verdict)
                .containsExactly(ImportResult.Verdict.IMPORTED, ImportResult.Verdict.QUARANTINED);
        assertThat(robot.lookup(".import-screen #status").queryAs(Label.class).getText())
                .startsWith("Fetched 2 bundle(s) from the intake.");
        assertThat(intake.acknowledged()).hasSize(2);
        UiTestSupport.screenshot(stage.getScene(), "39-coordinator-fetched");
    }
}
