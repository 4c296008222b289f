package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.tanik.coordinator.CoordinatorDesk;
import org.tanik.coordinator.OrganisationDesk;
import java.nio.file.Path;
import org.tanik.model.Json;
import org.tanik.model.Vocabulary;
import org.tanik.session.OpenVault;
import org.tanik.ui.shell.ShellProbe;
import org.tanik.ui.shell.UiCompositionRoot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * First run as a volunteer and as a coordinator would meet it: the choice of what this laptop is,
 * the volunteer's vault, the coordinator's vault and organisation (name, keys, fingerprint written
 * down) ending in the coordinator's window, and the window titles on the way.
 */
class FirstRunTest extends AppTestBase {

    final ScriptedFiles files = new ScriptedFiles();

    @Override
    UiCompositionRoot configure(UiCompositionRoot fresh) {
        return ShellProbe.fileChoices(fresh, files);
    }

    @Test
    void theVolunteerChoiceCreatesAVolunteersVault(FxRobot robot) {
        waitUntil(() -> showing(robot, "#firstRunScreen"));
        assertThat(robot.lookup(".first-run-screen").tryQuery()).isPresent();
        assertThat(stage.getTitle()).isEqualTo("Tanik — new vault");
        UiTestSupport.screenshot(stage.getScene(), "first-run-choice-en");

        // Back from the passphrase screen returns to the choice; the keyboard chooses too (Enter: volunteer).
        waitUntil(() -> showing(robot, "#coordinatorChoice"));
        robot.clickOn("#coordinatorChoice");
        waitUntil(() -> showing(robot, "#createVaultScreen"));
        assertThat(robot.lookup("#coordinatorNote").queryAs(Label.class).isVisible()).isTrue();
        robot.clickOn("#backLink");
        waitUntil(() -> showing(robot, "#firstRunScreen"));
        waitUntil(() -> focused(robot, "#volunteerChoice"));
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> showing(robot, "#createVaultScreen"));
        assertThat(robot.lookup("#coordinatorNote").queryAs(Label.class).isVisible()).isFalse();

        createVault(robot);
        waitUntil(() -> showing(robot, "#mainScreen"));
        assertThat(stage.getTitle()).isEqualTo("Tanik — volunteer");
        assertThat(ShellProbe.coordinatorMode(root)).isFalse();
        OpenVault vault = ShellProbe.vault(root).orElseThrow();
        assertThat(vault.organisationSetUpPending()).isFalse();
        assertThat(vault.isOrganisation()).isFalse();

        // Locked, the title says only that.
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> showing(robot, "#unlockScreen"));
        assertThat(stage.getTitle()).isEqualTo("Tanik — locked");
    }

    @Test
    void theCoordinatorChoiceSetsUpTheOrganisationAndShowsItsFingerprint(FxRobot robot) throws Exception {
        waitUntil(() -> showing(robot, "#firstRunScreen"));
        waitUntil(() -> showing(robot, "#coordinatorChoice"));
        robot.clickOn("Türkçe");
        waitUntil(() -> showing(robot, "#firstRunScreen") && "Tanik — yeni kasa".equals(stage.getTitle()));
        UiTestSupport.screenshot(stage.getScene(), "first-run-choice");

        waitUntil(() -> showing(robot, "#coordinatorChoice"));
        robot.clickOn("#coordinatorChoice");
        waitUntil(() -> showing(robot, "#createVaultScreen"));
        createVault(robot);

        waitUntil(() -> showing(robot, "#orgSetupScreen"));
        assertThat(robot.lookup(".org-setup-screen").tryQuery()).isPresent();
        assertThat(stage.getTitle()).isEqualTo("Tanik — kuruluş kuruluyor");
        assertThat(ShellProbe.vault(root).orElseThrow().organisationSetUpPending()).isTrue();
        waitUntil(() -> focused(robot, "#organisationName"));
        robot.write("İnsan Hakları Derneği");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);

        waitUntil(() -> showing(robot, "#fingerprintStep"));
        Label shown = robot.lookup(".org-setup-screen .fingerprint").queryAs(Label.class);
        OrganisationDesk.Identity org = new CoordinatorDesk(ShellProbe.vault(root).orElseThrow(), Vocabulary.load(),
                services.clock()).organisation().identity();
        assertThat(shown.getText().replace('\n', ' ')).isEqualTo(org.fingerprint());
        assertThat(org.name()).isEqualTo("İnsan Hakları Derneği");
        UiTestSupport.screenshot(stage.getScene(), "org-setup-fingerprint");

        // The window opens only once the fingerprint is written down.
        Button open = robot.lookup("#openButton").queryButton();
        assertThat(open.isDisabled()).isTrue();
        robot.clickOn("#writtenDown");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(open.isDisabled()).isFalse();
        robot.clickOn(open);

        waitUntil(() -> showing(robot, ".coordinator-screen"));
        assertThat(ShellProbe.coordinatorMode(root)).isTrue();
        assertThat(stage.getTitle()).isEqualTo("Tanik — İnsan Hakları Derneği (koordinatör)");
        assertThat(ShellProbe.vault(root).orElseThrow().organisationSetUpPending()).isFalse();

        // Inviting a volunteer from the new window (Kuruluş → Bir gönüllüyü davet et…): the note is in Turkish.
        files.toSave.add(home);
        robot.clickOn("Kuruluş").clickOn("Bir gönüllüyü davet et…");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> files.proposedNames.size() == 1
                && java.nio.file.Files.exists(home.resolve(files.proposedNames.get(0))));
        Path invitation = home.resolve(files.proposedNames.get(0));
        waitUntil(() -> robot.lookup(".dialog-pane .fingerprint").tryQuery().isPresent());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertThat(Json.mapper().readTree(java.nio.file.Files.readAllBytes(invitation)).get("note").asText())
                .isEqualTo("İnsan Hakları Derneği kuruluşundan Tanik katılım daveti. Katılmadan önce "
                        + org.fingerprint() + " parmak izini koordinatörle karşılaştırın.");
    }

    /** True once the node is in the scene (a scroll pane adds its content at the first layout) and focused. */
    private static boolean focused(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(javafx.scene.Node::isFocused).orElse(false);
    }

    private static void createVault(FxRobot robot) {
        UiTestSupport.typePassphrase(robot, "#passphrase", UiTestSupport.PASSPHRASE);
        UiTestSupport.typePassphrase(robot, "#repeat", UiTestSupport.PASSPHRASE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#createButton");
    }
}
