package org.tanik.ui.coordinator;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.model.Device;
import org.tanik.model.DeviceState;
import org.tanik.model.DisplayText;
import org.tanik.ui.common.Fingerprints;
import org.tanik.ui.common.TextDirection;

/**
 * The device registry: every volunteer device that sent a bundle. Approving one (after comparing its
 * fingerprint by phone or in person) imports the bundles held for it; revoking one needs a reason.
 */
public final class VolunteersController {

    private final CoordinatorContext ctx;
    private Consumer<List<ImportResult>> onApproved = r -> { };

    @FXML private VBox volunteersScreen;
    @FXML private TableView<Device> table;
    @FXML private TableColumn<Device, String> fingerprintColumn;
    @FXML private TableColumn<Device, String> labelColumn;
    @FXML private TableColumn<Device, DeviceState> stateColumn;
    @FXML private TableColumn<Device, Instant> firstSeenColumn;
    @FXML private TableColumn<Device, Instant> lastSeenColumn;
    @FXML private TableColumn<Device, Long> sequenceColumn;
    @FXML private TableColumn<Device, String> revokedColumn;
    @FXML private Button approveButton;
    @FXML private Button revokeButton;

    public VolunteersController(CoordinatorContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        fingerprintColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().fingerprint()));
        // The fingerprint is compared group by group: it is never cut.
        fingerprintColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String fingerprint, boolean empty) {
                super.updateItem(fingerprint, empty);
                setText(empty ? null : fingerprint);
                org.tanik.ui.common.Fit.wholeCell(this);
            }
        });
        labelColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String label, boolean empty) {
                super.updateItem(label, empty);
                org.tanik.ui.common.CellText.set(this, empty ? null : label);
            }
        });
        revokedColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String revoked, boolean empty) {
                super.updateItem(revoked, empty);
                org.tanik.ui.common.CellText.set(this, empty ? null : revoked);
            }
        });
        TextDirection.leftToRightCells(fingerprintColumn);
        labelColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(DisplayText.oneLine(c.getValue().label())));
        stateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().state()));
        stateColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(DeviceState s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeIf(x -> x.startsWith("device-"));
                if (empty || s == null) {
                    setText(null);
                    return;
                }
                setText(ctx.text.get("device.state." + s.name()));
                getStyleClass().add("device-" + s.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        firstSeenColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().firstSeen()));
        firstSeenColumn.setCellFactory(c -> timeCell());
        lastSeenColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lastSeen()));
        lastSeenColumn.setCellFactory(c -> timeCell());
        sequenceColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lastSequence()));
        revokedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().revokedAt() == null ? ""
                : ctx.dates.time(c.getValue().revokedAt()) + " · " + c.getValue().revokeReason()));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> updateButtons(d));
        updateButtons(null);
    }

    private TableCell<Device, Instant> timeCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(Instant t, boolean empty) {
                super.updateItem(t, empty);
                org.tanik.ui.common.CellText.set(this, empty || t == null ? null : ctx.dates.time(t));
            }
        };
    }

    private void updateButtons(Device d) {
        approveButton.setDisable(d == null || d.state() == DeviceState.REVOKED);
        revokeButton.setDisable(d == null || d.state() == DeviceState.REVOKED);
    }

    void setOnApproved(Consumer<List<ImportResult>> listener) {
        this.onApproved = listener;
    }

    void show(List<Device> devices) {
        Device selected = table.getSelectionModel().getSelectedItem();
        table.getItems().setAll(devices);
        if (selected != null) {
            devices.stream().filter(d -> d.fingerprint().equals(selected.fingerprint())).findFirst()
                    .ifPresent(d -> table.getSelectionModel().select(d));
        }
        updateButtons(table.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void approve() {
        Device device = table.getSelectionModel().getSelectedItem();
        if (device == null) {
            return;
        }
        TextField label = new TextField(device.label());
        label.setPromptText(ctx.text.get("volunteers.labelPrompt"));
        Label labelLabel = new Label(ctx.text.get("volunteers.label"));
        labelLabel.setMnemonicParsing(true);
        labelLabel.setLabelFor(label);
        VBox box = new VBox(8, CoordinatorController.wrapped(ctx.text.get("volunteers.compare")),
                Fingerprints.large(device.fingerprint()), labelLabel, label,
                CoordinatorController.wrapped(ctx.text.get("volunteers.labelNote")));
        ButtonType approve = new ButtonType(ctx.text.get("volunteers.approveButton"), ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = dialog(ctx.text.get("volunteers.approveTitle"),
                ctx.text.get("volunteers.approveHeader"), box, approve);
        Node ok = dialog.getDialogPane().lookupButton(approve);
        ok.disableProperty().bind(label.textProperty().isEmpty());
        javafx.application.Platform.runLater(label::requestFocus);
        if (dialog.showAndWait().filter(b -> b == approve).isEmpty() || label.getText().isBlank()) {
            return;
        }
        String chosen = label.getText().strip();
        ctx.executor.run(() -> ctx.desk.approve(device.fingerprint(), chosen), released -> {
            if (!ctx.active) {
                return;
            }
            onApproved.accept(released);
            TableView<ImportResult> verdicts = ResultsTable.create(ctx);
            verdicts.getItems().setAll(released);
            // Never squeezed to nothing by the dialog's other content: the released bundles are the point.
            verdicts.setPrefHeight(200);
            verdicts.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            VBox result = new VBox(8, CoordinatorController.wrapped(released.isEmpty()
                    ? ctx.text.get("volunteers.nothingHeld") : ctx.text.format("volunteers.released", released.size())),
                    verdicts);
            Dialog<ButtonType> done = dialog(ctx.text.get("volunteers.approveTitle"),
                    ctx.text.format("volunteers.approved", chosen), result);
            done.getDialogPane().setPrefWidth(760);
            done.showAndWait();
        }, this::failed);
    }

    @FXML
    private void revoke() {
        Device device = table.getSelectionModel().getSelectedItem();
        if (device == null) {
            return;
        }
        TextField reason = new TextField();
        reason.setPromptText(ctx.text.get("volunteers.reasonPrompt"));
        Label reasonLabel = new Label(ctx.text.get("volunteers.reason"));
        reasonLabel.setMnemonicParsing(true);
        reasonLabel.setLabelFor(reason);
        VBox box = new VBox(8, Fingerprints.large(device.fingerprint()),
                CoordinatorController.wrapped(ctx.text.get("volunteers.revokeNote")), reasonLabel, reason);
        ButtonType revoke = new ButtonType(ctx.text.get("volunteers.revokeButton"), ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = dialog(ctx.text.get("volunteers.revokeTitle"),
                ctx.text.format("volunteers.revokeHeader", device.label().isEmpty()
                        ? TextDirection.inSentence(device.fingerprint(), ctx.text.locale())
                        : DisplayText.isolated(device.label())),
                box, revoke);
        dialog.getDialogPane().lookupButton(revoke).disableProperty().bind(reason.textProperty().isEmpty());
        javafx.application.Platform.runLater(reason::requestFocus);
        if (dialog.showAndWait().filter(b -> b == revoke).isEmpty() || reason.getText().isBlank()) {
            return;
        }
        String why = reason.getText().strip();
        ctx.executor.run(() -> {
            ctx.desk.revoke(device.fingerprint(), why);
            return ctx.desk.volunteers();
        }, devices -> {
            if (ctx.active) {
                ctx.devices(devices);
                show(devices);
            }
        }, this::failed);
    }

    private Dialog<ButtonType> dialog(String title, String header, Node content, ButtonType... extra) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(CoordinatorContext.window(volunteersScreen));
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(extra);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(
                ctx.text.get(extra.length == 0 ? "button.close" : "button.cancel"), ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setPrefWidth(560);
        ctx.dialogs.track(dialog);
        return dialog;
    }

    private void failed(Throwable failure) {
        if (ctx.active) {
            ctx.alerts.error(CoordinatorContext.window(volunteersScreen), failure);
        }
    }

    void clear() {
        table.getItems().clear();
    }
}
