package org.tanik.ui.testimony;

import org.tanik.enrolment.Enrolment;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.store.volunteer.TestimonyStore;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.ControllerFactory;
import org.tanik.ui.common.FileChoices;
import org.tanik.ui.common.Navigation;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.ScreenContext;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.Views;
import org.tanik.ui.outbox.DeviceInfo;
import org.tanik.ui.outbox.ExportController;
import org.tanik.ui.outbox.JoinController;
import org.tanik.volunteer.Outbox;

/**
 * Registers the volunteer's window: the testimony list and editor, joining an organisation, export.
 * (Moved from the composition root as it was; it moves on to the volunteer's package with its screens.)
 */
public final class VolunteerScreens {

    private VolunteerScreens() {
    }

    public static ControllerFactory register(ControllerFactory controllers, ScreenContext screens, OpenVault vault) {
        BackgroundExecutor executor = screens.executor();
        UiText text = screens.text();
        Alerts alerts = screens.alerts();
        OpenDialogs dialogs = screens.dialogs();
        FileChoices files = screens.files();
        Navigation flow = screens.navigation();
        Views views = screens.views();
        // TODO(issue 14): the volunteer's use cases take the OpenVault; then no store type is left here.
        VaultSession session = vault.store();
        TestimonyStore store = session.testimonies();
        Enrolment enrolment = new Enrolment(screens.clock());
        Outbox outbox = new Outbox(screens.clock());
        DeviceInfo deviceInfo = new DeviceInfo(session, enrolment, outbox, executor, text, alerts);
        return controllers
                .with(MainController.class, () -> new MainController(store, executor, text, alerts, flow, views,
                        deviceInfo))
                .with(TestimonyListController.class,
                        () -> new TestimonyListController(store, screens.vocabulary(), executor, text, alerts))
                .with(TestimonyEditorController.class, () -> new TestimonyEditorController(store,
                        screens.vocabulary(), executor, text, alerts, views))
                .with(HistoryController.class, () -> new HistoryController(text, dialogs))
                .with(JoinController.class, () -> new JoinController(session, enrolment, executor, text, dialogs,
                        alerts, files, deviceInfo))
                .with(ExportController.class, () -> new ExportController(session, outbox,
                        enrolment, screens.clock(), executor, text, dialogs, files));
    }
}
