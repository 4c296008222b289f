package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.tanik.ui.shell.ShellProbe;
import org.testfx.api.FxRobot;
import org.tanik.config.Settings;

class SettingsTest extends AppTestBase {

    @Override
    void prepare() {
        services.settings().save(new Settings("en", 10));
        vaultWith();
    }

    @Test
    void switchingToTurkishRebuildsTheWindowAndIsRemembered(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        robot.clickOn("Vault").clickOn("Settings…");
        waitUntil(() -> robot.lookup("#language").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<String> language = robot.lookup("#language").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        Spinner<Integer> idle = robot.lookup("#idleMinutes").queryAs(Spinner.class);
        robot.interact(() -> {
            language.setValue("tr");
            idle.getValueFactory().setValue(25);
        });
        UiTestSupport.screenshot(robot.lookup(".dialog-pane").queryAs(DialogPane.class).getScene(), "14-settings");
        robot.clickOn("Save");

        waitUntil(() -> robot.lookup(".menu-bar").tryQuery()
                .map(m -> ((MenuBar) m).getMenus().get(0).getText().replace("_", "").equals("Tanıklık")).orElse(false));
        assertThat(services.settings().load()).isEqualTo(new Settings("tr", 25));
        assertThat(ShellProbe.vault(root)).isPresent();

        // The menus' texts change first; the menu bar draws its buttons for them on a later pulse.
        waitUntil(() -> robot.lookup("Kasa").tryQuery().isPresent());
        robot.clickOn("Kasa").clickOn("Kilitle");
        waitUntil(() -> showing(robot, "#unlockScreen"));
        assertThat(robot.lookup("#unlockButton").queryButton().getText().replace("_", "")).isEqualTo("Kilidi aç");
    }

    @Test
    void aProxyThatIsNotSocks5KeepsTheDialogOpenWithTheReasonAndAGoodOneIsSaved(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        robot.clickOn("Vault").clickOn("Settings…");
        waitUntil(() -> robot.lookup("#proxy").tryQuery().isPresent());
        TextField proxy = robot.lookup("#proxy").queryAs(TextField.class);
        CheckBox proxyOnly = robot.lookup("#proxyOnly").queryAs(CheckBox.class);
        Label problem = robot.lookup("#proxyProblem").queryAs(Label.class);
        robot.interact(() -> proxy.setText("127.0.0.1:9050"));
        robot.clickOn("Save");
        waitUntil(() -> problem.getText() != null && !problem.getText().isBlank());
        assertThat(problem.getText()).contains("socks5://");
        assertThat(robot.lookup("#proxy").tryQuery()).as("the dialog stays open").isPresent();
        assertThat(services.settings().load().proxy()).isEmpty();

        robot.interact(() -> {
            proxy.setText("socks5://127.0.0.1:9150");
            proxyOnly.setSelected(true);
        });
        UiTestSupport.screenshot(robot.lookup(".dialog-pane").queryAs(DialogPane.class).getScene(), "15-settings-proxy");
        robot.clickOn("Save");
        waitUntil(() -> robot.lookup("#proxy").tryQuery().isEmpty());
        Settings saved = services.settings().load();
        assertThat(saved.proxy()).isEqualTo("socks5://127.0.0.1:9150");
        assertThat(saved.proxyOnly()).isTrue();
        assertThat(saved.autoSend()).as("automatic sending stays off unless chosen").isFalse();
    }
}
