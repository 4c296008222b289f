package org.tanik.ui.volunteer;

import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.tanik.model.DisplayText;
import org.tanik.ui.common.TextDirection;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.UiText;
import org.tanik.volunteer.DeviceKey;
import org.tanik.volunteer.Membership;

/**
 * "This device": its fingerprint, and the organisation it sends to (if any), to read to a coordinator;
 * and leaving that organisation, the deliberate step before joining another.
 */
public final class DeviceInfo {

    private final DeviceKey device;
    private final Membership membership;
    private final BackgroundExecutor executor;
    private final UiText text;
    private final Alerts alerts;

    public DeviceInfo(DeviceKey device, Membership membership, BackgroundExecutor executor, UiText text,
                      Alerts alerts) {
        this.device = device;
        this.membership = membership;
        this.executor = executor;
        this.text = text;
        this.alerts = alerts;
    }

    public void show(Window owner) {
        String fingerprint = TextDirection.inSentence(device.fingerprint(), text.locale());
        executor.run(membership::current, current -> {
            if (current.isEmpty()) {
                alerts.info(owner, text.get("device.title"), text.format("device.header", fingerprint),
                        text.get("device.notEnrolled"));
                return;
            }
            Membership.Org c = current.get();
            if (alerts.offer(owner, Alert.AlertType.INFORMATION, text.get("device.title"),
                    text.format("device.header", fingerprint), text.format("device.enrolled", DisplayText.isolated(c.name()),
                            TextDirection.inSentence(c.fingerprint(), text.locale())),
                    text.get("device.leave"))) {
                leave(owner);
            }
        }, failure -> alerts.error(owner, failure));
    }

    /** Asks, warning about sealed versions not yet sent (they would go to the next organisation), then leaves. */
    public void leave(Window owner) {
        executor.run(membership::leaving, leaving -> {
            String name = leaving.organisation().name();
            String message = text.format("leave.confirm", DisplayText.isolated(name), leaving.organisation().fingerprint());
            if (leaving.unsent() > 0) {
                message += "\n\n" + text.format("leave.unsent", leaving.unsent(), name);
            }
            if (alerts.confirm(owner, text.get("leave.title"), message, text.get("leave.button"))) {
                executor.run(membership::leave, left -> alerts.info(owner, text.get("leave.title"),
                        text.format("leave.doneHeader", name), text.get("leave.done")),
                        failure -> alerts.error(owner, failure));
            }
        }, failure -> alerts.error(owner, failure));
    }
}
