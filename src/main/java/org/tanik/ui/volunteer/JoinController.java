package org.tanik.ui.volunteer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.DisplayText;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.FileChoices;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.UiText;
import org.tanik.volunteer.Membership;

/**
 * Joining an organisation with its invitation file: the invitation is checked (signature, expiry),
 * then both fingerprints and the keys bundles will be encrypted to are shown, so the volunteer can
 * compare them with the coordinator by phone or in person before joining. An invitation from another
 * organisation key is refused (the Membership use case's rule) with the way to leave the current one;
 * a renewed invitation from the same key says what changed.
 */
public final class JoinController {

    private final Membership membership;
    private final BackgroundExecutor executor;
    private final UiText text;
    private final OpenDialogs dialogs;
    private final Alerts alerts;
    private final FileChoices files;
    private final DeviceInfo deviceInfo;

    @FXML private DialogPane pane;
    @FXML private Label organisation;
    @FXML private Label organisationFingerprint;
    @FXML private Label deviceFingerprint;
    @FXML private Label expires;
    @FXML private Label recipientsTitle;
    @FXML private VBox recipients;
    @FXML private VBox renewalBox;
    @FXML private Label renewalText;

    public JoinController(Membership membership, BackgroundExecutor executor, UiText text, OpenDialogs dialogs,
                          Alerts alerts, FileChoices files, DeviceInfo deviceInfo) {
        this.membership = membership;
        this.executor = executor;
        this.text = text;
        this.dialogs = dialogs;
        this.alerts = alerts;
        this.files = files;
        this.deviceInfo = deviceInfo;
    }

    /** Asks for the invitation file, checks it in the background, then shows the comparison dialog. */
    public void start(Window owner) {
        Optional<Path> chosen = files.open(owner, text.get("join.chooseTitle"), text.get("join.fileType"), List.of());
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        executor.run(() -> membership.propose(read(file)), offer -> confirm(owner, offer),
                failure -> failed(owner, failure));
    }

    /** A failure in one sentence; for another organisation key, also the deliberate way out: leaving. */
    private void failed(Window owner, Throwable failure) {
        if (failure instanceof TanikException e && e.problem() == Problem.ENROLLED_ELSEWHERE) {
            if (alerts.offer(owner, Alert.AlertType.WARNING, text.get("join.title"), text.get("join.refusedTitle"),
                    text.error(failure) + "\n\n" + text.get("join.leaveFirst"), text.get("device.leave"))) {
                deviceInfo.leave(owner);
            }
        } else {
            alerts.error(owner, failure);
        }
    }

    private void confirm(Window owner, Membership.Offer offer) {
        Membership.Org inv = offer.organisation();
        organisation.setText(DisplayText.oneLine(inv.name()));
        organisationFingerprint.setText(inv.fingerprint());
        organisationFingerprint.setAccessibleText(inv.fingerprint().replace(" ", ", "));
        deviceFingerprint.setText(offer.deviceFingerprint());
        deviceFingerprint.setAccessibleText(offer.deviceFingerprint().replace(" ", ", "));
        recipientsTitle.setText(text.format("join.recipients", inv.recipients().size()));
        recipients.getChildren().setAll(inv.recipients().stream().map(JoinController::recipient).toList());
        expires.setText(text.format("join.expires", text.dates().time(inv.expiresAt())));
        boolean renewal = offer.renewal();
        renewalBox.setVisible(renewal);
        renewalBox.setManaged(renewal);
        offer.current().ifPresent(c -> renewalText.setText(changes(offer, c)));
        ButtonType join = new ButtonType(text.get("join.button"), ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(text.get("button.cancel"), ButtonData.CANCEL_CLOSE);
        pane.getButtonTypes().setAll(join, cancel);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("join.title"));
        dialog.setDialogPane(pane);
        dialogs.track(dialog);
        // The safe choice is the default: joining needs a deliberate press.
        javafx.application.Platform.runLater(() -> pane.lookupButton(cancel).requestFocus());
        if (dialog.showAndWait().filter(b -> b == join).isEmpty()) {
            return;
        }
        executor.run(() -> membership.join(offer), replaced ->
                alerts.info(owner, text.get("join.title"), text.format("join.doneHeader", DisplayText.isolated(inv.name())),
                        text.get("join.done")), failure -> failed(owner, failure));
    }

    /** An age1… key in full: wrapped over lines if it must be, never cut short. */
    private static Label recipient(String key) {
        Label label = new Label(key);
        label.getStyleClass().add("monospace");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** What a renewed invitation changes, one sentence per change. */
    private String changes(Membership.Offer proposal, Membership.Org current) {
        List<String> lines = new ArrayList<>();
        if (proposal.renamed()) {
            lines.add(text.format("join.renamed", DisplayText.isolated(current.name())));
        }
        if (proposal.recipientsChanged()) {
            lines.add(text.format("join.recipientsChanged", String.join("\n", current.recipients())));
        }
        if (proposal.intakeChanged()) {
            lines.add(text.format("join.intakeChanged",
                    current.intakeUrl() == null ? text.get("join.noIntake") : current.intakeUrl()));
        }
        if (lines.isEmpty()) {
            lines.add(text.get("join.onlyDates"));
        }
        return String.join("\n", lines);
    }

    private static byte[] read(Path file) {
        try {
            if (Files.size(file) > 1 << 20) {
                throw new TanikException(Problem.INVALID_INVITATION);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TanikException(Problem.IO_FAILURE, e, file.toString());
        }
    }
}
