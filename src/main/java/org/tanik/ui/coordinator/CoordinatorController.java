package org.tanik.ui.coordinator;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tanik.coordinator.OrganisationDesk;
import org.tanik.coordinator.search.SearchIndex;
import org.tanik.model.Device;
import org.tanik.ui.shell.VaultMenu;
import org.tanik.ui.common.Fingerprints;
import org.tanik.ui.common.MainWindow;
import org.tanik.ui.common.Navigation;
import org.tanik.ui.common.Views;

/**
 * The coordinator's main window (an organisation vault): the review queue, the volunteers, imports,
 * statistics and the audit log in tabs, the same vault menu as the volunteer's window, and bundle files dropped
 * anywhere on the window are imported.
 */
public final class CoordinatorController implements MainWindow {

    /** What the window learns in the background right after unlock. */
    private record Loaded(SearchIndex index, List<Device> devices, String organisation, String fingerprint) {
    }

    private final CoordinatorContext ctx;
    private final Views views;
    private final VaultMenu vaultMenu;
    private String organisationName = "";
    private String organisationFingerprint = "";

    @FXML private BorderPane mainScreen;
    @FXML private TabPane tabs;
    @FXML private javafx.scene.control.Button panicButton;
    @FXML private Tab queueTab;
    @FXML private Tab volunteersTab;
    @FXML private Tab importTab;
    @FXML private Tab statisticsTab;
    @FXML private Tab auditTab;
    @FXML private Label organisationLabel;
    @FXML private QueueController queueController;
    @FXML private VolunteersController volunteersController;
    @FXML private ImportController importsController;
    @FXML private StatisticsController statisticsController;
    @FXML private AuditController auditController;

    public CoordinatorController(CoordinatorContext ctx, Navigation navigation, Views views) {
        this.ctx = ctx;
        this.views = views;
        this.vaultMenu = new VaultMenu(views, ctx.alerts, ctx.text, navigation);
    }

    @FXML
    private void initialize() {
        panicButton.setTooltip(vaultMenu.panicTooltip());
        queueController.setOnShown(items -> {
            if (statisticsTab.isSelected()) {
                statisticsController.show(items);
            }
        });
        statisticsTab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                statisticsController.show(queueController.shown());
            }
        });
        statisticsController.setOnSaveReport(this::statisticsReport);
        auditTab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                auditController.load();
            }
        });
        importsController.setOnImported(this::archiveChanged);
        volunteersController.setOnApproved(results -> {
            importsController.showResults(results);
            archiveChanged();
        });
        mainScreen.setOnDragOver(this::dragOver);
        mainScreen.setOnDragDropped(this::dropped);
        ctx.executor.run(() -> {
            OrganisationDesk.Identity org = ctx.desk.organisation().identity();
            return new Loaded(ctx.desk.loadIndex(), ctx.desk.volunteers(), org.name(), org.fingerprint());
        }, loaded -> {
            if (!ctx.active) {
                return;
            }
            ctx.devices(loaded.devices());
            organisationName = loaded.organisation();
            organisationFingerprint = loaded.fingerprint();
            organisationLabel.setText(ctx.text.format("coordinator.organisation", organisationName));
            volunteersController.show(loaded.devices());
            queueController.indexReady();
        }, failure -> {
            if (ctx.active && ctx.index() == null) { // the index, not the volunteers' list, failed
                queueController.indexFailed();
            }
            failed(failure);
        });
    }

    @Override
    public void flush(Runnable then) {
        // Nothing is edited in place here: review changes are stored when applied.
        then.run();
    }

    @Override
    public void clear() {
        ctx.active = false;
        importsController.stop();
        queueController.clear();
        volunteersController.clear();
        importsController.clear();
        statisticsController.clear();
        auditController.clear();
        ctx.desk.dropIndex();
    }

    /** Imports, approvals and review changes: the queue, the volunteers and the statistics follow. */
    private void archiveChanged() {
        ctx.executor.run(ctx.desk::volunteers, devices -> {
            if (!ctx.active) {
                return;
            }
            ctx.devices(devices);
            volunteersController.show(devices);
            queueController.refresh();
            if (auditTab.isSelected()) {
                auditController.load();
            }
        }, this::failed);
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles();
        if (ok) {
            importFiles(e.getDragboard().getFiles().stream().map(File::toPath).toList());
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    /** Imports these files (from the chooser or dropped on the window) and shows the results. */
    void importFiles(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        tabs.getSelectionModel().select(importTab);
        importsController.importFiles(files);
    }

    @FXML
    private void importBundles() {
        importFiles(ctx.files.openMany(window(), ctx.text.get("import.chooseTitle"), ctx.text.get("import.fileType"),
                List.of("*.tanik")));
    }

    @FXML
    private void find() {
        if (auditTab.isSelected()) {
            auditController.focusFilter();
            return;
        }
        tabs.getSelectionModel().select(queueTab);
        queueController.focusFilter();
    }

    @FXML
    private void showQueue() {
        tabs.getSelectionModel().select(queueTab);
    }

    @FXML
    private void showVolunteers() {
        tabs.getSelectionModel().select(volunteersTab);
    }

    @FXML
    private void showImports() {
        tabs.getSelectionModel().select(importTab);
    }

    @FXML
    private void showStatistics() {
        tabs.getSelectionModel().select(statisticsTab);
    }

    @FXML
    private void showAudit() {
        tabs.getSelectionModel().select(auditTab);
    }

    @FXML
    private void export() {
        new ExportDialog(ctx, window()).testimonies(queueController.query(), queueController.shown().size(),
                queueController.selected());
    }

    @FXML
    private void statisticsReport() {
        new ExportDialog(ctx, window()).statistics(queueController.query());
    }

    @FXML
    private void organisationInfo() {
        Button split = new Button(ctx.text.get("organisation.splitButton"));
        Button rotate = new Button(ctx.text.get("organisation.rotateButton"));
        VBox box = new VBox(8, new Label(ctx.text.get("organisation.fingerprint")),
                Fingerprints.large(organisationFingerprint), wrapped(ctx.text.get("organisation.fingerprintNote")),
                new HBox(8, split, rotate));
        Dialog<ButtonType> dialog = dialog(ctx.text.get("organisation.title"), organisationName, box,
                new ButtonType(ctx.text.get("button.close"), ButtonData.CANCEL_CLOSE));
        // The details lead to the key's safe keeping: this dialog closes and the chosen one opens.
        split.setOnAction(e -> {
            dialog.close();
            javafx.application.Platform.runLater(this::splitKey);
        });
        rotate.setOnAction(e -> {
            dialog.close();
            javafx.application.Platform.runLater(this::rotateKey);
        });
        dialog.showAndWait();
    }

    /**
     * Splits the organisation's keys into shares for paper: how many and how many restore, then a new
     * folder; the shares are written off the FX thread, each one reported in the same dialog, which
     * then says where they are.
     */
    @FXML
    private void splitKey() {
        Spinner<Integer> shares = new Spinner<>(2, OrganisationDesk.MAX_SHARES, 5);
        Spinner<Integer> threshold = new Spinner<>(2, 5, 3);
        shares.setEditable(true);
        threshold.setEditable(true);
        shares.valueProperty().addListener((o, was, now) -> {
            // More shares needed than exist would restore nothing.
            SpinnerValueFactory.IntegerSpinnerValueFactory k =
                    (SpinnerValueFactory.IntegerSpinnerValueFactory) threshold.getValueFactory();
            k.setMax(now);
            if (k.getValue() > now) {
                k.setValue(now);
            }
        });
        GridPane grid = twoFields("split.shares", shares, "split.threshold", threshold, "split.note");
        ButtonType next = new ButtonType(ctx.text.get("split.button"), ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = dialog(ctx.text.get("split.title"), ctx.text.get("split.header"), grid, next,
                new ButtonType(ctx.text.get("button.cancel"), ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().getStyleClass().add("split-key-dialog");
        javafx.application.Platform.runLater(shares::requestFocus);
        if (dialog.showAndWait().filter(b -> b == next).isEmpty()) {
            return;
        }
        int count = shares.getValue();
        int k = threshold.getValue();
        Optional<Path> target = ctx.files.save(window(), ctx.text.get("split.chooseTitle"),
                "tanik-key-shares-" + java.time.LocalDate.now(ctx.clock));
        if (target.isEmpty()) {
            return;
        }
        ProgressBar bar = new ProgressBar(0);
        bar.setMaxWidth(Double.MAX_VALUE);
        Label status = wrapped("");
        ButtonType close = new ButtonType(ctx.text.get("button.close"), ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> running = dialog(ctx.text.get("split.title"), ctx.text.get("split.runningHeader"),
                new VBox(10, bar, status), close);
        Button closeButton = (Button) running.getDialogPane().lookupButton(close);
        closeButton.setDisable(true);
        running.show();
        var shown = ctx.executor.<OrganisationDesk.ShareFiles>onFxThread((done, n, f) -> {
            bar.setProgress(done / (double) n);
            status.setText(ctx.text.format("split.running", done, n));
        }, () -> false);
        ctx.executor.run(() -> ctx.desk.organisation().backup(target.get(), count, k, ctx.text.locale(), shown), split -> {
            running.setHeaderText(ctx.text.get("split.doneHeader"));
            bar.setProgress(1);
            status.setText(ctx.text.format("split.done", target.get().toString()));
            closeButton.setDisable(false);
            closeButton.requestFocus();
        }, failure -> {
            running.close();
            failed(failure);
        });
    }

    /**
     * Gives the organisation a new age key after a plain confirmation (Cancel is the default button:
     * Enter alone does not rotate), then shows the new recipient.
     */
    @FXML
    private void rotateKey() {
        ButtonType rotate = new ButtonType(ctx.text.get("rotate.button"), ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(ctx.text.get("button.cancel"), ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> dialog = dialog(ctx.text.get("rotate.title"), ctx.text.get("rotate.header"),
                wrapped(ctx.text.get("rotate.note")), rotate, cancel);
        ((Button) dialog.getDialogPane().lookupButton(rotate)).setDefaultButton(false);
        ((Button) dialog.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        if (dialog.showAndWait().filter(b -> b == rotate).isEmpty()) {
            return;
        }
        ctx.executor.run(() -> ctx.desk.organisation().rotate(), org -> {
            TextField recipient = new TextField(org.recipient());
            recipient.setEditable(false);
            recipient.getStyleClass().add("ltr");
            dialog(ctx.text.get("rotate.title"), ctx.text.get("rotate.doneHeader"),
                    new VBox(8, wrapped(ctx.text.get("rotate.done")), recipient),
                    new ButtonType(ctx.text.get("button.close"), ButtonData.CANCEL_CLOSE)).showAndWait();
        }, this::failed);
    }

    @FXML
    private void invite() {
        Spinner<Integer> days = new Spinner<>(1, 365, 14);
        days.setEditable(true);
        TextField intakeUrl = new TextField();
        intakeUrl.setPromptText("https://");
        intakeUrl.getStyleClass().add("ltr");
        GridPane grid = twoFields("invite.days", days, "invite.intakeUrl", intakeUrl, "invite.note");
        ButtonType next = new ButtonType(ctx.text.get("invite.button"), ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = dialog(ctx.text.get("invite.title"), ctx.text.get("invite.header"), grid, next,
                new ButtonType(ctx.text.get("button.cancel"), ButtonData.CANCEL_CLOSE));
        javafx.application.Platform.runLater(days::requestFocus);
        if (dialog.showAndWait().filter(b -> b == next).isEmpty()) {
            return;
        }
        String url = intakeUrl.getText().strip();
        int validDays = days.getValue();
        Optional<Path> target = ctx.files.save(window(), ctx.text.get("invite.chooseTitle"),
                "tanik-invitation-" + java.time.LocalDate.now(ctx.clock) + ".tanik-invite");
        if (target.isEmpty()) {
            return;
        }
        // The same rules as "tanik org invite": an intake address is https or none, a full disk is said so.
        ctx.executor.run(() -> ctx.desk.organisation().invite(target.get(), url.isEmpty() ? null : url, null, validDays,
                ctx.text.locale())
                .fingerprint(), fingerprint -> {
            VBox box = new VBox(8, wrapped(ctx.text.format("invite.written", target.get().toString())),
                    new Label(ctx.text.get("organisation.fingerprint")), Fingerprints.large(fingerprint),
                    wrapped(ctx.text.get("invite.readAloud")));
            dialog(ctx.text.get("invite.title"), ctx.text.get("invite.doneHeader"), box,
                    new ButtonType(ctx.text.get("button.close"), ButtonData.CANCEL_CLOSE)).showAndWait();
        }, this::failed);
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
    private void settings() {
        vaultMenu.settings(window());
    }

    @FXML
    private void about() {
        vaultMenu.about(window(), "about.coordinator");
    }

    @FXML
    private void quickStart() {
        vaultMenu.quickStart(window());
    }

    private Dialog<ButtonType> dialog(String title, String header, javafx.scene.Node content, ButtonType... buttons) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(window());
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(buttons);
        dialog.getDialogPane().setPrefWidth(560);
        ctx.dialogs.track(dialog);
        return dialog;
    }


    /** Two labelled fields (labels with their mnemonics) above a wrapped note: the dialogs' common form. */
    private GridPane twoFields(String firstKey, javafx.scene.control.Control first, String secondKey,
                               javafx.scene.control.Control second, String noteKey) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        Label firstLabel = new Label(ctx.text.get(firstKey));
        firstLabel.setLabelFor(first);
        firstLabel.setMnemonicParsing(true);
        Label secondLabel = new Label(ctx.text.get(secondKey));
        secondLabel.setLabelFor(second);
        secondLabel.setMnemonicParsing(true);
        grid.addRow(0, firstLabel, first);
        grid.addRow(1, secondLabel, second);
        grid.add(wrapped(ctx.text.get(noteKey)), 0, 2, 2, 1);
        return grid;
    }
    static Label wrapped(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private void failed(Throwable failure) {
        if (ctx.active) {
            ctx.alerts.error(window(), failure);
        }
    }

    private Window window() {
        return CoordinatorContext.window(mainScreen);
    }
}
