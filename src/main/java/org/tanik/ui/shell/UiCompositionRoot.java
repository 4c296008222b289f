package org.tanik.ui.shell;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.tanik.AppServices;
import org.tanik.config.Settings;
import org.tanik.config.SettingsStore;
import org.tanik.coordinator.CoordinatorDesk;
import org.tanik.coordinator.OrganisationDesk;
import org.tanik.files.Content;
import org.tanik.files.TemporaryCopies;
import org.tanik.model.Attachment;
import org.tanik.session.OpenVault;
import org.tanik.session.VaultAccess;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.ControllerFactory;
import org.tanik.ui.common.FileChoices;
import org.tanik.ui.common.IdleMonitor;
import org.tanik.ui.common.MainWindow;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.PanicKey;
import org.tanik.ui.common.ScreenContext;
import org.tanik.ui.common.Stylesheets;
import org.tanik.ui.common.TextDirection;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.Views;
import org.tanik.ui.common.audio.AudioPlayerPane;
import org.tanik.ui.common.files.InAppFileChoices;
import org.tanik.ui.common.viewers.OpenElsewhere;
import org.tanik.ui.common.viewers.ViewerPane;
import org.tanik.ui.common.viewers.Viewers;
import org.tanik.ui.coordinator.CoordinatorContext;
import org.tanik.ui.coordinator.CoordinatorController;
import org.tanik.ui.coordinator.CoordinatorScreens;
import org.tanik.ui.settings.SettingsScreens;
import org.tanik.ui.unlock.Role;
import org.tanik.ui.unlock.UnlockScreens;
import org.tanik.ui.volunteer.MainController;
import org.tanik.ui.volunteer.VolunteerScreens;

/**
 * The desktop composition root: builds the shared services and asks each feature to register its
 * controllers with them (through the FXML controller factory). Tests start the real application from here with
 * cheap KDF parameters and a temporary home.
 */
public final class UiCompositionRoot {

    private final AppServices services;
    private final VaultAccess vaults;
    private final BackgroundExecutor executor;
    private final OpenDialogs dialogs = new OpenDialogs();
    /** The readable copies made for other programs; emptied at start (a crash's leftovers), lock and close. */
    private final TemporaryCopies copies;
    private FileChoices files;
    /** How the coordinator's fetch reaches the intake: null for the sync client; tests give a fake. */
    private org.tanik.coordinator.IntakeLink.Opener intakeLinks;
    /** How "Open with another program" hands a copy over: the system's way; tests record it. */
    private OpenElsewhere.Launch launch = OpenElsewhere.system();
    private Duration idleTimeout;
    private UiText text;
    private Scene scene;
    private AppFlow flow;

    public UiCompositionRoot(AppServices services, BackgroundExecutor executor) {
        this.services = services;
        this.vaults = services.vaultAccess();
        this.executor = executor;
        this.copies = new TemporaryCopies(services.directories().openCopies());
        this.files = new InAppFileChoices(() -> text, dialogs, executor, Path.of(System.getProperty("user.home")));
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

    /** Tanik's own file window starting in {@code home}, with this window's dialogs (tests check how it fits). */
    FileChoices inAppFiles(Path home) {
        return new InAppFileChoices(() -> text, dialogs, executor, home);
    }

    /** Replaces the system's "open this file" (tests cannot start another program). */
    UiCompositionRoot launch(OpenElsewhere.Launch other) {
        this.launch = other;
        return this;
    }

    /** The readable copies made for other programs. */
    TemporaryCopies copies() {
        return copies;
    }

    /** Replaces the intake the coordinator fetches from (tests have no intake server). */
    UiCompositionRoot intakeLinks(org.tanik.coordinator.IntakeLink.Opener links) {
        this.intakeLinks = links;
        return this;
    }

    /** Right to left in Arabic, for the window and every dialog opened from now on. */
    private void orient() {
        NodeOrientation orientation = TextDirection.of(text.locale());
        scene.setNodeOrientation(orientation);
        dialogs.orientation(orientation);
    }

    public void start(Stage stage) {
        Settings settings = services.settings().load();
        Stylesheets.applyTheme(settings.theme());
        text = new UiText(SettingsStore.locale(settings, Locale.getDefault()));
        scene = new Scene(new StackPane());
        Stylesheets.style(scene);
        orient();
        stage.setScene(scene);
        stage.setMinWidth(820);
        stage.setMinHeight(560);
        WindowSizing.place(stage, services.directories().windowFile());
        dialogs.ownedBy(stage);
        Duration timeout = idleTimeout != null ? idleTimeout : Duration.minutes(settings.idleMinutes());
        IdleMonitor idle = new IdleMonitor(timeout, () -> flow.lock());
        executor.run(copies::deleteAll, done -> { }, failure -> { });
        // On the scene and every dialog; it reaches the flow only once the flow exists (just below).
        PanicKey panicKey = new PanicKey(settings.panicShortcut(), () -> flow.panic());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, panicKey);
        dialogs.keys(panicKey);
        flow = new AppFlow(stage, new Screens(), executor, idle, dialogs, vaults, directory(), services.settings(),
                copies, panicKey, () -> {
                    copies.deleteAll();
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
    Optional<OpenVault> vault() {
        return flow.vault();
    }

    AppFlow flow() {
        return flow;
    }

    OpenDialogs dialogs() {
        return dialogs;
    }

    private Path directory() {
        return services.directories().vault();
    }

    private final class Screens implements AppFlow.Screens {

        @Override
        public Parent firstRun() {
            return locked(null).load("unlock/first-run.fxml").root();
        }

        @Override
        public Parent createVault(Role role) {
            return locked(role).load("unlock/create-vault.fxml").root();
        }

        @Override
        public Parent unlock() {
            return locked(null).load("unlock/unlock.fxml").root();
        }

        private Views locked(Role role) {
            ControllerFactory controllers = new ControllerFactory();
            Views views = new Views(text, controllers);
            UnlockScreens.register(controllers, context(views), vaults, directory(), flow::switchLanguage, role,
                    flow::chooseRole);
            return views;
        }

        @Override
        public Parent organisationSetUp(OpenVault vault, Consumer<String> ready, Runnable volunteerInstead) {
            ControllerFactory controllers = new ControllerFactory();
            Views views = new Views(text, controllers);
            // The same use case as "tanik org init": the desk's organisation, on the open vault.
            OrganisationDesk desk = new CoordinatorDesk(vault, services.vocabulary(), services.clock()).organisation();
            CoordinatorScreens.registerSetUp(controllers, desk, executor, text, ready, volunteerInstead);
            return views.load("coordinator/organisation-setup.fxml").root();
        }

        @Override
        public Views.View<? extends MainWindow> main(OpenVault vault, boolean coordinator) {
            ControllerFactory controllers = new ControllerFactory();
            Views views = new Views(text, controllers);
            ScreenContext screens = context(views);
            UnlockScreens.register(controllers, screens, vaults, directory(), flow::switchLanguage, null,
                    flow::chooseRole);
            SettingsScreens.register(controllers, screens, services.settings(), vault);
            if (coordinator) {
                // The one place outside a use case that reaches the store: the composition root wires it.
                org.tanik.coordinator.CoordinatorDesk desk = intakeLinks == null
                        ? new org.tanik.coordinator.CoordinatorDesk(vault, services.vocabulary(), services.clock())
                        : new org.tanik.coordinator.CoordinatorDesk(vault, services.vocabulary(), services.clock(),
                                intakeLinks);
                // The coordinator reaches the intake through the same proxy settings as a volunteer.
                CoordinatorContext ctx = new CoordinatorContext(desk, services.vocabulary(), services.clock(), executor,
                        text, screens.alerts(), dialogs, files,
                        () -> services.settings().load().proxy(),
                        () -> services.settings().load().proxyOnly());
                CoordinatorScreens.register(controllers, screens, ctx);
                return views.<CoordinatorController>load("coordinator/coordinator.fxml");
            }
            VolunteerScreens.register(controllers, screens, vault, services.settings(), services.couriers());
            return views.<MainController>load("volunteer/main.fxml");
        }

        private ScreenContext context(Views views) {
            Alerts alerts = new Alerts(text, dialogs);
            return new ScreenContext(executor, text, dialogs, alerts, files, views, flow,
                    services.vocabulary(), services.clock(), viewers(alerts));
        }

        private Viewers viewers(Alerts alerts) {
            return new Viewers(executor, text, dialogs, new OpenElsewhere(copies, launch, executor, text, alerts),
                    this::audioPane);
        }

        /** Recordings and other WAV files play inside the app, from the decrypted stream. */
        private ViewerPane audioPane(Attachment attachment, Content content) {
            AudioPlayerPane player = new AudioPlayerPane(content, attachment.markers(), text, executor);
            return new ViewerPane() {
                @Override
                public Node node() {
                    return player;
                }

                @Override
                public void close() {
                    player.close();
                }
            };
        }

        @Override
        public UiText text() {
            return text;
        }

        @Override
        public void useLocale(Locale locale) {
            text = new UiText(locale);
            orient();
        }
    }
}
