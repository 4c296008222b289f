package org.tanik.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.tanik.AppServices;
import org.tanik.config.Settings;
import org.tanik.config.SettingsStore;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.ControllerFactory;
import org.tanik.ui.common.FileChoices;
import org.tanik.ui.common.IdleMonitor;
import org.tanik.ui.common.MainWindow;
import org.tanik.ui.common.NativeFileChoices;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.Stylesheets;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.Views;
import org.tanik.ui.coordinator.ArchiveCheckController;
import org.tanik.ui.coordinator.ArchiveViewController;
import org.tanik.ui.coordinator.AuditController;
import org.tanik.ui.coordinator.CoordinatorContext;
import org.tanik.ui.coordinator.CoordinatorController;
import org.tanik.ui.coordinator.ImportController;
import org.tanik.ui.coordinator.QueueController;
import org.tanik.ui.coordinator.StatisticsController;
import org.tanik.ui.coordinator.VolunteersController;
import org.tanik.ui.settings.SettingsController;
import org.tanik.ui.unlock.ChangePassphraseController;
import org.tanik.ui.unlock.CreateVaultController;
import org.tanik.ui.unlock.UnlockController;
import org.tanik.ui.volunteer.DeviceInfo;
import org.tanik.ui.volunteer.ExportController;
import org.tanik.ui.volunteer.HistoryController;
import org.tanik.ui.volunteer.JoinController;
import org.tanik.ui.volunteer.MainController;
import org.tanik.ui.volunteer.TestimonyEditorController;
import org.tanik.ui.volunteer.TestimonyListController;
import org.tanik.volunteer.DeviceKey;
import org.tanik.volunteer.Drafts;
import org.tanik.volunteer.Membership;
import org.tanik.volunteer.Outbox;

/**
 * The desktop composition root: the one place that builds controllers and hands them their
 * services (through the FXML controller factory). Tests start the real application from here with
 * cheap KDF parameters and a temporary home.
 */
public final class UiCompositionRoot {

    private final AppServices services;
    private final BackgroundExecutor executor;
    private final OpenDialogs dialogs = new OpenDialogs();
    private FileChoices files = new NativeFileChoices();
    private Duration idleTimeout;
    private UiText text;
    private AppFlow flow;

    public UiCompositionRoot(AppServices services, BackgroundExecutor executor) {
        this.services = services;
        this.executor = executor;
    }

    /** Overrides the idle-lock time from the settings (tests cannot wait ten minutes). */
    UiCompositionRoot idleTimeout(Duration timeout) {
        this.idleTimeout = timeout;
        return this;
    }

    /** Replaces the native file choosers (tests cannot drive them headless). */
    UiCompositionRoot fileChoices(FileChoices choices) {
        this.files = choices;
        return this;
    }

    public void start(Stage stage) {
        Stylesheets.applyTheme();
        Settings settings = services.settings().load();
        text = new UiText(SettingsStore.locale(settings, Locale.getDefault()));
        Scene scene = new Scene(new StackPane(), 1180, 780);
        Stylesheets.style(scene);
        stage.setScene(scene);
        stage.setMinWidth(820);
        stage.setMinHeight(560);
        Duration timeout = idleTimeout != null ? idleTimeout : Duration.minutes(settings.idleMinutes());
        IdleMonitor idle = new IdleMonitor(timeout, () -> flow.lock());
        flow = new AppFlow(stage, new Screens(), executor, idle, dialogs, vault(), services.settings(), () -> {
            executor.shutdown();
            stage.close();
        });
        flow.start();
        stage.show();
    }

    /**
     * A bug must not put a stack trace on screen nor leave the user wondering: unexpected failures
     * on the FX thread show the generic translated sentence ("Something unexpected went wrong...").
     * Only the production launcher installs this; tests want failures to surface.
     */
    public void reportUnexpectedFailures() {
        Thread.currentThread().setUncaughtExceptionHandler((thread, failure) ->
                // Later, because a modal alert cannot open in the middle of layout or an animation.
                javafx.application.Platform.runLater(() -> {
                    try {
                        new Alerts(text, dialogs).error(null, failure);
                    } catch (RuntimeException ignored) {
                        // Showing the message failed too; nothing more can be done on screen.
                    }
                }));
    }

    /** The open vault, for tests that check what reached the store. */
    Optional<VaultSession> session() {
        return flow.session();
    }

    AppFlow flow() {
        return flow;
    }

    private Path vault() {
        return services.directories().vault();
    }

    private final class Screens implements AppFlow.Screens {

        @Override
        public Parent createVault() {
            ControllerFactory controllers = new ControllerFactory().with(CreateVaultController.class,
                    () -> new CreateVaultController(services.vaults(), vault(), executor, text, flow,
                            flow::switchLanguage));
            return new Views(text, controllers).load("unlock/create-vault.fxml").root();
        }

        @Override
        public Parent unlock() {
            ControllerFactory controllers = new ControllerFactory().with(UnlockController.class,
                    () -> new UnlockController(services.vaults(), vault(), executor, text, flow, flow::switchLanguage));
            return new Views(text, controllers).load("unlock/unlock.fxml").root();
        }

        @Override
        public Views.View<? extends MainWindow> main(VaultSession session, boolean coordinator) {
            ControllerFactory controllers = new ControllerFactory();
            Views views = new Views(text, controllers);
            Alerts alerts = new Alerts(text, dialogs);
            controllers
                    .with(ChangePassphraseController.class, () -> new ChangePassphraseController(services.vaults(),
                            vault(), executor, text, dialogs))
                    .with(SettingsController.class, () -> new SettingsController(services.settings(), executor, text,
                            dialogs, alerts, flow));
            if (coordinator) {
                CoordinatorContext ctx = new CoordinatorContext(session, services.vocabulary(), services.clock(),
                        executor, text, alerts, dialogs, files);
                controllers
                        .with(CoordinatorController.class, () -> new CoordinatorController(ctx, flow, views))
                        .with(QueueController.class, () -> new QueueController(ctx))
                        .with(ArchiveViewController.class, () -> new ArchiveViewController(ctx))
                        .with(VolunteersController.class, () -> new VolunteersController(ctx))
                        .with(ImportController.class, () -> new ImportController(ctx))
                        .with(StatisticsController.class, () -> new StatisticsController(ctx))
                        .with(AuditController.class, () -> new AuditController(ctx))
                        .with(ArchiveCheckController.class, () -> new ArchiveCheckController(ctx));
                return views.<CoordinatorController>load("coordinator/coordinator.fxml");
            }
            // The shell still hands over the store's session; it will carry an OpenVault itself.
            OpenVault vault = new OpenVault(session);
            Drafts drafts = new Drafts(vault);
            Membership membership = new Membership(vault, services.clock());
            DeviceInfo deviceInfo = new DeviceInfo(new DeviceKey(vault), membership, executor, text, alerts);
            controllers
                    .with(MainController.class, () -> new MainController(drafts, executor, text, alerts, flow, views,
                            deviceInfo))
                    .with(TestimonyListController.class,
                            () -> new TestimonyListController(drafts, services.vocabulary(), executor, text, alerts))
                    .with(TestimonyEditorController.class, () -> new TestimonyEditorController(drafts,
                            services.vocabulary(), executor, text, alerts, views))
                    .with(HistoryController.class, () -> new HistoryController(text, dialogs))
                    .with(JoinController.class, () -> new JoinController(membership, executor, text, dialogs,
                            alerts, files, deviceInfo))
                    .with(ExportController.class, () -> new ExportController(new Outbox(vault, services.clock()),
                            services.clock(), executor, text, dialogs, files));
            return views.<MainController>load("volunteer/main.fxml");
        }

        @Override
        public UiText text() {
            return text;
        }

        @Override
        public void useLocale(Locale locale) {
            text = new UiText(locale);
        }
    }
}
