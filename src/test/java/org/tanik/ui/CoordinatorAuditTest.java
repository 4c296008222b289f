package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.tanik.coordinator.ImportResult;
import org.tanik.store.StoreInternals;
import org.tanik.store.coordinator.Archive;
import org.tanik.store.coordinator.AuditLog;
import org.testfx.api.FxRobot;

/**
 * The coordinator's audit log view after an import: entries newest first with their actions and
 * details in words, the filter, "Verify chain" with the head hash to note down and copy and the signed
 * head, "Check archive" (cancelled, intact, then a changed signature), a log cut short below its signed
 * checkpoint, and an altered entry.
 */
class CoordinatorAuditTest extends AppTestBase {

    final ScriptedFiles files = new ScriptedFiles();
    CoordinatorFixture fixture;

    @Override
    void prepare() {
        fixture = new CoordinatorFixture(services, home);
    }

    @Override
    UiCompositionRoot configure(UiCompositionRoot fresh) {
        return fresh.fileChoices(files);
    }

    @Test
    @SuppressWarnings("unchecked")
    void listFilterVerifyAndCopyTheHead(FxRobot robot) throws Exception {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> robot.lookup(".coordinator-screen").tryQuery().isPresent());
        files.toOpenMany.add(List.of(fixture.bundleA2, fixture.bundleB1));
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        TableView<ImportResult> results = robot.lookup(".import-screen .results-table").queryAs(TableView.class);
        waitUntil(() -> results.getItems().size() == 2
                && !robot.lookup(".import-screen #importButton").queryAs(Button.class).isDisabled());

        // The keyboard opens the tab. The fixture's import was held, then released by the approval;
        // the GUI then imported A's second bundle and held B's: five entries, the newest first.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        TableView<AuditLog.Entry> table = robot.lookup(".audit-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 5);
        assertThat(table.getItems()).extracting(AuditLog.Entry::seq).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(table.getItems()).extracting(AuditLog.Entry::action).containsExactly("import.quarantined", "import",
                "import", "device.approve", "import.quarantined");
        TableColumn<AuditLog.Entry, ?> action = table.getColumns().get(2);
        assertThat(onFx(() -> List.of(action.getCellData(0), action.getCellData(1), action.getCellData(3))))
                .containsExactly("Bundle held until its device is approved", "Bundle imported", "Device approved");
        assertThat(table.getColumns().get(1).getText()).startsWith("Time (");
        assertThat(onFx(() -> (String) table.getColumns().get(4).getCellData(0))).isEqualTo("Device " + fixture.idB
                + ", bundle number 1: held until the device is approved.");
        assertThat(onFx(() -> (String) table.getColumns().get(4).getCellData(1))).isEqualTo("Device " + fixture.idA
                + ", bundle number 2: 2 new versions archived. File SHA-256: " + sha256(fixture.bundleA2));
        assertThat(onFx(() -> (String) table.getColumns().get(4).getCellData(3))).isEqualTo("Label: Saha ekibi 1");
        Label count = robot.lookup(".audit-screen #countLabel").queryAs(Label.class);
        assertThat(count.getText()).isEqualTo("5 of 5 entries shown");
        Label result = robot.lookup(".audit-screen #result").queryAs(Label.class);
        assertThat(result.getText()).contains("Verify the chain");
        assertThat(robot.lookup(".audit-screen #copyButton").queryAs(Button.class).isDisabled()).isTrue();
        UiTestSupport.screenshot(stage.getScene(), "44-coordinator-audit");

        // Filter: Ctrl+F reaches the audit filter while the tab is shown; words of the phrase, then a device.
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        TextField filter = robot.lookup(".audit-screen #filter").queryAs(TextField.class);
        waitUntil(filter::isFocused);
        robot.write("held until");
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(table.getItems()).extracting(AuditLog.Entry::seq).containsExactly(5L, 1L);
        assertThat(count.getText()).isEqualTo("2 of 5 entries shown");
        robot.interact(() -> filter.setText(fixture.idB));
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).seq()).isEqualTo(5L);
        robot.interact(filter::clear);
        waitUntil(() -> table.getItems().size() == 5);

        // Verify: intact, with the count and the head hash, which can be copied.
        robot.clickOn(".audit-screen #verifyButton");
        waitUntil(() -> result.getText().contains("intact"));
        AuditLog.Verification expected = org.tanik.enrolment.Organisation.verifyAudit(session());
        assertThat(result.getText()).isEqualTo("The audit log is intact: 5 entries, each linked to the one before it.");
        TextField head = robot.lookup(".audit-screen #headHash").queryAs(TextField.class);
        assertThat(head.getText()).isEqualTo(expected.head()).hasSize(64);
        assertThat(head.getParent().isVisible()).isTrue();
        assertThat(robot.lookup(".audit-screen #headNote").queryAs(Label.class).getText()).contains("cut short");
        // The GUI's import signed the head: the newest checkpoint, with its full form to keep elsewhere.
        Label checkpoint = robot.lookup(".audit-screen #checkpointLabel").queryAs(Label.class);
        assertThat(checkpoint.getText()).startsWith("The log reaches the newest checkpoint the organisation signed (5 entries, ")
                .doesNotContain("added since");
        TextField signedHead = robot.lookup(".audit-screen #signedHead").queryAs(TextField.class);
        assertThat(signedHead.getText()).isEqualTo(expected.checkpoint().fullForm())
                .startsWith("tanik-audit-head v1 entries=5 head=" + expected.head() + " at=").contains(" sig=");
        assertThat(signedHead.getParent().isVisible()).isTrue();
        Button copy = robot.lookup(".audit-screen #copyButton").queryAs(Button.class);
        assertThat(copy.isDisabled()).isFalse();
        UiTestSupport.screenshot(stage.getScene(), "45-coordinator-audit-verified");
        robot.clickOn(copy);
        waitUntil(() -> expected.head().equals(Clipboard.getSystemClipboard().getString()));
        assertThat(result.getText()).contains("copied");

        checkArchive(robot);

        // The two newest entries removed behind the app's back: a shorter chain, but below the signed checkpoint.
        try (var st = StoreInternals.connection(session()).createStatement()) {
            st.executeUpdate("DELETE FROM audit_log WHERE seq >= 4");
        }
        robot.clickOn(".audit-screen #verifyButton");
        waitUntil(() -> result.getText().contains("cut short"));
        assertThat(result.getText()).startsWith("The audit log was cut short: the organisation signed a checkpoint of 5 "
                + "entries on ").endsWith(", but the log now holds only 3. Its newest entries were removed.");
        assertThat(result.getStyleClass()).contains("audit-broken");
        assertThat(head.getParent().isVisible()).isFalse();
        assertThat(signedHead.getParent().isVisible()).isFalse();
        assertThat(copy.isDisabled()).isTrue();
        UiTestSupport.screenshot(stage.getScene(), "45d-coordinator-audit-cut");

        // An entry changed behind the app's back: the chain breaks there, and that entry is selected.
        try (var st = StoreInternals.connection(session()).createStatement()) {
            st.executeUpdate("UPDATE audit_log SET subject = 'someone else' WHERE seq = 2");
        }
        robot.clickOn(".audit-screen #verifyButton");
        waitUntil(() -> result.getText().contains("altered"));
        assertThat(result.getText()).contains("entry 2").contains("The entry before it is intact");
        assertThat(head.getParent().isVisible()).isFalse();
        assertThat(copy.isDisabled()).isTrue();
        assertThat(table.getSelectionModel().getSelectedItem().seq()).isEqualTo(2L);
        assertThat(table.getSelectionModel().getSelectedItem().subject()).isEqualTo("someone else");
        UiTestSupport.screenshot(stage.getScene(), "46-coordinator-audit-broken");
    }

    /**
     * "Check archive": busy while it runs, cancelled between bundles, then intact (two bundles, three
     * records: A's first and second), then a changed signature named with the bundle and its device.
     */
    @SuppressWarnings("unchecked")
    private void checkArchive(FxRobot robot) throws Exception {
        Button check = robot.lookup(".audit-screen #checkArchiveButton").queryAs(Button.class);
        Button cancel = robot.lookup(".audit-screen #cancelCheckButton").queryAs(Button.class);
        ProgressBar progress = robot.lookup(".audit-screen #archiveProgress").queryAs(ProgressBar.class);
        Label status = robot.lookup(".audit-screen #archiveStatus").queryAs(Label.class);
        ListView<String> failures = robot.lookup(".audit-screen #archiveFailures").queryAs(ListView.class);
        assertThat(check.getText()).isEqualTo("Check a_rchive");
        assertThat(check.isMnemonicParsing()).isTrue();
        assertThat(check.getAccessibleText()).isEqualTo("Check the archive");
        assertThat(check.getAccessibleHelp()).contains("manifest its device signed");
        assertThat(status.getText()).startsWith("Check archive reads every archived record again");
        assertThat(cancel.isVisible()).isFalse();
        assertThat(failures.isVisible()).isFalse();
        int entriesBefore = session().coordinator().audit().entries().size();

        // Busy and cancelled: the vault is held by another transaction, so the check waits before its first bundle.
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> session().coordinator().inTransaction(() -> {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        held.await();
        try {
            robot.press(KeyCode.ALT, KeyCode.R).release(KeyCode.R, KeyCode.ALT);
            waitUntil(() -> check.isDisabled() && cancel.isVisible() && progress.isVisible());
            assertThat(status.getText()).isEqualTo("Checking the archive…");
            robot.clickOn(cancel);
            waitUntil(() -> status.getText().startsWith("Stopping"));
            assertThat(cancel.isDisabled()).isTrue();
        } finally {
            release.countDown();
            holder.join();
        }
        waitUntil(() -> !check.isDisabled());
        assertThat(status.getText()).isEqualTo("The check was stopped after 0 of 2 bundles; none of them failed. "
                + "Run it again to check the whole archive.");
        assertThat(progress.isVisible()).isFalse();
        assertThat(cancel.isVisible()).isFalse();

        robot.press(KeyCode.ALT, KeyCode.R).release(KeyCode.R, KeyCode.ALT);
        waitUntil(() -> status.getText().contains("intact"));
        assertThat(status.getText()).isEqualTo(
                "The archive is intact: 2 bundles, 3 records checked against what their devices signed.");
        assertThat(status.getStyleClass()).contains("audit-intact");
        assertThat(failures.isVisible()).isFalse();
        UiTestSupport.screenshot(stage.getScene(), "45b-coordinator-archive-intact");

        // The signature kept for A's second bundle is changed behind the app's back.
        Archive.Evidence second = session().coordinator().archive().evidence().stream()
                .filter(e -> e.records().size() == 2).findFirst().orElseThrow();
        byte[] signature = second.signature();
        signature[5] ^= 1;
        try (PreparedStatement st = StoreInternals.connection(session()).prepareStatement(
                "UPDATE archive_bundle SET signature = ? WHERE bundle_id = CAST(? AS UUID)")) {
            st.setBytes(1, signature);
            st.setString(2, second.bundleId());
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
        robot.clickOn(check);
        waitUntil(() -> status.getText().contains("failed"));
        assertThat(status.getText()).startsWith("1 of 2 bundles failed the check: for this bundle, the archive can no "
                + "longer show");
        assertThat(status.getStyleClass()).contains("audit-broken");
        assertThat(failures.isVisible()).isTrue();
        assertThat(failures.getItems()).containsExactly("Bundle " + second.bundleId() + " from device Saha ekibi 1 · "
                + fixture.deviceA + ": its device's signature no longer matches the manifest kept for it: the manifest "
                + "or the signature was altered after import.");
        UiTestSupport.screenshot(stage.getScene(), "45c-coordinator-archive-failed");
        // Like the command, the check only reads: nothing was added to the audit log.
        assertThat(session().coordinator().audit().entries()).hasSize(entriesBefore);
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
