package org.tanik.ui.outbox;

import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.tanik.enrolment.Enrolment;
import org.tanik.enrolment.Invitation;
import org.tanik.model.DisplayText;
import org.tanik.store.VaultSession;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.UiText;
import org.tanik.volunteer.Outbox;

/**
 * "This device": its fingerprint, and the organisation it sends to (if any), to read to a coordinator;
 * and leaving that organisation, the deliberate step before joining another.
 */
public final class DeviceInfo {

    /** The organisation to leave, and how many sealed versions it has not been sent. */
    private record Leaving(Invitation organisation, int unsent) {
    }

    private final VaultSession session;
    private final Enrolment enrolment;
    private final Outbox outbox;
    private final BackgroundExecutor executor;
    private final UiText text;
    private final Alerts alerts;

    public DeviceInfo(VaultSession session, Enrolment enrolment, Outbox outbox, BackgroundExecutor executor,
                      UiText text, Alerts alerts) {
        this.session = session;
        this.enrolment = enrolment;
        this.outbox = outbox;
        this.executor = executor;
        this.text = text;
        this.alerts = alerts;
    }

    public void show(Window owner) {
        String device = session.device().fingerprint();
        executor.run(() -> enrolment.current(session), current -> {
            if (current.isEmpty()) {
                alerts.info(owner, text.get("device.title"), text.format("device.header", device),
                        text.get("device.notEnrolled"));
                return;
            }
            Invitation c = current.get();
            if (alerts.offer(owner, Alert.AlertType.INFORMATION, text.get("device.title"),
                    text.format("device.header", device), text.format("device.enrolled", DisplayText.isolated(c.organisation()), c.fingerprint()),
                    text.get("device.leave"))) {
                leave(owner);
            }
        }, failure -> alerts.error(owner, failure));
    }

    /** Asks, warning about sealed versions not yet sent (they would go to the next organisation), then leaves. */
    public void leave(Window owner) {
        executor.run(() -> new Leaving(enrolment.require(session), outbox.pending(session)), leaving -> {
            String name = leaving.organisation().organisation();
            String message = text.format("leave.confirm", DisplayText.isolated(name), leaving.organisation().fingerprint());
            if (leaving.unsent() > 0) {
                message += "\n\n" + text.format("leave.unsent", leaving.unsent(), name);
            }
            if (alerts.confirm(owner, text.get("leave.title"), message, text.get("leave.button"))) {
                executor.run(() -> enrolment.leave(session), left -> alerts.info(owner, text.get("leave.title"),
                        text.format("leave.doneHeader", name), text.get("leave.done")),
                        failure -> alerts.error(owner, failure));
            }
        }, failure -> alerts.error(owner, failure));
    }
}
