package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.tanik.config.Settings;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.VersionDiff;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.ui.shell.ShellProbe;
import org.tanik.ui.shell.UiCompositionRoot;
import org.tanik.volunteer.Outbox;
import org.testfx.api.FxRobot;

/**
 * In Turkish: the changes between two versions name their fields in words ("Olay 1 › Eylem 1 › Yer ›
 * İl") with coded values by their labels, and the audit log speaks Turkish too: actions, details
 * (the importer's included) and the archive check.
 */
class CoordinatorAuditTurkishTest extends AppTestBase {

    final ScriptedFiles files = new ScriptedFiles();
    CoordinatorFixture fixture;
    Path bundleA3;

    @Override
    void prepare() {
        services.settings().save(new Settings("tr", 10));
        fixture = new CoordinatorFixture(services, home);
        // The volunteer corrects the province of A's first testimony (İstanbul → Ankara): version 3, bundle 3.
        bundleA3 = home.resolve("incoming/device-a-3.tanik");
        try (VaultSession va = services.vaults().open(home.resolve("volunteer-a"),
                UiTestSupport.PASSPHRASE.toCharArray())) {
            org.tanik.model.TestimonyContent before = va.testimonies().amend(fixture.testimonyA1).content();
            va.testimonies().saveDraft(fixture.testimonyA1, CoordinatorFixture.content(
                    "Gözaltında işkence iddiası (düzeltilmiş)", "torture", "06", "police", LocalDate.of(2016, 7, 20),
                    "Emniyette dört gün boyunca dövüldü. Doktor görmedi.")
                    .withConsent(before.consent()).withAttachments(before.attachments()));
            va.testimonies().seal(fixture.testimonyA1);
            new Outbox(new OpenVault(va), services.clock()).export(bundleA3);
        }
    }

    @Override
    UiCompositionRoot configure(UiCompositionRoot fresh) {
        return ShellProbe.fileChoices(fresh, files);
    }

    @Test
    @SuppressWarnings("unchecked")
    void diffLabelsAndAuditLogInTurkish(FxRobot robot) throws Exception {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> robot.lookup(".coordinator-screen").tryQuery().isPresent());
        TableView<ArchiveItem> queue = robot.lookup(".queue-table").queryAs(TableView.class);
        waitUntil(() -> queue.getItems().size() == 1);
        files.toOpenMany.add(List.of(fixture.bundleA2, bundleA3));
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        TableView<ImportResult> results = robot.lookup(".import-screen .results-table").queryAs(TableView.class);
        waitUntil(() -> results.getItems().size() == 2 && queue.getItems().size() == 2);
        assertThat(results.getItems()).extracting(ImportResult::verdict)
                .containsExactly(ImportResult.Verdict.IMPORTED, ImportResult.Verdict.IMPORTED);

        // Version 2 → 3 of A's first testimony: one change, named and valued in Turkish.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        ArchiveItem first = queue.getItems().stream().filter(i -> i.id().equals(fixture.testimonyA1)).findFirst()
                .orElseThrow();
        robot.interact(() -> queue.getSelectionModel().select(first));
        TextArea text = robot.lookup(".archive-view #text").queryAs(TextArea.class);
        waitUntil(() -> text.getText().contains("Ankara"));
        TabPane tabs = robot.lookup(".archive-view #tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<VersionDiff.Change> changes = robot.lookup(".archive-view #changes").queryAs(TableView.class);
        waitUntil(() -> changes.getItems().size() == 1);
        assertThat(changes.getItems().get(0).field()).isEqualTo("incidents[0].acts[0].place.province");
        assertThat(onFx(() -> changes.getColumns().stream().map(c -> (String) c.getCellData(0)).toList()))
                .containsExactly("Olay 1 › Eylem 1 › Yer › İl", "İstanbul", "Ankara");
        UiTestSupport.screenshot(stage.getScene(), "47-tr-coordinator-diff-labels");

        // From version 1 to 3: the narrative and the title changed too, and nothing shows a raw path.
        robot.interact(() -> robot.lookup(".archive-view #diffFrom").queryAs(javafx.scene.control.ComboBox.class)
                .setValue(1));
        waitUntil(() -> changes.getItems().size() == 3);
        assertThat(onFx(() -> changes.getItems().stream().map(c -> (String) changes.getColumns().get(0)
                .getCellData(c)).toList())).containsExactlyInAnyOrder("Başlık", "Olay 1 › Eylem 1 › Yer › İl", "Anlatı");

        // The audit log in Turkish, verified.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        TableView<org.tanik.coordinator.AuditTrail.Entry> table = robot.lookup(".audit-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 5);
        assertThat(onFx(() -> table.getColumns().get(2).getCellData(0))).isEqualTo("Paket içe aktarıldı");
        assertThat(onFx(() -> table.getColumns().get(2).getCellData(3))).isEqualTo("Cihaz onaylandı");
        assertThat(onFx(() -> table.getColumns().get(2).getCellData(4)))
                .isEqualTo("Paket, cihazı onaylanana dek bekletildi");
        // Details in Turkish too, the importer's and the approval's alike.
        assertThat(onFx(() -> table.getColumns().get(4).getCellData(0))).isEqualTo("Cihaz " + fixture.idA
                + ", 3 numaralı paket: 1 yeni sürüm arşivlendi. Dosyanın SHA-256 özeti: "
                + CoordinatorAuditTest.sha256(bundleA3));
        assertThat(onFx(() -> table.getColumns().get(4).getCellData(3))).isEqualTo("Etiket: Saha ekibi 1");
        assertThat(onFx(() -> table.getColumns().get(4).getCellData(4))).isEqualTo("Cihaz " + fixture.idA
                + ", 1 numaralı paket: cihaz onaylanana dek bekletiliyor.");
        assertThat(onFx(() -> table.getColumns().stream().map(c -> String.valueOf(c.getCellData(1))).toList()))
                .noneMatch(cell -> cell.contains("device") || cell.contains("sequence") || cell.contains("new versions"));
        // The filter finds the Turkish words of the details.
        robot.clickOn(".audit-screen #filter").write("arsivlendi");
        waitUntil(() -> table.getItems().size() == 3);
        robot.interact(() -> robot.lookup(".audit-screen #filter").queryAs(TextField.class).clear());
        waitUntil(() -> table.getItems().size() == 5);
        robot.clickOn(".audit-screen #filter").write("bekletildi");
        waitUntil(() -> table.getItems().size() == 1);
        robot.clickOn(".audit-screen #verifyButton");
        Label result = robot.lookup(".audit-screen #result").queryAs(Label.class);
        waitUntil(() -> result.getText().startsWith("Denetim kaydı sağlam: 5 girdi"));
        assertThat(robot.lookup(".audit-screen #copyButton").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup(".audit-screen #checkpointLabel").queryAs(Label.class).getText())
                .startsWith("Kayıt, örgütün imzaladığı en yeni kontrol noktasına ulaşıyor (5 girdi, ");

        // The archive check in Turkish, from its mnemonic: A's three bundles, four records.
        Button check = robot.lookup(".audit-screen #checkArchiveButton").queryAs(Button.class);
        assertThat(check.getText()).isEqualTo("_Tüm arşivi denetle");
        assertThat(check.getAccessibleText()).isEqualTo("Tüm arşivi denetle");
        Label status = robot.lookup(".audit-screen #archiveStatus").queryAs(Label.class);
        assertThat(status.getText()).startsWith("Arşiv denetimi, arşivlenen her kaydı");
        robot.press(KeyCode.ALT, KeyCode.T).release(KeyCode.T, KeyCode.ALT);
        waitUntil(() -> status.getText().startsWith("Arşiv sağlam"));
        assertThat(status.getText()).isEqualTo("Arşiv sağlam: 3 paket ve 4 kayıt, cihazlarının imzaladığıyla "
                + "karşılaştırıldı.");
        UiTestSupport.screenshot(stage.getScene(), "48-tr-coordinator-audit");
    }
}
