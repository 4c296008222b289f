package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.model.Device;
import org.tanik.model.DeviceState;
import org.tanik.model.ReviewState;
import org.tanik.model.Term;
import org.tanik.ui.shell.ShellProbe;
import org.tanik.ui.shell.UiCompositionRoot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An organisation vault opens in coordinator mode: import through the GUI (one bundle held from an
 * unknown device), approve that device, review with a note, filter, and read the provenance.
 */
class CoordinatorTest extends AppTestBase {

    final ScriptedFiles files = new ScriptedFiles();
    CoordinatorFixture fixture;

    @Override
    void prepare() {
        fixture = new CoordinatorFixture(services, home);
    }

    @Override
    UiCompositionRoot configure(UiCompositionRoot fresh) {
        return ShellProbe.fileChoices(fresh, files);
    }

    @Test
    @SuppressWarnings("unchecked")
    void importApproveReviewFilterAndProvenance(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> robot.lookup(".coordinator-screen").tryQuery().isPresent());
        TableView<ArchiveItem> queue = robot.lookup(".queue-table").queryAs(TableView.class);
        waitUntil(() -> queue.getItems().size() == 1);
        assertThat(ShellProbe.coordinatorMode(root)).isTrue();

        // Import: A's second bundle is imported, B's is held (unknown device).
        files.toOpenMany.add(List.of(fixture.bundleA2, fixture.bundleB1));
        // Ctrl+I (the Import tab's button has the same text as the menu item, so a click by text is ambiguous).
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        TableView<ImportResult> results = robot.lookup(".import-screen .results-table").queryAs(TableView.class);
        waitUntil(() -> results.getItems().size() == 2 && robot.lookup(".import-screen #importButton").query().isVisible()
                && !robot.lookup(".import-screen #importButton").queryAs(Button.class).isDisabled());
        assertThat(results.getItems()).extracting(ImportResult::verdict)
                .containsExactly(ImportResult.Verdict.IMPORTED, ImportResult.Verdict.QUARANTINED);
        UiTestSupport.screenshot(stage.getScene(), "30-coordinator-import-results");
        waitUntil(() -> queue.getItems().size() == 2);

        // Approve B in the Volunteers view: its held bundle is imported and joins the queue.
        robot.clickOn("Volunteers");
        TableView<Device> devices = robot.lookup(".volunteers-table").queryAs(TableView.class);
        waitUntil(() -> devices.getItems().size() == 2);
        Device b = devices.getItems().stream().filter(d -> d.fingerprint().equals(fixture.deviceB)).findFirst().orElseThrow();
        assertThat(b.state()).isEqualTo(DeviceState.PENDING);
        robot.interact(() -> devices.getSelectionModel().select(b));
        UiTestSupport.screenshot(stage.getScene(), "31-coordinator-volunteers");
        robot.clickOn("#approveButton");
        waitUntil(() -> robot.lookup(".dialog-pane .fingerprint").tryQuery().isPresent());
        DialogPane approve = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.clickOn(robot.lookup(".dialog-pane .text-field").queryAs(TextField.class)).write("Saha ekibi 2");
        UiTestSupport.screenshot(approve.getScene(), "32-coordinator-approve");
        robot.clickOn("Approve");
        waitUntil(() -> robot.lookup(".dialog-pane .results-table").tryQuery().isPresent());
        TableView<ImportResult> released = robot.lookup(".dialog-pane .results-table").queryAs(TableView.class);
        assertThat(released.getItems()).extracting(ImportResult::verdict).containsExactly(ImportResult.Verdict.IMPORTED);
        UiTestSupport.screenshot(released.getScene(), "33-coordinator-approved");
        robot.clickOn("Close");
        waitUntil(() -> queue.getItems().size() == 3);
        assertThat(session().coordinator().devices().find(fixture.idB).orElseThrow().state())
                .isEqualTo(DeviceState.APPROVED);
        // The import and the approval each signed the audit log's head: the newest checkpoint is the whole log.
        org.tanik.store.coordinator.AuditLog.Verification audit = org.tanik.enrolment.Organisation.verifyAudit(session());
        assertThat(audit.anchor()).isEqualTo(org.tanik.store.coordinator.AuditLog.Anchor.REACHED);
        assertThat(audit.checkpoint().entries()).isEqualTo(audit.entries());

        // Filter the queue: text as you type, and a violation type.
        robot.clickOn("Review queue");
        TextField search = robot.lookup(".queue-screen #filter").queryAs(TextField.class);
        robot.clickOn(search).write("gözal");
        waitUntil(() -> queue.getItems().size() == 2);
        ComboBox<Term> type = robot.lookup(".queue-screen #typeFilter").queryAs(ComboBox.class);
        robot.interact(() -> type.getItems().stream().filter(t -> t.code().equals("arbitrary_detention")).findFirst()
                .ifPresent(type::setValue));
        waitUntil(() -> queue.getItems().size() == 1);
        assertThat(queue.getItems().get(0).title()).isEqualTo("Ankara'da keyfi gözaltı");
        robot.interact(() -> type.setValue(type.getItems().get(0)));
        robot.interact(search::clear);
        waitUntil(() -> queue.getItems().size() == 3);

        // Open A's first testimony: two versions, a diff, the provenance panel.
        ArchiveItem first = queue.getItems().stream().filter(i -> i.id().equals(fixture.testimonyA1)).findFirst()
                .orElseThrow();
        robot.interact(() -> queue.getSelectionModel().select(first));
        TextArea text = robot.lookup(".archive-view #text").queryAs(TextArea.class);
        waitUntil(() -> text.getText().contains("dört gün"));
        UiTestSupport.screenshot(stage.getScene(), "34-coordinator-queue");
        TabPane tabs = robot.lookup(".archive-view #tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<?> changes = robot.lookup(".archive-view #changes").queryAs(TableView.class);
        assertThat(changes.getItems()).isNotEmpty();
        UiTestSupport.screenshot(stage.getScene(), "35-coordinator-diff");
        robot.interact(() -> tabs.getSelectionModel().select(2));
        TextField device = robot.lookup(".archive-view #provDevice").queryAs(TextField.class);
        waitUntil(() -> device.getText().equals(fixture.deviceA));
        String bundleId = session().coordinator().archive().versions(fixture.testimonyA1).get(1).bundleId();
        assertThat(robot.lookup(".archive-view #provBundle").queryAs(TextField.class).getText()).isEqualTo(bundleId);
        assertThat(robot.lookup(".archive-view #provLabel").queryAs(TextField.class).getText()).isEqualTo("Saha ekibi 1");
        UiTestSupport.screenshot(stage.getScene(), "36-coordinator-provenance");

        // Review: a state with a required note; the store and the audit log record it.
        robot.interact(() -> tabs.getSelectionModel().select(3));
        Button apply = robot.lookup(".archive-view #applyButton").queryAs(Button.class);
        ComboBox<ReviewState> state = robot.lookup(".archive-view #newState").queryAs(ComboBox.class);
        robot.interact(() -> state.setValue(ReviewState.VERIFIED));
        assertThat(apply.isDisabled()).isTrue();
        robot.clickOn(".archive-view #note").write("Avukatla telefonda doğrulandı.");
        assertThat(apply.isDisabled()).isFalse();
        robot.clickOn(apply);
        waitUntil(() -> queue.getSelectionModel().getSelectedItem() != null
                && queue.getSelectionModel().getSelectedItem().reviewState() == ReviewState.VERIFIED);
        assertThat(session().coordinator().reviews().state(fixture.testimonyA1)).isEqualTo(ReviewState.VERIFIED);
        assertThat(session().coordinator().reviews().history(fixture.testimonyA1))
                .extracting(e -> e.note()).containsExactly("Avukatla telefonda doğrulandı.");
        assertThat(session().coordinator().audit().entries()).anyMatch(e -> e.action().equals("review")
                && e.subject().equals(fixture.testimonyA1) && e.detail().contains("VERIFIED"));
        WaitForAsyncUtils.waitForFxEvents();
        UiTestSupport.screenshot(stage.getScene(), "37-coordinator-review");

        // Statistics for the filtered set; the keyboard reaches it too.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("3 documented acts in 3 testimonies").tryQuery().isPresent());
        UiTestSupport.screenshot(stage.getScene(), "38-coordinator-statistics");
    }
}
