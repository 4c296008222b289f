package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.tanik.enrolment.Enrolment;
import org.tanik.enrolment.Organisation;
import org.tanik.model.TestimonyContent;
import org.tanik.store.VaultSession;
import org.tanik.store.volunteer.OutboxLedger;
import org.tanik.ui.common.Dates;
import org.tanik.ui.shell.ShellProbe;
import org.tanik.ui.shell.UiCompositionRoot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * After an export a testimony no longer says "ready to send": the list and the editor say which
 * bundle it went out in and when, then when it was delivered; the list filters sent / not yet sent;
 * the export dialog says beforehand how many versions it will include, and a second export with
 * nothing new says so in the list's words.
 */
class SentStatusTest extends AppTestBase {

    static final String SEALED = "Gözaltı ve kötü muamele";
    static final String DRAFT = "Pasaport iptali";
    final ScriptedFiles files = new ScriptedFiles();
    Path stick;

    @Override
    void prepare() {
        Path orgVault = home.resolve("organisation");
        try (VaultSession org = services.vaults().create(orgVault, UiTestSupport.PASSPHRASE.toCharArray());
             VaultSession v = services.vaults().create(services.directories().vault(),
                     UiTestSupport.PASSPHRASE.toCharArray())) {
            Organisation o = Organisation.init(org, "İnsan Hakları Belgeleme");
            new Enrolment(services.clock()).enrol(v, o.invite(null, null, Duration.ofDays(14), services.clock()));
            v.testimonies().seal(v.testimonies().create(TestimonyContent.empty().withTitle(SEALED)).id());
            v.testimonies().create(TestimonyContent.empty().withTitle(DRAFT));
            stick = Files.createDirectories(home.resolve("usb-stick"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    UiCompositionRoot configure(UiCompositionRoot fresh) {
        return ShellProbe.fileChoices(fresh, files);
    }

    @Test
    void theListAndTheEditorSayWhatWasSent(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> status(robot, SEALED) != null);
        assertThat(status(robot, SEALED)).isEqualTo("Ready to send");

        // Before writing, the dialog says how many versions the bundle will hold.
        files.toSave.add(stick);
        robot.clickOn("Testimony").clickOn("Export bundle…");
        waitUntil(() -> robot.lookup(".export-dialog").tryQuery().isPresent());
        Label summary = robot.lookup(".export-dialog #summary").queryAs(Label.class);
        waitUntil(() -> summary.getText().contains("The bundle will include one sealed testimony version not sent yet."));
        robot.clickOn("Export…");
        TextField sha = robot.lookup(".export-dialog #sha256").queryAs(TextField.class);
        waitUntil(() -> !sha.getText().isEmpty());
        robot.clickOn("Close");
        // The default name tells nothing but the day.
        assertThat(files.proposedNames).singleElement().asString().matches("\\d{4}-\\d{2}-\\d{2}\\.tanik");

        String today = new Dates(Locale.ENGLISH, ZoneId.systemDefault()).date(LocalDate.now(ZoneId.systemDefault()));
        waitUntil(() -> ("Sent in bundle 1 on " + today).equals(status(robot, SEALED)));
        assertThat(status(robot, DRAFT)).isEqualTo("Draft");
        UiTestSupport.screenshot(robot.lookup("#listScreen").query().getScene(), "testimony-list-sent-status");

        // The filter follows the same rule as the column.
        ComboBox<?> sent = robot.lookup("#sentFilter").queryAs(ComboBox.class);
        onFx(() -> {
            sent.getSelectionModel().select(2);
            return null;
        });
        assertThat(titles(robot)).containsExactly(SEALED);
        onFx(() -> {
            sent.getSelectionModel().select(1);
            return null;
        });
        assertThat(titles(robot)).containsExactly(DRAFT);
        onFx(() -> {
            sent.getSelectionModel().select(0);
            return null;
        });
        assertThat(titles(robot)).containsExactlyInAnyOrder(SEALED, DRAFT);

        // Nothing new: the dialog agrees with the list.
        robot.clickOn("Testimony").clickOn("Export bundle…");
        waitUntil(() -> robot.lookup(".export-dialog").tryQuery().isPresent());
        Label again = robot.lookup(".export-dialog #summary").queryAs(Label.class);
        waitUntil(() -> again.getText().contains("Nothing new to send"));
        assertThat(again.getText()).contains("the list shows it as sent");
        robot.clickOn("Close");

        // The editor says the same.
        robot.doubleClickOn(SEALED);
        waitUntil(() -> showing(robot, "#editorScreen"));
        Label chip = robot.lookup("#statusLabel").queryAs(Label.class);
        waitUntil(() -> chip.getText().startsWith("Sent in bundle 1 on " + today));
        robot.clickOn("#backButton");
        waitUntil(() -> showing(robot, "#listScreen"));

        // Once the intake's receipt checked out (the outbox ledger), "delivered"; shown after a new load.
        OutboxLedger outbox = session().outbox();
        OutboxLedger.Entry entry = outbox.list().get(0);
        outbox.delivered(entry.bundleId(), entry.sha256(), entry.size(), Instant.now(), "receipt");
        onFx(() -> {
            ShellProbe.lock(root);
            return null;
        });
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> ("Sent in bundle 1, delivered on " + today).equals(status(robot, SEALED)));
    }

    /** The status column's text for a title, as the table shows it, or null. */
    private static String status(FxRobot robot, String title) {
        TableView<?> table = robot.lookup(".testimony-table").queryAs(TableView.class);
        return onFx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (title.equals(table.getColumns().get(0).getCellData(i))) {
                    return String.valueOf(table.getColumns().get(3).getCellData(i));
                }
            }
            return null;
        });
    }

    private static List<Object> titles(FxRobot robot) {
        TableView<?> table = robot.lookup(".testimony-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> {
            List<Object> out = new java.util.ArrayList<>();
            for (int i = 0; i < table.getItems().size(); i++) {
                out.add(table.getColumns().get(0).getCellData(i));
            }
            return out;
        });
    }
}
