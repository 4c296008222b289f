package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.util.List;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.tanik.config.Settings;
import org.tanik.model.TestimonyContent;
import org.tanik.model.TestimonySummary;
import org.tanik.session.DuressState;
import org.tanik.ui.shell.ShellProbe;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The settings' Protection tab (issue 17): a duress passphrase with sample entries opens a decoy that shows
 * the samples and none of the real testimonies; the wipe policy and the quick exit's settings are saved;
 * "Erase this vault" asks for the word, erases, and shows the first-run screen.
 */
class ProtectionSettingsTest extends AppTestBase {

    static final String REAL = "Gözaltında kötü muamele REAL-VAULT-MARKER";
    static final String DURESS = "harbour sparrow pencil meadow eleven";

    @Override
    void prepare() {
        services.settings().save(new Settings("en", 10));
        vaultWith(new TestimonyContent(REAL, null, null, List.of(), "Üç gün."));
    }

    @Test
    void aDuressPassphraseWithSamplesOpensADecoyWithTheSamplesAndNotTheRealTestimonies(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        openProtection(robot);
        waitUntil(() -> !button(robot, "Set a duress passphrase…").isDisabled());
        press(robot, button(robot, "Set a duress passphrase…"));
        waitUntil(() -> robot.lookup("#repeat").tryQuery().isPresent());
        assertThat(robot.lookup("#samples").queryAs(CheckBox.class).isSelected()).as("samples on by default").isTrue();
        UiTestSupport.typePassphrase(robot, "#passphrase", DURESS);
        UiTestSupport.typePassphrase(robot, "#repeat", DURESS);
        press(robot, button(robot, "Set duress passphrase"));
        waitUntil(() -> buttonPresent(robot, "Close"));
        press(robot, button(robot, "Close"));
        waitUntil(() -> !button(robot, "Remove the duress passphrase").isDisabled());
        assertThat(ShellProbe.vault(root).orElseThrow().duressState()).isEqualTo(DuressState.KEEP_REAL);
        press(robot, button(robot, "Cancel"));
        waitUntil(() -> robot.lookup("#panicKey").tryQuery().isEmpty());

        onFx(() -> {
            ShellProbe.lock(root);
            return null;
        });
        UiTestSupport.unlock(robot, DURESS);
        List<String> decoy = session().testimonies().list().stream().map(TestimonySummary::title).toList();
        assertThat(decoy).hasSize(3).contains("Neighbourhood meeting, notes").doesNotContain(REAL);
        assertThat(robot.lookup(REAL).tryQuery()).isEmpty();
        assertThat(ShellProbe.vault(root).orElseThrow().duressState()).as("a decoy says none").isEqualTo(DuressState.NONE);

        onFx(() -> {
            ShellProbe.lock(root);
            return null;
        });
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        assertThat(session().testimonies().list()).extracting(TestimonySummary::title).containsExactly(REAL);
    }

    @Test
    void theWipePolicyAndTheQuickExitSettingsAreSaved(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        openProtection(robot);
        CheckBox wipe = robot.lookup("#wipeEnabled").queryAs(CheckBox.class);
        waitUntil(() -> !wipe.isDisabled());
        assertThat(wipe.isSelected()).as("off by default").isFalse();
        press(robot, wipe);
        @SuppressWarnings("unchecked")
        Spinner<Integer> after = robot.lookup("#wipeAfter").queryAs(Spinner.class);
        robot.interact(() -> after.getValueFactory().setValue(7));
        // A new quick exit key, pressed in its field.
        TextField key = robot.lookup("#panicKey").queryAs(TextField.class);
        // The keys as pressed in the field: the quick exit's own filter on the dialog lets them through.
        robot.interact(() -> javafx.event.Event.fireEvent(key, new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.P, false, true, true, false)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
        press(robot, robot.lookup("#panicErases").queryAs(CheckBox.class));
        UiTestSupport.screenshot(key.getScene(), "17-settings-protection");
        robot.clickOn("Save");
        waitUntil(() -> robot.lookup("#panicKey").tryQuery().isEmpty());
        waitUntil(() -> services.settings().load().panicErases());
        Settings saved = services.settings().load();
        assertThat(javafx.scene.input.KeyCombination.valueOf(saved.panicShortcut()))
                .isEqualTo(javafx.scene.input.KeyCombination.valueOf("Shortcut+Alt+P"));
        waitUntil(() -> ShellProbe.vault(root).orElseThrow().wipeAfter() == 7);
    }

    @Test
    void eraseThisVaultAsksForTheWordThenErasesAndShowsTheFirstRunScreen(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        openProtection(robot);
        waitUntil(() -> !button(robot, "Erase this vault…").isDisabled());
        press(robot, button(robot, "Erase this vault…"));
        waitUntil(() -> robot.lookup("#eraseWord").tryQuery().isPresent());
        ButtonBase erase = button(robot, "Erase for good");
        assertThat(erase.isDisabled()).as("not before the word is typed").isTrue();
        TextField word = robot.lookup("#eraseWord").queryAs(TextField.class);
        robot.interact(() -> word.setText("erase"));
        waitUntil(() -> !erase.isDisabled());
        press(robot, erase);
        waitUntil(() -> showing(robot, "#firstRunScreen"));
        waitUntil(() -> ShellProbe.closed(root));
        assertThat(services.directories().vault()).doesNotExist();
    }

    static void openProtection(FxRobot robot) {
        robot.clickOn("Vault").clickOn("Settings…");
        waitUntil(() -> robot.lookup("#panicKey").tryQuery().isPresent());
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().get(1)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** By keyboard, as a volunteer without a mouse would: focus, then the space bar. */
    /**
     * Fires the button or check box as a click would (it may sit below the visible part of the tab); later,
     * because a dialog it opens waits in its own loop.
     */
    static void press(FxRobot robot, ButtonBase b) {
        javafx.application.Platform.runLater(b::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static boolean buttonPresent(FxRobot robot, String text) {
        return robot.lookup(n -> n instanceof ButtonBase b && b.isVisible() && b.getScene() != null
                && b.getScene().getWindow() != null && b.getScene().getWindow().isShowing()
                && b.getText() != null && text.equals(b.getText().replace("_", ""))).tryQuery().isPresent();
    }

    static ButtonBase button(FxRobot robot, String text) {
        return robot.lookup(n -> n instanceof ButtonBase b && b.isVisible() && b.getScene() != null
                && b.getScene().getWindow() != null && b.getScene().getWindow().isShowing()
                && b.getText() != null && text.equals(b.getText().replace("_", ""))).queryAs(ButtonBase.class);
    }
}
