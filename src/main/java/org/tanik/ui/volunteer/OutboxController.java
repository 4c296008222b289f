package org.tanik.ui.volunteer;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.Shown;
import org.tanik.ui.common.UiText;
import org.tanik.volunteer.Sending;
import org.tanik.work.Progress;

/**
 * The outbox: every exported bundle with its state (waiting, sending, delivered with the receipt's
 * time, failed with the reason and what to do). "Send now" first shows the route it will take and
 * asks; the send runs in the background with progress and a Cancel that stops between chunks,
 * keeping what the intake already holds.
 */
public final class OutboxController {

    private final Supplier<Sending> sending;
    private final BackgroundExecutor executor;
    private final UiText text;
    private final Alerts alerts;
    private final OpenDialogs dialogs;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private Node sendButton;
    private Runnable onSent = () -> { };

    @FXML private DialogPane pane;
    @FXML private Label summary;
    @FXML private ListView<Sending.Bundle> bundles;
    @FXML private HBox sendingBox;
    @FXML private ProgressBar progress;
    @FXML private Button cancel;
    @FXML private Label problem;

    public OutboxController(Supplier<Sending> sending, BackgroundExecutor executor, UiText text, Alerts alerts,
                            OpenDialogs dialogs) {
        this.sending = sending;
        this.executor = executor;
        this.text = text;
        this.alerts = alerts;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        Shown.set(sendingBox, false);
        Shown.set(problem, false);
        bundles.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Sending.Bundle b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : describe(b));
                setWrapText(true);
                setPrefWidth(0); // wrap to the list's width instead of widening it
            }
        });
        bundles.setPlaceholder(new Label(text.get("outbox.empty")));
    }

    /** What one bundle's row says, in words a volunteer can act on. */
    String describe(Sending.Bundle b) {
        String sequence = Long.toString(b.sequence());
        return switch (b.state()) {
            case WAITING -> text.format("outbox.waiting", sequence, b.shortSha256());
            case SENDING -> text.format("outbox.sending", sequence, b.shortSha256());
            case DELIVERED -> text.format("outbox.delivered", sequence, b.shortSha256(), text.dates().time(b.receivedAt()));
            case FAILED -> text.format("outbox.failed", sequence, b.shortSha256(),
                    b.problem().map(text::error).orElse(""));
        };
    }

    /** Shows the dialog and reads the outbox in the background. */
    public void start(Window owner) {
        ButtonType send = new ButtonType(text.get("outbox.send"), ButtonData.OK_DONE);
        ButtonType close = new ButtonType(text.get("button.close"), ButtonData.CANCEL_CLOSE);
        pane.getButtonTypes().setAll(send, close);
        sendButton = pane.lookupButton(send);
        // Sending does not close the dialog: the outcome is shown in it.
        sendButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            confirmAndSend();
        });
        summary.setText(text.get("outbox.reading"));
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("outbox.title"));
        dialog.setDialogPane(pane);
        dialog.setOnHidden(e -> cancelled.set(true));
        dialogs.track(dialog);
        refresh();
        dialog.show();
    }

    private void refresh() {
        executor.run(() -> {
            Sending s = sending.get();
            return new Contents(s.status(), s.unexported());
        }, c -> {
            bundles.getItems().setAll(c.bundles());
            long open = c.bundles().stream().filter(b -> b.state() != Sending.State.DELIVERED).count();
            summary.setText(text.format("outbox.summary", open, c.unexported()));
        }, this::failed);
    }

    private record Contents(List<Sending.Bundle> bundles, int unexported) {
    }

    /** The route first, from the same rule the send will use; nothing leaves until the volunteer agrees. */
    private void confirmAndSend() {
        Shown.set(problem, false);
        sendButton.setDisable(true);
        executor.run(() -> sending.get().route(), route -> {
            String where = route.direct() ? text.format("outbox.routeDirect", route.intake())
                    : text.format("outbox.routeProxy", route.proxy().orElseThrow());
            if (alerts.confirm(pane.getScene().getWindow(), text.get("outbox.confirmTitle"),
                    text.format("outbox.confirm", where), text.get("outbox.confirmButton"))) {
                send();
            } else {
                sendButton.setDisable(false);
            }
        }, failure -> {
            sendButton.setDisable(false);
            failed(failure);
        });
    }

    private void send() {
        cancelled.set(false);
        Shown.set(sendingBox, true);
        cancel.setDisable(false);
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        cancel.requestFocus();
        Progress<Sending.Step> steps = executor.onFxThread((done, total, step) -> {
            replace(step.bundle());
            progress.setProgress(step.bytesTotal() == 0 ? ProgressBar.INDETERMINATE_PROGRESS
                    : (double) step.bytesSent() / step.bytesTotal());
        }, cancelled::get);
        Sending s = sending.get();
        executor.run(() -> s.send(steps), sent -> done(), failure -> {
            done();
            failed(failure);
        });
    }

    /** Runs after each send, whatever it achieved: the list shows what is now delivered. */
    public void setOnSent(Runnable listener) {
        this.onSent = listener;
    }

    private void done() {
        onSent.run();
        Shown.set(sendingBox, false);
        sendButton.setDisable(false);
        refresh();
    }

    private void replace(Sending.Bundle b) {
        for (int i = 0; i < bundles.getItems().size(); i++) {
            if (bundles.getItems().get(i).bundleId().equals(b.bundleId())) {
                bundles.getItems().set(i, b);
                return;
            }
        }
        bundles.getItems().add(b); // exported by this send
    }

    @FXML
    private void cancel() {
        cancelled.set(true);
        cancel.setDisable(true);
    }

    private void failed(Throwable failure) {
        problem.setText(text.error(failure));
        Shown.set(problem, true);
    }
}
