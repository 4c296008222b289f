package org.tanik.ui.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tanik.enrolment.Enrolment;
import org.tanik.enrolment.Invitation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.FileChoices;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.UiText;
import org.tanik.vault.VaultSession;

/**
 * Joining an organisation with its invitation file: the invitation is checked (signature, expiry),
 * then both fingerprints are shown so the volunteer can compare them with the coordinator by phone
 * or in person before joining. Joining another organisation replaces the current one; the dialog says so.
 */
public final class JoinController {

    private record Checked(byte[] file, Invitation invitation, Optional<Invitation> current) {
    }

    private final VaultSession session;
    private final Enrolment enrolment;
    private final BackgroundExecutor executor;
    private final UiText text;
    private final OpenDialogs dialogs;
    private final Alerts alerts;
    private final FileChoices files;

    @FXML private DialogPane pane;
    @FXML private Label organisation;
    @FXML private Label organisationFingerprint;
    @FXML private Label deviceFingerprint;
    @FXML private Label expires;
    @FXML private VBox replaceWarning;
    @FXML private Label replaceText;

    public JoinController(VaultSession session, Enrolment enrolment, BackgroundExecutor executor, UiText text,
                          OpenDialogs dialogs, Alerts alerts, FileChoices files) {
        this.session = session;
        this.enrolment = enrolment;
        this.executor = executor;
        this.text = text;
        this.dialogs = dialogs;
        this.alerts = alerts;
        this.files = files;
    }

    /** Asks for the invitation file, checks it in the background, then shows the comparison dialog. */
    public void start(Window owner) {
        Optional<Path> chosen = files.open(owner, text.get("join.chooseTitle"), text.get("join.fileType"), List.of());
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        executor.run(() -> {
            byte[] bytes = read(file);
            Invitation invitation = enrolment.check(bytes);
            return new Checked(bytes, invitation, enrolment.current(session));
        }, checked -> confirm(owner, checked), failure -> alerts.error(owner, failure));
    }

    private void confirm(Window owner, Checked checked) {
        Invitation inv = checked.invitation();
        organisation.setText(inv.organisation());
        organisationFingerprint.setText(inv.fingerprint());
        organisationFingerprint.setAccessibleText(inv.fingerprint().replace(" ", ", "));
        deviceFingerprint.setText(session.device().fingerprint());
        deviceFingerprint.setAccessibleText(session.device().fingerprint().replace(" ", ", "));
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(text.locale()).withZone(ZoneId.systemDefault());
        expires.setText(text.format("join.expires", format.format(inv.expiresAt())));
        boolean replaces = checked.current().isPresent();
        replaceWarning.setVisible(replaces);
        replaceWarning.setManaged(replaces);
        checked.current().ifPresent(c -> replaceText.setText(text.format("join.replaces", c.organisation(),
                inv.organisation())));
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
        executor.run(() -> enrolment.enrol(session, checked.file()), replaced ->
                alerts.info(owner, text.get("join.title"), text.format("join.doneHeader", inv.organisation()),
                        text.get("join.done")), failure -> alerts.error(owner, failure));
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
