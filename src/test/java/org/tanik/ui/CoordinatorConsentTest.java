package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.model.Attachment;
import org.tanik.ui.shell.ShellProbe;
import org.tanik.ui.shell.UiCompositionRoot;
import org.testfx.api.FxRobot;

/**
 * The coordinator sees the current consent above an archived testimony (a narrowing in a later
 * version replaces what the first said), "No consent recorded" for a record without one, and the
 * files that came with it, shown from the archive as the volunteer's editor shows them.
 */
class CoordinatorConsentTest extends AppTestBase {

    final ScriptedFiles files = new ScriptedFiles();
    final List<java.nio.file.Path> launched = new CopyOnWriteArrayList<>();
    CoordinatorFixture fixture;

    java.nio.file.Path bundleA3;

    @Override
    void prepare() {
        fixture = new CoordinatorFixture(services, home);
        // Later the witness withdraws sharing with partners and use before UN bodies and courts: version 3.
        bundleA3 = home.resolve("incoming/device-a-3.tanik");
        try (org.tanik.store.VaultSession va = services.vaults().open(home.resolve("volunteer-a"),
                UiTestSupport.PASSPHRASE.toCharArray())) {
            org.tanik.model.TestimonyContent before = va.testimonies().amend(fixture.testimonyA1).content();
            org.tanik.model.Consent c = before.consent();
            va.testimonies().saveDraft(fixture.testimonyA1, before.withConsent(new org.tanik.model.Consent(c.method(),
                    c.givenAt(), c.takenBy(), java.util.List.of(org.tanik.model.ConsentScope.DOCUMENTATION,
                    org.tanik.model.ConsentScope.REPORTS_ANONYMOUS), c.formAttachment(),
                    "Ortak kuruluşlarla paylaşılmasını artık istemiyor.")));
            va.testimonies().seal(fixture.testimonyA1);
            new org.tanik.volunteer.Outbox(new org.tanik.session.OpenVault(va), services.clock()).export(bundleA3);
        }
    }

    @Override
    UiCompositionRoot configure(UiCompositionRoot fresh) {
        return ShellProbe.launch(ShellProbe.fileChoices(fresh, files), launched::add);
    }

    String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    void select(FxRobot robot, TableView<ArchiveItem> queue, String titleStart) {
        robot.interact(() -> queue.getItems().stream().filter(i -> i.title().startsWith(titleStart)).findFirst()
                .ifPresent(i -> queue.getSelectionModel().select(i)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCurrentConsentIsShownFirstAndTheAttachedPhotoOpensFromTheArchive(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        TableView<ArchiveItem> queue = robot.lookup(".queue-table").queryAs(TableView.class);
        waitUntil(() -> queue.getItems().size() == 1);
        select(robot, queue, "Gözaltında işkence");
        waitUntil(() -> label(robot, "#consentHeadline").startsWith("Current consent (version 1):"));
        assertThat(label(robot, "#consentHeadline")).contains("written, signed form").contains("taken by E. K.");
        assertThat(label(robot, "#consentCovered")).isEqualTo("Agreed to: keeping and documentation, "
                + "sharing with partner organisations, reports without the name, UN bodies and courts.");
        assertThat(label(robot, "#consentNotCovered"))
                .isEqualTo("Not agreed to: reports with the name, contacting the witness again.");

        // The photo of the signed form, read from the archived bundle and shown inside the app.
        robot.clickOn("Attachments");
        TableView<Attachment> attachments = robot.lookup(".attachments-table").queryAs(TableView.class);
        waitUntil(() -> attachments.getItems().size() == 1);
        robot.interact(() -> attachments.getSelectionModel().select(0));
        robot.clickOn("#viewAttachment");
        waitUntil(() -> robot.lookup(".viewer .image-view").tryQuery()
                .map(v -> ((ImageView) v).getImage() != null && ((ImageView) v).getImage().getWidth() == 480)
                .orElse(false));
        onFx(() -> {
            ShellProbe.closeDialogs(root);
            return null;
        });

        // The second version narrows the consent: the banner says what holds now.
        files.toOpenMany.add(List.of(fixture.bundleA2, bundleA3));
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        TableView<ImportResult> results = robot.lookup(".import-screen .results-table").queryAs(TableView.class);
        waitUntil(() -> results.getItems().size() == 2);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        waitUntil(() -> queue.getItems().size() == 2);
        // A record made without consent says so.
        select(robot, queue, "Ankara");
        waitUntil(() -> label(robot, "#consentHeadline").startsWith("No consent recorded"));
        select(robot, queue, "Gözaltında işkence");
        waitUntil(() -> label(robot, "#consentHeadline").startsWith("Current consent (version 3):"));
        assertThat(label(robot, "#consentCovered")).isEqualTo("Agreed to: keeping and documentation, reports without the name.");
        assertThat(label(robot, "#consentNotCovered")).contains("sharing with partner organisations")
                .contains("Note: Ortak kuruluşlarla paylaşılmasını artık istemiyor.");
    }
}
