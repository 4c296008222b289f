package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.util.List;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.tanik.config.Settings;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.ImportResult;

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
        return fresh.fileChoices(files);
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
        assertThat(robot.lookup("Bekletiliyor").tryQuery()).isPresent();
        assertThat(robot.lookup("Zaten içe aktarılmış").tryQuery()).isPresent();
        UiTestSupport.screenshot(stage.getScene(), "40-tr-coordinator-import");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        robot.interact(() -> queue.getSelectionModel().select(0));
        waitUntil(() -> robot.lookup("Tanıklık").tryQuery().isPresent());
        UiTestSupport.screenshot(stage.getScene(), "41-tr-coordinator-queue");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("Bekliyor").tryQuery().isPresent());
        UiTestSupport.screenshot(stage.getScene(), "42-tr-coordinator-volunteers");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("İhlallerin değil, belgelenen eylemlerin sayıları").tryQuery().isPresent());
        UiTestSupport.screenshot(stage.getScene(), "43-tr-coordinator-statistics");
    }
}
