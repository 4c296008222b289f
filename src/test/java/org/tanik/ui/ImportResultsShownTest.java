package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.tanik.config.Settings;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.model.Device;
import org.tanik.ui.shell.ShellProbe;
import org.tanik.ui.shell.UiCompositionRoot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The import results and the bundles released by approving a device are shown whole, at 1280x720
 * in Turkish: every row inside the table's visible area, every detail wholly readable.
 */
class ImportResultsShownTest extends FitTestBase {

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

    @Override
    void addVisits() {
    }

    @Test
    @SuppressWarnings("unchecked")
    void importResultsAndReleasedBundlesAreShownWhole(FxRobot robot) {
        this.robot = robot;
        language = "tr";
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> ShellProbe.coordinatorMode(root));
        resize(1280, 720);
        files.toOpenMany.add(List.of(fixture.bundleA2, fixture.bundleB1, fixture.bundleA2));
        menu("menu.import");
        TableView<ImportResult> results = robot.lookup(".import-screen .results-table").queryAs(TableView.class);
        waitUntil(() -> results.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> notWhole(results))).as("import results").isEmpty();

        tab("volunteersTab");
        TableView<Device> devices = robot.lookup(".volunteers-table").queryAs(TableView.class);
        waitUntil(() -> devices.getItems().size() == 2);
        robot.interact(() -> devices.getItems().stream().filter(d -> d.fingerprint().equals(fixture.deviceB))
                .findFirst().ifPresent(d -> devices.getSelectionModel().select(d)));
        Button approve = robot.lookup("#approveButton").queryButton();
        Platform.runLater(approve::fire);
        DialogPane asking = dialog();
        robot.interact(() -> ((TextField) asking.lookup(".text-field")).setText("Saha ekibi 2 — Diyarbakır"));
        Button ok = (Button) asking.getButtonTypes().stream().map(asking::lookupButton)
                .filter(b -> ((Button) b).isDefaultButton()).findFirst().orElseThrow();
        Platform.runLater(ok::fire);
        waitUntil(() -> robot.lookup(".dialog-pane .results-table").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ImportResult> released = robot.lookup(".dialog-pane .results-table").queryAs(TableView.class);
        assertThat(released.getItems()).hasSize(1);
        assertThat(onFx(() -> notWhole(released))).as("bundles released by the approval").isEmpty();
        UiTestSupport.screenshot(released.getScene(), "fit-released-tr-1280x720");
        closeDialogs();
    }

    /** Rows outside the table's visible area and cells whose text is cut or clipped. */
    static List<String> notWhole(TableView<?> table) {
        table.applyCss();
        table.layout();
        List<String> problems = new ArrayList<>();
        Node header = table.lookup(".column-header-background");
        Bounds area = table.localToScene(table.getLayoutBounds());
        double top = header.localToScene(header.getLayoutBounds()).getMaxY();
        int rows = 0;
        for (Node n : table.lookupAll(".table-cell")) {
            if (!(n instanceof TableCell<?, ?> cell) || cell.isEmpty() || !cell.isVisible()
                    || cell.getTableRow() == null || cell.getTableRow().isEmpty()) {
                continue;
            }
            Bounds b = cell.localToScene(cell.getLayoutBounds());
            if (b.getMinY() < top - 0.5 || b.getMaxY() > area.getMaxY() + 0.5) {
                problems.add("row " + cell.getIndex() + " outside the visible table (" + Math.round(b.getMinY()) + "-"
                        + Math.round(b.getMaxY()) + " in " + Math.round(top) + "-" + Math.round(area.getMaxY()) + ")");
            }
            rows++;
            Text shown = null;
            for (Node c : cell.getChildrenUnmodifiable()) {
                if (c instanceof Text t) {
                    shown = t;
                }
            }
            String full = cell.getText() != null ? cell.getText() : shown == null ? null : shown.getText();
            if (shown == null || full == null) {
                continue;
            }
            if (!shown.getText().replaceAll("\\s+", "").equals(full.replaceAll("\\s+", ""))) {
                problems.add("cut: \"" + full + "\" shown \"" + shown.getText() + "\"");
            }
            Bounds t = shown.localToScene(shown.getLayoutBounds());
            if (t.getMaxY() > b.getMaxY() + 1 || t.getMaxX() > b.getMaxX() + 1) {
                problems.add("clipped: \"" + full + "\"");
            }
        }
        if (rows == 0) {
            problems.add("no row shown");
        }
        return problems;
    }
}
