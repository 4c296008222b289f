package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.tanik.config.Settings;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonySummary;
import org.tanik.store.StoreInternals;
import org.tanik.store.VaultSession;
import org.tanik.ui.shell.ShellProbe;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The panic exit (issue 17): one key closes the window at once, with no question; the vault is locked and
 * its keys wiped; what the autosave saved stays, and what it had not saved yet is not saved.
 */
class PanicTest extends AppTestBase {

    static final String SAVED = "Otomatik kaydedilen başlık";
    static final String PENDING = "yarım";

    @Override
    void prepare() {
        services.settings().save(new Settings("en", 10));
        vaultWith();
    }

    @Test
    void theShortcutDuringAnUnsavedEditClosesTheWindowWipesTheKeysAndKeepsWhatWasAutosaved(FxRobot robot)
            throws Exception {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> showing(robot, "#editorScreen"));
        TextField title = robot.lookup("#title").queryAs(TextField.class);
        waitUntil(title::isFocused);
        robot.write(SAVED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session().testimonies().list().stream()
                .map(TestimonySummary::title).anyMatch(SAVED::equals));
        Label state = robot.lookup("#saveState").queryAs(Label.class);
        waitUntil(() -> state.getText().startsWith("Saved at "));
        VaultSession session = session();

        // An edit after the last autosave, still waiting for its pause when the key comes.
        TextArea narrative = robot.lookup("#narrative").queryAs(TextArea.class);
        onFx(() -> {
            narrative.getScene().getRoot().lookupAll(".tab-pane").forEach(t -> ((javafx.scene.control.TabPane) t)
                    .getTabs().stream().filter(tab -> "narrativeTab".equals(tab.getId())).findFirst()
                    .ifPresent(tab -> tab.getTabPane().getSelectionModel().select(tab)));
            narrative.requestFocus();
            return null;
        });
        waitUntil(narrative::isFocused);
        robot.write(PENDING);
        assertThat(onFx(state::getText)).as("the edit is not saved yet").isEqualTo("Unsaved changes");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q).release(KeyCode.Q, KeyCode.SHIFT, KeyCode.CONTROL);

        waitUntil(() -> !stage.isShowing());
        waitUntil(() -> ShellProbe.closed(root));
        assertThat(session.isOpen()).isFalse();
        assertThat(StoreInternals.keysWiped(session)).as("the keys are wiped").isTrue();
        assertThat(ShellProbe.vault(root)).isEmpty();

        // The next unlock: what the autosave saved is intact; the pending edit was not saved on the way out.
        try (VaultSession again = services.vaults().open(services.directories().vault(),
                UiTestSupport.PASSPHRASE.toCharArray())) {
            List<TestimonySummary> all = again.testimonies().list();
            assertThat(all).extracting(TestimonySummary::title).containsExactly(SAVED);
            Testimony t = again.testimonies().latest(all.get(0).id());
            assertThat(t.content().narrative()).doesNotContain(PENDING);
        }
    }

    @Test
    void theToolbarButtonDoesTheSameAndTheOpenCopiesAreDeleted(FxRobot robot) throws Exception {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        VaultSession session = session();
        java.nio.file.Path copy = ShellProbe.copies(root).copy(OpenCopiesDeletedTest.text("karar"), "karar.txt");
        assertThat(copy).exists();
        robot.clickOn("#panicButton");
        waitUntil(() -> !stage.isShowing());
        waitUntil(() -> ShellProbe.closed(root));
        assertThat(session.isOpen()).isFalse();
        assertThat(StoreInternals.keysWiped(session)).isTrue();
        assertThat(copy).doesNotExist();
        assertThat(services.directories().openCopies()).doesNotExist();
    }

    @Test
    void aShortcutChosenInTheSettingsIsTheOneThatCloses(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        onFx(() -> {
            ShellProbe.settingsChanged(root, services.settings().load().withPanic("Shortcut+Alt+X", false));
            return null;
        });
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q).release(KeyCode.Q, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).as("the old key no longer closes").isTrue();
        VaultSession session = session();
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.X).release(KeyCode.X, KeyCode.ALT, KeyCode.CONTROL);
        waitUntil(() -> !stage.isShowing());
        waitUntil(() -> ShellProbe.closed(root));
        assertThat(StoreInternals.keysWiped(session)).isTrue();
    }

    @Test
    void withPanicErasesTheVaultFolderIsGone(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        onFx(() -> {
            // As the settings dialog applies it when saved.
            ShellProbe.settingsChanged(root, services.settings().load().withPanic(Settings.DEFAULT_PANIC_SHORTCUT, true));
            return null;
        });
        VaultSession session = session();
        java.nio.file.Path vault = services.directories().vault();
        assertThat(vault).exists();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q).release(KeyCode.Q, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> !stage.isShowing());
        waitUntil(() -> ShellProbe.closed(root));
        assertThat(StoreInternals.keysWiped(session)).isTrue();
        assertThat(vault).doesNotExist();
        assertThat(services.vaultAccess().exists(vault)).isFalse();
    }

    @Test
    void anUnlockThatFinishesAfterTheQuickExitIsClosedAtOnce(FxRobot robot) {
        waitUntil(() -> showing(robot, "#unlockScreen"));
        // As if the key derivation was still running when the key was pressed on the unlock screen.
        org.tanik.session.OpenVault late = services.vaultAccess().unlock(services.directories().vault(),
                UiTestSupport.PASSPHRASE.toCharArray());
        VaultSession session = late.store();
        onFx(() -> {
            ShellProbe.panic(root);
            ShellProbe.unlocked(root, late);
            return null;
        });
        waitUntil(() -> !stage.isShowing());
        waitUntil(() -> !late.isOpen());
        assertThat(StoreInternals.keysWiped(session)).isTrue();
        assertThat(ShellProbe.vault(root)).isEmpty();
    }
}
