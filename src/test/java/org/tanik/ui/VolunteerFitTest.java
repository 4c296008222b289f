package org.tanik.ui;

import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.tanik.model.Act;
import org.tanik.model.Incident;
import org.tanik.model.Perpetrator;
import org.tanik.model.Person;
import org.tanik.model.Sex;
import org.tanik.model.TestimonyContent;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.tanik.config.Settings;
import org.tanik.model.Testimony;
import org.tanik.store.VaultSession;
import org.tanik.testing.Invitations;
import org.tanik.ui.shell.ShellProbe;
import org.tanik.ui.shell.UiCompositionRoot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Every volunteer screen and dialog, in English and Turkish at 1366x768 and 1280x720: no text is cut. */
class VolunteerFitTest extends FitTestBase {

    static final String SEALED = "Diyarbakır'da gözaltında kötü muamele ve avukatla görüştürülmeme iddiası";
    static final String DRAFT = "Şırnak Cizre'de sokağa çıkma yasağı sırasında bodrum katında mahsur kalanlar";

    final ScriptedFiles files = new ScriptedFiles();
    Path invitation;
    String draftId;

    @Override
    void prepare() {
        services.settings().save(new Settings("en", 10));
        try (VaultSession s = services.vaults().create(services.directories().vault(),
                UiTestSupport.PASSPHRASE.toCharArray())) {
            Testimony sealed = s.testimonies().create(CoordinatorFixture.content(SEALED, "torture", "21", "police",
                    LocalDate.of(2016, 7, 20), "Emniyette üç gün boyunca dövüldü, doktora götürülmedi."));
            s.testimonies().seal(sealed.id());
            draftId = s.testimonies().create(draft()).id();
        }
        // Two files on the draft, with long Turkish captions, for the Attachments tab and the viewers.
        try (org.tanik.session.OpenVault open = services.vaultAccess().unlock(services.directories().vault(),
                UiTestSupport.PASSPHRASE.toCharArray())) {
            org.tanik.volunteer.Attachments attachments = new org.tanik.volunteer.Attachments(open);
            Path photo = Files.write(home.resolve("Cizre bodrum katı girişi fotoğrafı.png"),
                    org.tanik.ui.common.viewers.TestFiles.png(640, 400));
            Path decree = Files.write(home.resolve("KHK ile kamu görevinden ihraç kararnamesi.pdf"),
                    org.tanik.ui.common.viewers.TestFiles.pdf(3, "KHK"));
            attachments.add(draftId, photo, "Bodrum katının girişi, tanığın çektiği fotoğraf", false,
                    org.tanik.work.Progress.none());
            attachments.add(draftId, decree, "Kamu görevinden ihraç edildiğini gösteren kararname", false,
                    org.tanik.work.Progress.none());
            // A recording with a marker: the player, and the markers beside the narrative.
            org.tanik.volunteer.Recordings.Recording r = new org.tanik.volunteer.Recordings(open,
                    java.time.Clock.systemUTC()).start(draftId, org.tanik.audio.SyntheticSource.fast(3_000));
            r.mark("Tanık gözaltında avukatla görüştürülmediğini anlatıyor");
            r.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            invitation = Files.write(home.resolve("ihd.tanik-invite"), new Invitations()
                    .file("İnsan Hakları Derneği Diyarbakır Şubesi Belgeleme Merkezi", Invitations.recipients(2), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A draft whose second person and perpetrator are still empty, so the fields show their hints. */
    static TestimonyContent draft() {
        TestimonyContent c = CoordinatorFixture.content(DRAFT, "arbitrary_detention", "73", "gendarmerie",
                LocalDate.of(2015, 12, 14), "Bodrumda günlerce yardım beklediler.");
        Act act = c.incidents().get(0).acts().get(0);
        Act more = new Act(act.type(), act.start(), act.end(), act.place(),
                List.of(act.victims().get(0), new Person("", Sex.UNKNOWN, null, "")),
                List.of(act.perpetrators().get(0), new Perpetrator("", "", "", "")), "");
        return new TestimonyContent(c.title(), c.interview(), c.interviewee(),
                List.of(new Incident("Cizre bodrumları", List.of(more))), c.narrative());
    }

    @Override
    UiCompositionRoot configure(UiCompositionRoot fresh) {
        return ShellProbe.fileChoices(fresh, files);
    }

    @Test
    void noTextIsCutOnAnyVolunteerScreen(FxRobot robot) {
        visitEverything(robot);
    }

    @Override
    void beforeLanguage(String lang) {
        if (ShellProbe.vault(root).isPresent()) {
            onFx(() -> {
                ShellProbe.lock(root);
                return null;
            });
        }
        waitUntil(() -> showing(robot, "#unlockScreen"));
        for (int[] size : SIZES) {
            resize(size[0], size[1]);
            checkMain(lang + " " + size[0] + "x" + size[1] + " unlock");
        }
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
    }

    @Override
    void addVisits() {
        visits.put("list", this::list);
        visits.put("editor draft interview", s -> editor(s, DRAFT, "interviewTab"));
        visits.put("editor draft interviewee", s -> editor(s, DRAFT, "intervieweeTab"));
        visits.put("editor draft incidents", s -> editor(s, DRAFT, "incidentsTab"));
        visits.put("editor draft narrative", s -> editor(s, DRAFT, "narrativeTab"));
        visits.put("editor draft consent", this::consent);
        visits.put("editor draft attachments", s -> editor(s, DRAFT, "attachmentsTab"));
        visits.put("seal refused without consent", this::sealRefused);
        visits.put("viewer image", s -> viewer(s, 0));
        visits.put("viewer pdf", s -> viewer(s, 1));
        visits.put("viewer audio", this::player);
        visits.put("recorder", this::recorder);
        visits.put("open with another program", this::openElsewhere);
        visits.put("editor sealed", s -> editor(s, SEALED, "interviewTab"));
        visits.put("editor sealed consent", s -> editor(s, SEALED, "consentTab"));
        visits.put("history", this::history);
        visits.put("export", s -> menuDialog(s, "menu.export"));
        visits.put("outbox", s -> menuDialog(s, "menu.outbox"));
        visits.put("join", this::join);
        visits.put("this device", s -> menuDialog(s, "menu.device"));
        visits.put("settings", s -> menuDialog(s, "menu.settings"));
        visits.put("settings protection", this::protection);
        visits.put("duress passphrase", s -> fromProtection(s, "duressSet"));
        visits.put("erase confirmation", s -> fromProtection(s, "eraseButton"));
        visits.put("change passphrase", this::changePassphrase);
        visits.put("about", s -> menuDialog(s, "menu.about"));
        visits.put("quick start", s -> menuDialog(s, "menu.quickStart"));
        visits.put("file window", this::fileWindow);
    }

    /** Tanik's own file window, saving a bundle onto a stick whose folders have long Turkish names. */
    void fileWindow(String screen) {
        java.nio.file.Path stick = home.resolve("ÇIKARILABİLİR DİSK");
        try {
            java.nio.file.Files.createDirectories(stick.resolve("Tanıklıklar — Kasım 2026"));
            java.nio.file.Files.writeString(stick.resolve("2026-11-28.tanik"), "x");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        org.tanik.ui.common.FileChoices real = ShellProbe.inAppFiles(root, stick);
        javafx.application.Platform.runLater(() -> real.save(stage, text("export.chooseTitle"), "2026-12-05.tanik"));
        waitUntil(() -> robot.lookup(".file-window .file-table").tryQuery()
                .map(t -> !((TableView<?>) t).getItems().isEmpty()).orElse(false));
        checkDialog(screen);
    }

    void list(String screen) {
        menu("menu.find");
        waitUntil(() -> showing(robot, "#listScreen"));
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup(".testimony-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 2);
        checkMain(screen);
    }

    void editor(String screen, String title, String tabId) {
        list(screen + " (list)");
        cuts.removeIf(c -> c.screen().equals(screen + " (list)"));
        // By keyboard: a double click can land as two single clicks on a loaded machine.
        TableView<?> table = robot.lookup(".testimony-table").queryAs(TableView.class);
        robot.interact(() -> {
            for (int row = 0; row < table.getItems().size(); row++) {
                if (title.equals(table.getColumns().get(0).getCellData(row))) {
                    table.getSelectionModel().select(row);
                }
            }
            table.requestFocus();
        });
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> showing(robot, "#editorScreen"));
        tab(tabId);
        checkMain(screen);
    }

    /** The Consent tab with every field on show (a written consent), then back to none recorded. */
    void consent(String screen) {
        editor(screen + " (editor)", DRAFT, "consentTab");
        cuts.removeIf(c -> c.screen().equals(screen + " (editor)"));
        javafx.scene.control.RadioButton written = robot.lookup("#consentWritten").queryAs(javafx.scene.control.RadioButton.class);
        robot.interact(() -> written.setSelected(true));
        checkMain(screen);
        robot.interact(() -> written.getToggleGroup().selectToggle(null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    void sealRefused(String screen) {
        editor(screen + " (editor)", DRAFT, "interviewTab");
        cuts.removeIf(c -> c.screen().equals(screen + " (editor)"));
        javafx.application.Platform.runLater(() -> robot.lookup("#sealButton").queryButton().fire());
        checkDialog(screen);
    }

    void selectAttachment(String screen, int row) {
        editor(screen + " (editor)", DRAFT, "attachmentsTab");
        cuts.removeIf(c -> c.screen().equals(screen + " (editor)"));
        TableView<?> table = robot.lookup(".attachments-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 3);
        robot.interact(() -> table.getSelectionModel().select(row));
    }

    void viewer(String screen, int row) {
        selectAttachment(screen, row);
        robot.interact(() -> robot.lookup("#viewAttachment").queryButton().fire());
        waitUntil(() -> robot.lookup(".viewer .image-view").tryQuery()
                .map(v -> ((javafx.scene.image.ImageView) v).getImage() != null).orElse(false));
        checkDialog(screen);
    }

    /** The recording played in the viewer window (without a sound output here: it says so). */
    void player(String screen) {
        selectAttachment(screen, 2);
        robot.interact(() -> robot.lookup("#viewAttachment").queryButton().fire());
        waitUntil(() -> robot.lookup(".viewer .player-markers .list-cell").tryQuery()
                .map(c -> ((javafx.scene.control.ListCell<?>) c).getText() != null).orElse(false));
        checkDialog(screen);
    }

    /** The recorder, before it starts. */
    void recorder(String screen) {
        editor(screen + " (editor)", DRAFT, "interviewTab");
        cuts.removeIf(c -> c.screen().equals(screen + " (editor)"));
        javafx.application.Platform.runLater(() -> robot.lookup("#recordButton").queryButton().fire());
        checkDialog(screen);
    }

    void openElsewhere(String screen) {
        selectAttachment(screen, 1);
        javafx.application.Platform.runLater(() -> robot.lookup("#openAttachmentElsewhere").queryButton().fire());
        checkDialog(screen);
    }

    void history(String screen) {
        editor(screen + " (editor)", SEALED, "interviewTab");
        cuts.removeIf(c -> c.screen().equals(screen + " (editor)"));
        javafx.application.Platform.runLater(() -> robot.lookup("#historyButton").queryButton().fire());
        checkDialog(screen);
    }

    void menuDialog(String screen, String key) {
        menu(key);
        checkDialog(screen);
    }

    /** A dialog the Protection tab opens (the duress passphrase, the erase confirmation), over the settings. */
    void fromProtection(String screen, String buttonId) {
        openProtection();
        javafx.scene.control.ButtonBase button = robot.lookup("#" + buttonId).queryAs(javafx.scene.control.ButtonBase.class);
        waitUntil(() -> !button.isDisabled());
        javafx.application.Platform.runLater(button::fire);
        // The second dialog, over the settings: the one whose window is not the settings'.
        javafx.stage.Window settings = onFx(() -> button.getScene().getWindow());
        waitUntil(() -> topDialog(settings) != null);
        WaitForAsyncUtils.waitForFxEvents();
        check(screen, onFx(() -> topDialog(settings)));
        closeDialogs();
    }

    private javafx.scene.control.DialogPane topDialog(javafx.stage.Window settings) {
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w != stage && w != settings && w.isShowing() && w.getScene() != null
                    && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane p) {
                return p;
            }
        }
        return null;
    }

    void join(String screen) {
        files.toOpen.add(invitation);
        menuDialog(screen, "menu.join");
    }

    void changePassphrase(String screen) {
        menu("menu.changePassphrase");
        // A weak passphrase, so the strength and the reason it cannot be used are on screen.
        PasswordField field = (PasswordField) onFx(() -> dialog().lookup("#passphrase"));
        robot.interact(() -> field.setText("ankara"));
        WaitForAsyncUtils.waitForFxEvents();
        checkDialog(screen);
    }
}
