package org.tanik.ui.outbox;

import javafx.stage.Window;
import org.tanik.enrolment.Enrolment;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.UiText;
import org.tanik.vault.VaultSession;

/** "This device": its fingerprint, and the organisation it sends to (if any), to read to a coordinator. */
public final class DeviceInfo {

    private final VaultSession session;
    private final Enrolment enrolment;
    private final BackgroundExecutor executor;
    private final UiText text;
    private final Alerts alerts;

    public DeviceInfo(VaultSession session, Enrolment enrolment, BackgroundExecutor executor, UiText text, Alerts alerts) {
        this.session = session;
        this.enrolment = enrolment;
        this.executor = executor;
        this.text = text;
        this.alerts = alerts;
    }

    public void show(Window owner) {
        String device = session.device().fingerprint();
        executor.run(() -> enrolment.current(session), current -> alerts.info(owner, text.get("device.title"),
                text.format("device.header", device),
                current.map(c -> text.format("device.enrolled", c.organisation(), c.fingerprint()))
                        .orElse(text.get("device.notEnrolled"))), failure -> alerts.error(owner, failure));
    }
}
