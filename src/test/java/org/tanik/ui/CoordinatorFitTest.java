package org.tanik.ui;

import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.tanik.config.Settings;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.ui.shell.ShellProbe;
import org.tanik.ui.shell.UiCompositionRoot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every coordinator tab and dialog, in English and Turkish at 1366x768 and 1280x720: no text is cut,
 * above all not the fingerprint to compare nor the Approve and Revoke buttons.
 */
class CoordinatorFitTest extends FitTestBase {

    final ScriptedFiles files = new ScriptedFiles();
    CoordinatorFixture fixture;

    @Override
    void prepare() {
        services.settings().save(new Settings("en", 10));
        fixture = new CoordinatorFixture(services, home);
    }

    @Override
    UiCompositionRoot configure(UiCompositionRoot fresh) {
        return ShellProbe.fileChoices(fresh, files);
    }

    @Test
    void noTextIsCutOnAnyCoordinatorScreen(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> ShellProbe.coordinatorMode(root));
        visitEverything(robot);
    }

    @Override
    void beforeLanguage(String lang) {
        waitUntil(() -> robot.lookup(".coordinator-screen").tryQuery().isPresent());
        // The language switch rebuilt the window: import again, so the results table has rows.
        files.toOpenMany.add(List.of(fixture.bundleA2, fixture.bundleB1));
        menu("menu.import");
        @SuppressWarnings("unchecked")
        TableView<Object> results = robot.lookup(".import-screen .results-table").queryAs(TableView.class);
        waitUntil(() -> results.getItems().size() == 2);
    }

    @Override
    void addVisits() {
        visits.put("queue", this::queue);
        visits.put("queue testimony", s -> archiveView(s, "textTab"));
        visits.put("queue attachments", s -> archiveView(s, "attachmentsTab"));
        visits.put("archived attachment viewer", this::archivedViewer);
        visits.put("queue changes", s -> archiveView(s, "changesTab"));
        visits.put("queue provenance", s -> archiveView(s, "provenanceTab"));
        visits.put("queue review", s -> archiveView(s, "reviewTab"));
        visits.put("volunteers", this::volunteers);
        visits.put("approve", s -> volunteerDialog(s, "#approveButton"));
        visits.put("revoke", s -> volunteerDialog(s, "#revokeButton"));
        visits.put("import results", s -> tabVisit(s, "importTab"));
        visits.put("statistics", s -> tabVisit(s, "statisticsTab"));
        visits.put("audit", s -> tabVisit(s, "auditTab"));
        visits.put("organisation details", s -> menuDialog(s, "menu.organisationInfo"));
        visits.put("invite", s -> menuDialog(s, "menu.invite"));
        visits.put("split the key", s -> menuDialog(s, "menu.splitKey"));
        visits.put("rotate the key", s -> menuDialog(s, "menu.rotateKey"));
        visits.put("export testimonies", s -> pictured(s, "menu.exportTestimonies"));
        visits.put("statistics report", s -> pictured(s, "menu.statisticsReport"));
        visits.put("intake", this::intake);
        visits.put("settings", s -> menuDialog(s, "menu.settings"));
        visits.put("settings protection", this::protection);
        visits.put("change passphrase", s -> menuDialog(s, "menu.changePassphrase"));
        visits.put("about", s -> menuDialog(s, "menu.about"));
        visits.put("quick start", s -> menuDialog(s, "menu.quickStart"));
    }

    void queue(String screen) {
        tab("queueTab");
        @SuppressWarnings("unchecked")
        TableView<ArchiveItem> queue = robot.lookup(".queue-table").queryAs(TableView.class);
        waitUntil(() -> !queue.getItems().isEmpty());
        checkMain(screen);
    }

    void archiveView(String screen, String tabId) {
        tab("queueTab");
        @SuppressWarnings("unchecked")
        TableView<ArchiveItem> queue = robot.lookup(".queue-table").queryAs(TableView.class);
        waitUntil(() -> !queue.getItems().isEmpty());
        robot.interact(() -> queue.getSelectionModel().select(0));
        waitUntil(() -> robot.lookup("#" + tabId).tryQuery().isPresent() || hasTab(tabId));
        tab(tabId);
        checkMain(screen);
    }

    /** The photo that came with the first testimony, shown from its bundle's sealed payload. */
    void archivedViewer(String screen) {
        tab("queueTab");
        @SuppressWarnings("unchecked")
        TableView<ArchiveItem> queue = robot.lookup(".queue-table").queryAs(TableView.class);
        waitUntil(() -> !queue.getItems().isEmpty());
        robot.interact(() -> queue.getItems().stream().filter(i -> i.title().startsWith("Gözaltında işkence"))
                .findFirst().ifPresent(i -> queue.getSelectionModel().select(i)));
        waitUntil(() -> hasTab("attachmentsTab"));
        tab("attachmentsTab");
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup(".attachments-table").queryAs(TableView.class);
        waitUntil(() -> !table.getItems().isEmpty());
        robot.interact(() -> {
            table.getSelectionModel().select(0);
            robot.lookup("#viewAttachment").queryButton().fire();
        });
        waitUntil(() -> robot.lookup(".viewer .image-view").tryQuery()
                .map(v -> ((javafx.scene.image.ImageView) v).getImage() != null).orElse(false));
        checkDialog(screen);
    }

    private boolean hasTab(String tabId) {
        return stage.getScene().getRoot().lookupAll(".tab-pane").stream()
                .anyMatch(n -> ((javafx.scene.control.TabPane) n).getTabs().stream()
                        .anyMatch(t -> tabId.equals(t.getId()) && !t.isDisabled()));
    }

    /** The Volunteers tab with the unknown device selected, so Approve and Revoke are live. */
    void volunteers(String screen) {
        tab("volunteersTab");
        @SuppressWarnings("unchecked")
        TableView<org.tanik.model.Device> table = robot.lookup(".volunteers-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 2);
        robot.interact(() -> table.getItems().stream().filter(d -> d.fingerprint().equals(fixture.deviceB))
                .findFirst().ifPresent(d -> table.getSelectionModel().select(d)));
        checkMain(screen);
        if (screen.equals("tr 1366x768 volunteers")) {
            UiTestSupport.screenshot(stage.getScene(), "fit-volunteers-tr-1366x768");
        }
    }

    void volunteerDialog(String screen, String button) {
        volunteers(screen + " (tab)");
        cuts.removeIf(c -> c.screen().equals(screen + " (tab)"));
        Button b = robot.lookup(button).queryButton();
        Platform.runLater(b::fire);
        checkDialog(screen);
    }

    void tabVisit(String screen, String tabId) {
        tab(tabId);
        WaitForAsyncUtils.waitForFxEvents();
        checkMain(screen);
    }

    void menuDialog(String screen, String key) {
        menu(key);
        checkDialog(screen);
    }

    /** A dialog checked like the others, and kept as a picture (target/screenshots) for people to look at. */
    void pictured(String screen, String key) {
        menu(key);
        DialogPane pane = dialog();
        UiTestSupport.screenshot(onFx(pane::getScene), screen.replace(' ', '-'));
        check(screen, pane);
        closeDialogs();
    }

    void intake(String screen) {
        tab("importTab");
        Button b = robot.lookup("#intakeButton").queryButton();
        Platform.runLater(b::fire);
        checkDialog(screen);
    }
}
