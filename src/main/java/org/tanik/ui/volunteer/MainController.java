package org.tanik.ui.volunteer;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.stage.Window;
import org.tanik.model.TestimonyContent;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.MainWindow;
import org.tanik.ui.common.Navigation;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.Views;
import org.tanik.ui.shell.VaultMenu;
import org.tanik.volunteer.Drafts;

/**
 * The unlocked main window: the menu, and either the list or one testimony. Wires the list and the
 * editor together; the work itself is theirs.
 */
public final class MainController implements MainWindow {

    private final Drafts drafts;
    private final BackgroundExecutor executor;
    private final UiText text;
    private final Alerts alerts;
    private final Views views;
    private final DeviceInfo deviceInfo;
    private final AutoSender autoSender;

    @FXML private Parent mainScreen;
    @FXML private javafx.scene.control.Button panicButton;
    @FXML private Parent list;
    @FXML private TestimonyListController listController;
    @FXML private Parent editor;
    @FXML private TestimonyEditorController editorController;
    private final VaultMenu vaultMenu;
    private final UnfinishedRecordings unfinishedRecordings;
    /** False once locked: late results from the background must not refill a discarded window. */
    private boolean active = true;

    public MainController(Drafts drafts, BackgroundExecutor executor, UiText text, Alerts alerts,
                          Navigation navigation, Views views, DeviceInfo deviceInfo, AutoSender autoSender,
                          UnfinishedRecordings unfinishedRecordings) {
        this.unfinishedRecordings = unfinishedRecordings;
        this.drafts = drafts;
        this.executor = executor;
        this.text = text;
        this.alerts = alerts;
        this.views = views;
        this.deviceInfo = deviceInfo;
        this.autoSender = autoSender;
        this.vaultMenu = new VaultMenu(views, alerts, text, navigation);
    }

    @FXML
    private void initialize() {
        panicButton.setTooltip(vaultMenu.panicTooltip());
        listController.setOnOpen(this::open);
        editorController.setOnSaved(listController::upsert);
        editorController.setOnBack(this::showList);
        showList();
        listController.load();
        // After the list: a recording a crash interrupted is offered to keep or discard.
        unfinishedRecordings.offer(() -> active ? window() : null, listController::upsert);
        autoSender.start();
    }

    @Override
    public void flush(Runnable then) {
        editorController.flush(then);
    }

    @Override
    public void clear() {
        active = false;
        autoSender.stop();
        editorController.clear();
        listController.clear();
        showList();
    }

    @FXML
    private void newTestimony() {
        editorController.flush(() -> executor.run(() -> drafts.create(TestimonyContent.empty()), created -> {
            if (!active) {
                return;
            }
            listController.upsert(created.summary());
            editorController.open(created, true);
            showEditor();
            editorController.focusTitle();
        }, this::failed));
    }

    private void open(String id) {
        editorController.flush(() -> executor.run(() -> drafts.latest(id), t -> {
            if (!active) {
                return;
            }
            editorController.open(t, true);
            showEditor();
        }, this::failed));
    }

    @FXML
    private void saveNow() {
        editorController.saveNow();
    }

    @FXML
    private void find() {
        editorController.flush(() -> {
            showList();
            listController.focusFilter();
        });
    }

    @FXML
    private void lock() {
        vaultMenu.lock();
    }

    @FXML
    private void panic() {
        vaultMenu.panic();
    }

    @FXML
    private void exit() {
        vaultMenu.exit();
    }

    @FXML
    private void changePassphrase() {
        vaultMenu.changePassphrase(window());
    }

    @FXML
    private void joinOrganisation() {
        Views.View<JoinController> join = views.load("volunteer/join.fxml");
        join.controller().start(window());
    }

    @FXML
    private void exportBundle() {
        // What the editor holds is saved first; only sealed versions travel, but the count must be current.
        editorController.flush(() -> {
            Views.View<ExportController> export = views.load("volunteer/export.fxml");
            export.controller().setOnExported(this::sentChanged);
            export.controller().start(window());
        });
    }

    @FXML
    private void showOutbox() {
        // Saved first, so that a send exports what the editor has just sealed.
        editorController.flush(() -> {
            Views.View<OutboxController> outbox = views.load("volunteer/outbox.fxml");
            outbox.controller().setOnSent(this::sentChanged);
            outbox.controller().start(window());
        });
    }

    @FXML
    private void thisDevice() {
        deviceInfo.show(window());
    }

    @FXML
    private void settings() {
        vaultMenu.settings(window());
    }

    @FXML
    private void about() {
        vaultMenu.about(window(), "about.text");
    }

    @FXML
    private void quickStart() {
        vaultMenu.quickStart(window());
    }

    /** A bundle was exported or delivered: the list and the editor show what is now sent. */
    private void sentChanged() {
        if (active) {
            listController.load();
            editorController.showSent();
        }
    }

    private void showList() {
        editor.setVisible(false);
        list.setVisible(true);
        editorController.current().ifPresent(t -> listController.select(t.id()));
        listController.focusTable();
    }

    private void showEditor() {
        list.setVisible(false);
        editor.setVisible(true);
    }

    private void failed(Throwable failure) {
        if (active) {
            alerts.error(window(), failure);
        }
    }

    private Window window() {
        return mainScreen.getScene() == null ? null : mainScreen.getScene().getWindow();
    }
}
