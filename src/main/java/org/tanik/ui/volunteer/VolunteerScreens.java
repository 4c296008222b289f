package org.tanik.ui.volunteer;

import java.util.Optional;
import java.util.function.Supplier;
import org.tanik.config.Settings;
import org.tanik.config.SettingsStore;
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
import org.tanik.volunteer.Attachments;
import org.tanik.volunteer.DeviceKey;
import org.tanik.volunteer.Drafts;
import org.tanik.volunteer.Membership;
import org.tanik.volunteer.Courier;
import org.tanik.volunteer.Outbox;
import org.tanik.volunteer.Recordings;
import org.tanik.volunteer.Sending;

/** Registers the volunteer's window: the testimony list and editor, joining an organisation, export, the outbox. */
public final class VolunteerScreens {

    private VolunteerScreens() {
    }

    public static ControllerFactory register(ControllerFactory controllers, ScreenContext screens, OpenVault vault,
                                             SettingsStore settings, Courier.Factory couriers) {
        BackgroundExecutor executor = screens.executor();
        UiText text = screens.text();
        Alerts alerts = screens.alerts();
        OpenDialogs dialogs = screens.dialogs();
        FileChoices files = screens.files();
        Navigation flow = screens.navigation();
        Views views = screens.views();
        Drafts drafts = new Drafts(vault);
        Recordings recordings = new Recordings(vault, screens.clock());
        RecorderDialog recorder = new RecorderDialog(recordings, new org.tanik.volunteer.Attachments(vault),
                org.tanik.audio.Capture.fromEnvironment(), executor,
                text, dialogs);
        UnfinishedRecordings unfinished = new UnfinishedRecordings(recordings, drafts, executor, text, dialogs, alerts);
        Membership membership = new Membership(vault, screens.clock());
        DeviceInfo deviceInfo = new DeviceInfo(new DeviceKey(vault), membership, executor, text, alerts);
        // Read at each use, so a proxy changed in Settings applies to the next send.
        Supplier<Sending> sending = () -> {
            Settings s = settings.load();
            return new Sending(vault, screens.clock(), couriers, new Sending.Options(s.proxy(), s.proxyOnly()));
        };
        Supplier<Optional<Sending>> automatic = () -> Optional.of(settings.load())
                .filter(Settings::autoSend).map(s -> sending.get());
        AutoSender autoSender = new AutoSender(automatic, executor, screens.clock());
        return controllers
                .with(MainController.class, () -> new MainController(drafts, executor, text, alerts, flow, views,
                        deviceInfo, autoSender, unfinished))
                .with(TestimonyListController.class,
                        () -> new TestimonyListController(drafts, screens.vocabulary(), executor, text, alerts))
                .with(TestimonyEditorController.class, () -> new TestimonyEditorController(drafts,
                        new Attachments(vault), screens.vocabulary(), executor, text, alerts, views, screens.viewers(),
                        files, dialogs, recorder))
                .with(HistoryController.class, () -> new HistoryController(text, dialogs))
                .with(JoinController.class, () -> new JoinController(membership, executor, text, dialogs,
                        alerts, files, deviceInfo))
                .with(ExportController.class, () -> new ExportController(new Outbox(vault, screens.clock()),
                        screens.clock(), executor, text, dialogs, files))
                .with(OutboxController.class, () -> new OutboxController(sending, executor, text, alerts, dialogs));
    }
}
