package org.tanik.ui.volunteer;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.tanik.model.TestimonySummary;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.audio.Elapsed;
import org.tanik.volunteer.Drafts;
import org.tanik.volunteer.Recordings;

/**
 * After unlocking: recordings a crash or power loss interrupted are offered one by one, to keep as
 * an attachment of their testimony or to discard. Closing the question leaves the recording for the
 * next unlock.
 */
public final class UnfinishedRecordings {

    private final Recordings recordings;
    private final Drafts drafts;
    private final BackgroundExecutor executor;
    private final UiText text;
    private final OpenDialogs dialogs;
    private final Alerts alerts;

    public UnfinishedRecordings(Recordings recordings, Drafts drafts, BackgroundExecutor executor, UiText text,
                                OpenDialogs dialogs, Alerts alerts) {
        this.recordings = recordings;
        this.drafts = drafts;
        this.executor = executor;
        this.text = text;
        this.dialogs = dialogs;
        this.alerts = alerts;
    }

    /** Looks for interrupted recordings and asks about each; {@code changed} hears a testimony that got one. */
    public void offer(Supplier<Window> owner, Consumer<TestimonySummary> changed) {
        executor.run(recordings::unfinished, found -> ask(owner, found, 0, changed), failure -> { });
    }

    private void ask(Supplier<Window> owner, List<Recordings.Unfinished> found, int index,
                     Consumer<TestimonySummary> changed) {
        if (index >= found.size() || owner.get() == null) {
            return;
        }
        Recordings.Unfinished u = found.get(index);
        Runnable next = () -> ask(owner, found, index + 1, changed);
        ButtonType keep = new ButtonType(text.get("recorder.unfinished.keep"), ButtonData.OK_DONE);
        ButtonType discard = new ButtonType(text.get("recorder.unfinished.discard"), ButtonData.OTHER);
        ButtonType later = new ButtonType(text.get("button.close"), ButtonData.CANCEL_CLOSE);
        String title = u.testimonyTitle().isBlank() ? text.get("recorder.unfinished.untitled") : u.testimonyTitle();
        Alert alert = new Alert(Alert.AlertType.WARNING, text.format("recorder.unfinished.message", title,
                text.dates().time(u.startedAt()),
                Elapsed.format(u.recordedMillis()), u.markers().size()), keep, discard, later);
        alert.setTitle(text.get("recorder.unfinished.title"));
        alert.setHeaderText(text.get("recorder.unfinished.title"));
        alert.getDialogPane().getStyleClass().add("unfinished-recording");
        alert.initOwner(owner.get());
        alert.getDialogPane().setPrefWidth(520);
        dialogs.track(alert);
        ButtonType chosen = alert.showAndWait().orElse(later);
        if (chosen == keep) {
            executor.run(() -> {
                recordings.recover(u.id());
                return drafts.latest(u.testimonyId()).summary();
            }, summary -> {
                changed.accept(summary);
                next.run();
            }, failure -> {
                alerts.error(owner.get(), failure);
                next.run();
            });
        } else if (chosen == discard) {
            executor.run(() -> {
                recordings.discard(u.id());
                return null;
            }, nothing -> next.run(), failure -> {
                alerts.error(owner.get(), failure);
                next.run();
            });
        } else {
            next.run();
        }
    }
}
