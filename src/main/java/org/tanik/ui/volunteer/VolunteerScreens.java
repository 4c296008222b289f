package org.tanik.ui.volunteer;

import org.tanik.session.OpenVault;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.ControllerFactory;
import org.tanik.ui.common.FileChoices;
import org.tanik.ui.common.Navigation;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.ScreenContext;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.Views;
import org.tanik.volunteer.DeviceKey;
import org.tanik.volunteer.Drafts;
import org.tanik.volunteer.Membership;
import org.tanik.volunteer.Outbox;

/** Registers the volunteer's window: the testimony list and editor, joining an organisation, export. */
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
        Drafts drafts = new Drafts(vault);
        Membership membership = new Membership(vault, screens.clock());
        DeviceInfo deviceInfo = new DeviceInfo(new DeviceKey(vault), membership, executor, text, alerts);
        return controllers
                .with(MainController.class, () -> new MainController(drafts, executor, text, alerts, flow, views,
                        deviceInfo))
                .with(TestimonyListController.class,
                        () -> new TestimonyListController(drafts, screens.vocabulary(), executor, text, alerts))
                .with(TestimonyEditorController.class, () -> new TestimonyEditorController(drafts,
                        screens.vocabulary(), executor, text, alerts, views))
                .with(HistoryController.class, () -> new HistoryController(text, dialogs))
                .with(JoinController.class, () -> new JoinController(membership, executor, text, dialogs,
                        alerts, files, deviceInfo))
                .with(ExportController.class, () -> new ExportController(new Outbox(vault, screens.clock()),
                        screens.clock(), executor, text, dialogs, files));
    }
}
