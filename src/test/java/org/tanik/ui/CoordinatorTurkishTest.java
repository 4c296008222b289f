package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.util.List;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.ui.shell.ShellProbe;
import org.tanik.ui.shell.UiCompositionRoot;
import org.testfx.api.FxRobot;
import org.tanik.config.Settings;
import org.tanik.coordinator.ArchiveItem;

/** The coordinator window in Turkish: menus, verdicts and the statistics caveat are translated. */
class CoordinatorTurkishTest extends AppTestBase {

    final ScriptedFiles files = new ScriptedFiles();
    CoordinatorFixture fixture;

    @Override
    void prepare() {
        services.settings().save(new Settings("tr", 10));
        fixture = new CoordinatorFixture(services, home);
    }

    @Override
    UiCompositionRoot configure(UiCompositionRoot fresh) {
        return ShellProbe.fileChoices(fresh, files);
    }

    @Test
    @SuppressWarnings("unchecked")
    void coordinatorInTurkish(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> robot.lookup(".coordinator-screen").tryQuery().isPresent());
        MenuBar menus = robot.lookup(".coordinator-screen .menu-bar").queryAs(MenuBar.class);
        assertThat(menus.getMenus()).extracting(m -> m.getText().replace("_", ""))
                .containsExactly("Arşiv", "Kuruluş", "Kasa", "Yardım");
        TableView<ArchiveItem> queue = robot.lookup(".queue-table").queryAs(TableView.class);
        waitUntil(() -> queue.getItems().size() == 1);

        files.toOpenMany.add(List.of(fixture.bundleA2, fixture.bundleB1, fixture.bundleA2));
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        TableView<ImportResult> results = robot.lookup(".import-screen .results-table").queryAs(TableView.class);
        waitUntil(() -> results.getItems().size() == 3 && queue.getItems().size() == 2);
        // Each row's verdict is the expected one, shown in the Turkish words of the UI bundle.
        java.util.ResourceBundle tr = java.util.ResourceBundle.getBundle("org.tanik.ui.i18n.ui",
                java.util.Locale.forLanguageTag("tr"));
        java.util.ResourceBundle en = java.util.ResourceBundle.getBundle("org.tanik.ui.i18n.ui", java.util.Locale.ROOT);
        assertThat(results.getItems()).extracting(ImportResult::verdict).containsExactly(ImportResult.Verdict.IMPORTED,
                ImportResult.Verdict.QUARANTINED, ImportResult.Verdict.ALREADY_IMPORTED);
        List<String> shown = robot.lookup(".results-table .table-cell").queryAll().stream()
                .map(c -> ((javafx.scene.control.Labeled) c).getText()).toList();
        for (ImportResult.Verdict v : List.of(ImportResult.Verdict.QUARANTINED, ImportResult.Verdict.ALREADY_IMPORTED)) {
            String key = "verdict." + v.name();
            assertThat(tr.getString(key)).isNotEqualTo(en.getString(key));
            assertThat(shown).as("verdict %s shown in Turkish", v).contains(tr.getString(key))
                    .doesNotContain(en.getString(key));
        }
        assertThat(tr.getString("verdict.QUARANTINED")).isEqualTo("Bekletiliyor");
        UiTestSupport.screenshot(stage.getScene(), "40-tr-coordinator-import");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        robot.interact(() -> queue.getSelectionModel().select(0));
        waitUntil(() -> robot.lookup("Tanıklık").tryQuery().isPresent());
        UiTestSupport.screenshot(stage.getScene(), "41-tr-coordinator-queue");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertThat(tr.getString("device.state.PENDING")).isEqualTo("Bekliyor")
                .isNotEqualTo(en.getString("device.state.PENDING"));
        waitUntil(() -> robot.lookup(tr.getString("device.state.PENDING")).tryQuery().isPresent());
        assertThat(robot.lookup(en.getString("device.state.PENDING")).tryQuery()).as("no English state").isEmpty();
        UiTestSupport.screenshot(stage.getScene(), "42-tr-coordinator-volunteers");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        assertThat(tr.getString("statistics.caveatTitle")).isEqualTo("İhlallerin değil, belgelenen eylemlerin sayıları");
        waitUntil(() -> robot.lookup(tr.getString("statistics.caveatTitle")).tryQuery().isPresent());
        assertThat(robot.lookup(en.getString("statistics.caveatTitle")).tryQuery()).as("no English caveat").isEmpty();
        UiTestSupport.screenshot(stage.getScene(), "43-tr-coordinator-statistics");
    }
}
