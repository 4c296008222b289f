package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.tanik.model.ConsentMethod;
import org.tanik.model.ConsentScope;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.ui.common.viewers.TestFiles;
import org.tanik.ui.shell.ShellProbe;
import org.tanik.ui.shell.UiCompositionRoot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The interviewer's flow of issue 16: sealing without consent is refused and says where to record
 * it; consent is recorded in its tab; files are attached through Tanik's file window and by
 * dropping them, viewed inside the app, and opened with another program through a copy that
 * locking deletes.
 */
class ConsentAndAttachmentsTest extends AppTestBase {

    static final String TITLE = "Gözaltında kötü muamele";
    final ScriptedFiles files = new ScriptedFiles();
    final List<Path> launched = new CopyOnWriteArrayList<>();
    Testimony draft;

    @Override
    void prepare() {
        draft = vaultWith(new TestimonyContent(TITLE, null, null, List.of(), "Anlatı"))[0];
    }

    @Override
    UiCompositionRoot configure(UiCompositionRoot fresh) {
        return ShellProbe.launch(ShellProbe.fileChoices(fresh, files), launched::add);
    }

    void openDraft(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        robot.doubleClickOn(TITLE);
        waitUntil(() -> showing(robot, "#editorScreen"));
    }

    Tab selectedTab(FxRobot robot) {
        return robot.lookup(".sections").queryAs(TabPane.class).getSelectionModel().getSelectedItem();
    }

    void tab(FxRobot robot, String id) {
        robot.interact(() -> {
            TabPane tabs = robot.lookup(".sections").queryAs(TabPane.class);
            tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    DialogPane dialogWithHeader(String header) {
        waitUntil(() -> dialog(header) != null);
        return onFx(() -> dialog(header));
    }

    static DialogPane dialog(String header) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p
                    && java.util.Objects.equals(header, p.getHeaderText())) {
                return p;
            }
        }
        return null;
    }

    static void press(FxRobot robot, DialogPane pane, String label) {
        Button b = pane.getButtonTypes().stream().map(t -> (Button) pane.lookupButton(t))
                .filter(x -> x.getText().replace("_", "").equals(label)).findFirst().orElseThrow();
        // Later: the button may open a dialog that waits in its own loop.
        javafx.application.Platform.runLater(b::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void sealingWithoutConsentIsRefusedAndConsentIsRecordedInItsTab(FxRobot robot) {
        openDraft(robot);
        robot.clickOn("#sealButton");
        DialogPane refusal = dialogWithHeader("Consent must be recorded first");
        assertThat(refusal.getContentText()).contains("how the witness gave consent");
        press(robot, refusal, "Go to the Consent tab");
        waitUntil(() -> "consentTab".equals(selectedTab(robot).getId()));
        assertThat(session().testimonies().latest(draft.id()).status()).isEqualTo(Status.DRAFT);
        assertThat(robot.lookup("#consentState").queryAs(Label.class).getText())
                .isEqualTo("No consent recorded yet. Choose how consent was given.");

        robot.clickOn("#consentOral");
        robot.clickOn("#scope-documentation");
        robot.clickOn("#scope-reports-anonymous");
        robot.clickOn("#consentTakenBy").write("Ayşe");
        waitUntil(() -> {
            var c = session().testimonies().latest(draft.id()).content().consent();
            return c != null && c.takenBy().equals("Ayşe") && c.scopes().size() == 2;
        });
        var consent = session().testimonies().latest(draft.id()).content().consent();
        assertThat(consent.method()).isEqualTo(ConsentMethod.ORAL);
        assertThat(consent.scopes()).containsExactly(ConsentScope.DOCUMENTATION, ConsentScope.REPORTS_ANONYMOUS);
        // Typing elsewhere keeps the consent (the form carries it).
        robot.clickOn("#title").write(" (2)");
        waitUntil(() -> session().testimonies().latest(draft.id()).content().title().endsWith("(2)"));
        assertThat(session().testimonies().latest(draft.id()).content().consent()).isEqualTo(consent);

        robot.clickOn("#sealButton");
        robot.clickOn("Mark ready to send");
        waitUntil(() -> session().testimonies().latest(draft.id()).status() == Status.SEALED);
        // Sealed: the consent can no longer be changed here.
        assertThat(robot.lookup("#consentOral").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#addAttachment").query().isVisible()).isFalse();
    }

    @Test
    void filesAreAttachedViewedInsideTheAppAndTheCopyForAnotherProgramGoesAtLock(FxRobot robot) throws Exception {
        Path photo = Files.write(home.resolve("foto.png"), TestFiles.png(320, 200));
        Path decree = Files.write(home.resolve("ihraç kararnamesi.pdf"), TestFiles.pdf(2, "KHK"));
        Path notes = Files.writeString(home.resolve("notlar.txt"), "Tanığın notları");
        files.toOpenMany.add(List.of(photo, decree));
        openDraft(robot);
        tab(robot, "attachmentsTab");
        robot.clickOn("#addAttachment");
        @SuppressWarnings("unchecked")
        TableView<org.tanik.model.Attachment> table = robot.lookup(".attachments-table").queryAs(TableView.class);
        waitUntil(() -> {
            // A file that says more than it shows asks first: this test keeps what it says.
            DialogPane report = dialog("ihraç kararnamesi.pdf carries more than what it shows:");
            if (report != null) {
                press(robot, report, "Keep it");
            }
            return table.getItems().size() == 2;
        });
        assertThat(session().testimonies().latest(draft.id()).content().attachments())
                .extracting(org.tanik.model.Attachment::fileName).containsExactly("foto.png", "ihraç kararnamesi.pdf");

        // Dropped onto the tab.
        Node tabContent = onFx(() -> selectedTab(robot).getContent());
        FileDrags.Done drop = FileDrags.dropFiles(robot, stage, tabContent, List.of(notes));
        assertThat(drop.completed()).isTrue();
        waitUntil(() -> table.getItems().size() == 3);

        // The photo, inside the app.
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#viewAttachment");
        DialogPane photoViewer = dialogWithHeader("foto.png");
        waitUntil(() -> {
            ImageView v = (ImageView) photoViewer.lookup(".image-viewer").lookup(".image-view");
            return v != null && v.getImage() != null && v.getImage().getWidth() == 320;
        });
        onFx(() -> {
            ShellProbe.closeDialogs(root);
            return null;
        });

        // The decree's pages.
        robot.interact(() -> table.getSelectionModel().select(1));
        robot.clickOn("#viewAttachment");
        DialogPane pdfViewer = dialogWithHeader("ihraç kararnamesi.pdf");
        waitUntil(() -> {
            ImageView v = (ImageView) pdfViewer.lookup(".pdf-viewer").lookup(".image-view");
            return v != null && v.getImage() != null;
        });
        robot.interact(() -> ((Button) pdfViewer.lookup("#nextPage")).fire());
        waitUntil(() -> "2".equals(((javafx.scene.control.TextField) pdfViewer.lookup("#pageNumber")).getText()));

        // Another program: warned first, then a copy that only lives until the lock.
        press(robot, pdfViewer, "Open with another program…");
        DialogPane warning = dialogWithHeader(null);
        assertThat(warning.getContentText()).contains("readable copy");
        press(robot, warning, "Open a readable copy");
        waitUntil(() -> launched.size() == 1);
        Path copy = launched.get(0);
        assertThat(copy).hasFileName("ihraç kararnamesi.pdf").startsWith(services.directories().openCopies());
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(decree));

        onFx(() -> {
            ShellProbe.lock(root);
            return null;
        });
        waitUntil(() -> ShellProbe.closed(root));
        assertThat(copy).doesNotExist();
        assertThat(services.directories().openCopies()).doesNotExist();
    }

    @Test
    void aPhotosLocationIsReportedBeforeItIsAddedAndRemovedWhenAsked(FxRobot robot) throws Exception {
        byte[] original = org.tanik.volunteer.metadata.TestJpegs.withMetadata();
        Path photo = Files.write(home.resolve("gözaltı yeri.jpg"), original);
        openDraft(robot);
        tab(robot, "attachmentsTab");
        files.toOpenMany.add(List.of(photo));
        robot.clickOn("#addAttachment");
        DialogPane report = dialogWithHeader("gözaltı yeri.jpg carries more than what it shows:");
        assertThat(report.getContentText()).contains("Where it was taken (GPS position)")
                .contains(org.tanik.volunteer.metadata.TestJpegs.GPS).contains("Remove this information");
        press(robot, report, "Remove it");
        TableView<?> table = robot.lookup(".attachments-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        org.tanik.model.Attachment a = session().testimonies().latest(draft.id()).content().attachments().get(0);
        byte[] stored;
        try (java.io.InputStream in = session().blobs().open(a.id()).open(0)) {
            stored = in.readAllBytes();
        }
        assertThat(stored.length).isLessThan(original.length);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Exif")
                .doesNotContain(org.tanik.volunteer.metadata.TestJpegs.CAMERA);
        assertThat(a.sha256()).isEqualTo(org.tanik.crypto.Sha256.hex(stored));
    }

    @Test
    void addingALargeFileShowsItsProgressAndCanBeStoppedLeavingNothing(FxRobot robot) throws Exception {
        // Sparse: large to read and encrypt, small on disk.
        Path large = home.resolve("uzun kayıt.wav");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(large.toFile(), "rw")) {
            f.setLength(768L << 20);
        }
        openDraft(robot);
        tab(robot, "attachmentsTab");
        files.toOpenMany.add(List.of(large));
        robot.clickOn("#addAttachment");
        javafx.scene.control.ProgressBar bar = robot.lookup(".attachment-progress .progress-bar")
                .queryAs(javafx.scene.control.ProgressBar.class);
        waitUntil(() -> bar.isVisible() && bar.getProgress() > 0);
        robot.interact(() -> robot.lookup("#cancelAdding").queryButton().fire());
        waitUntil(() -> robot.lookup("#attachmentsMessage").queryAs(Label.class).getText()
                .equals("Adding uzun kayıt.wav was stopped. Nothing of it was kept."));
        assertThat(robot.lookup(".attachments-table").queryAs(TableView.class).getItems()).isEmpty();
        assertThat(session().testimonies().latest(draft.id()).content().attachments()).isEmpty();
        Path blobs = org.tanik.store.TestCompartments.of(services.directories().vault(), UiTestSupport.PASSPHRASE.toCharArray()).resolve("attachments");
        if (Files.exists(blobs)) {
            try (var left = Files.list(blobs)) {
                assertThat(left.toList()).as("blobs left in the vault").isEmpty();
            }
        }
    }
}
