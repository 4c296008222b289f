package org.tanik.ui.shell;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.tanik.config.Settings;
import org.tanik.config.SettingsStore;
import org.tanik.session.OpenVault;
import org.tanik.session.VaultAccess;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.IdleMonitor;
import org.tanik.ui.common.MainWindow;
import org.tanik.ui.common.Navigation;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.Stylesheets;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.Views;

/**
 * Which screen is on display, and the open vault behind it: create or unlock while locked,
 * the main window while unlocked. Locking always goes save, clear, close, then the unlock screen.
 */
final class AppFlow implements Navigation {

    /** Builds screens in the current language; implemented by the composition root. */
    interface Screens {
        Parent createVault();

        Parent unlock();

        /** The volunteer's testimonies, or the coordinator's archive for an organisation vault. */
        Views.View<? extends MainWindow> main(OpenVault vault, boolean coordinator);

        UiText text();

        void useLocale(Locale locale);
    }

    private final Stage stage;
    private final Screens screens;
    private final BackgroundExecutor executor;
    private final IdleMonitor idle;
    private final OpenDialogs dialogs;
    private final VaultAccess vaults;
    private final Path directory;
    private final SettingsStore settings;
    private final Runnable quit;
    private OpenVault vault;
    private MainWindow main;
    private boolean coordinator;
    private boolean locking;

    AppFlow(Stage stage, Screens screens, BackgroundExecutor executor, IdleMonitor idle, OpenDialogs dialogs,
            VaultAccess vaults, Path directory, SettingsStore settings, Runnable quit) {
        this.stage = stage;
        this.screens = screens;
        this.executor = executor;
        this.idle = idle;
        this.dialogs = dialogs;
        this.vaults = vaults;
        this.directory = directory;
        this.settings = settings;
        this.quit = quit;
    }

    void start() {
        stage.setOnCloseRequest(e -> {
            if (vault != null || locking) {
                // Save and lock first; the window closes when the vault is closed.
                e.consume();
                exit();
            } else {
                executor.shutdown();
            }
        });
        showLocked();
    }

    Optional<OpenVault> vault() {
        return Optional.ofNullable(vault);
    }

    @Override
    public void unlocked(OpenVault opened) {
        vault = opened;
        idle.arm();
        // An organisation vault opens in coordinator mode. Reading that is a database call: off the FX thread.
        executor.run(opened::isOrganisation, isOrganisation -> {
            if (vault == opened && !locking) {
                coordinator = isOrganisation;
                showMain();
                warnIfEarlierState(opened);
            }
        }, failure -> {
            if (vault == opened && !locking) {
                coordinator = false;
                showMain();
                warnIfEarlierState(opened);
            }
        });
    }

    /** After H2 fell back to an earlier state (work may be missing), the user must know before working on. */
    private void warnIfEarlierState(OpenVault opened) {
        if (opened.openedEarlierState()) {
            UiText text = screens.text();
            new Alerts(text, dialogs).warning(stage, text.get("vault.earlierState.title"),
                    text.get(coordinator ? "vault.earlierState.coordinator" : "vault.earlierState.volunteer"));
        }
    }

    /** True while an organisation vault is open (the coordinator window is on display). */
    boolean coordinatorMode() {
        return vault != null && coordinator;
    }

    /** True once a lock has finished: the vault's database is closed, not only off the screen. */
    boolean closed() {
        return vault == null && !locking;
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
        // At once, on every open window (the locked screens too), before a language change rebuilds anything.
        Stylesheets.applyTheme(chosen.theme());
        Locale locale = SettingsStore.locale(chosen, Locale.getDefault());
        if (locale.equals(screens.text().locale())) {
            return;
        }
        screens.useLocale(locale);
        if (vault == null) {
            showLocked();
            return;
        }
        MainWindow old = main;
        if (old == null) {
            return;
        }
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
        if (vault == null) {
            then.run();
            return;
        }
        locking = true;
        idle.disarm();
        dialogs.closeAll();
        MainWindow closing = main;
        Runnable flushed = () -> {
            if (closing != null) {
                closing.clear();
            }
            main = null;
            OpenVault s = vault;
            vault = null;
            // Nothing of the vault stays on screen while the database closes.
            stage.getScene().setRoot(new StackPane());
            executor.run(() -> {
                s.close();
                return Boolean.TRUE;
            }, done -> finishLock(then), failure -> finishLock(then));
        };
        if (closing == null) {
            flushed.run();
        } else {
            closing.flush(flushed);
        }
    }

    private void finishLock(Runnable then) {
        locking = false;
        then.run();
    }

    private void showLocked() {
        stage.setTitle(screens.text().get("app.title"));
        stage.getScene().setRoot(vaults.exists(directory) ? screens.unlock() : screens.createVault());
    }

    private void showMain() {
        Views.View<? extends MainWindow> view = screens.main(vault, coordinator);
        main = view.controller();
        stage.setTitle(screens.text().get("app.title"));
        stage.getScene().setRoot(view.root());
    }
}
