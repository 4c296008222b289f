package org.tanik.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.tanik.config.Settings;
import org.tanik.config.SettingsStore;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.IdleMonitor;
import org.tanik.ui.common.Navigation;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.Views;
import org.tanik.ui.testimony.MainController;
import org.tanik.vault.Vaults;
import org.tanik.vault.VaultSession;

/**
 * Which screen is on display, and the vault session behind it: create or unlock while locked,
 * the main window while unlocked. Locking always goes save, clear, close, then the unlock screen.
 */
final class AppFlow implements Navigation {

    /** Builds screens in the current language; implemented by the composition root. */
    interface Screens {
        Parent createVault();

        Parent unlock();

        Views.View<MainController> main(VaultSession session);

        UiText text();

        void useLocale(Locale locale);
    }

    private final Stage stage;
    private final Screens screens;
    private final BackgroundExecutor executor;
    private final IdleMonitor idle;
    private final OpenDialogs dialogs;
    private final Path vault;
    private final SettingsStore settings;
    private final Runnable quit;
    private VaultSession session;
    private MainController main;
    private boolean locking;

    AppFlow(Stage stage, Screens screens, BackgroundExecutor executor, IdleMonitor idle, OpenDialogs dialogs,
            Path vault, SettingsStore settings, Runnable quit) {
        this.stage = stage;
        this.screens = screens;
        this.executor = executor;
        this.idle = idle;
        this.dialogs = dialogs;
        this.vault = vault;
        this.settings = settings;
        this.quit = quit;
    }

    void start() {
        stage.setOnCloseRequest(e -> {
            if (session != null || locking) {
                // Save and lock first; the window closes when the vault is closed.
                e.consume();
                exit();
            } else {
                executor.shutdown();
            }
        });
        showLocked();
    }

    Optional<VaultSession> session() {
        return Optional.ofNullable(session);
    }

    @Override
    public void unlocked(VaultSession opened) {
        session = opened;
        showMain();
        idle.arm();
    }

    @Override
    public void lock() {
        lock(this::showLocked);
    }

    @Override
    public void exit() {
        lock(quit);
    }

    @Override
    public void settingsChanged(Settings chosen) {
        idle.setTimeout(Duration.minutes(chosen.idleMinutes()));
        Locale locale = SettingsStore.locale(chosen, Locale.getDefault());
        if (locale.equals(screens.text().locale())) {
            return;
        }
        screens.useLocale(locale);
        if (session == null) {
            showLocked();
            return;
        }
        MainController old = main;
        old.flush(() -> {
            old.clear();
            showMain();
        });
    }

    /** The language links on the locked screens: remembered, and applied at once. */
    void switchLanguage(String language) {
        Settings chosen = settings.load().withLanguage(language);
        executor.run(() -> {
            settings.save(chosen);
            return chosen;
        }, this::settingsChanged, failure -> settingsChanged(chosen));
    }

    private void lock(Runnable then) {
        if (locking) {
            return;
        }
        if (session == null) {
            then.run();
            return;
        }
        locking = true;
        idle.disarm();
        dialogs.closeAll();
        MainController closing = main;
        closing.flush(() -> {
            closing.clear();
            main = null;
            VaultSession s = session;
            session = null;
            // Nothing of the vault stays on screen while the database closes.
            stage.getScene().setRoot(new StackPane());
            executor.run(() -> {
                s.close();
                return Boolean.TRUE;
            }, done -> finishLock(then), failure -> finishLock(then));
        });
    }

    private void finishLock(Runnable then) {
        locking = false;
        then.run();
    }

    private void showLocked() {
        stage.setTitle(screens.text().get("app.title"));
        stage.getScene().setRoot(Vaults.exists(vault) ? screens.unlock() : screens.createVault());
    }

    private void showMain() {
        Views.View<MainController> view = screens.main(session);
        main = view.controller();
        stage.setTitle(screens.text().get("app.title"));
        stage.getScene().setRoot(view.root());
    }
}
