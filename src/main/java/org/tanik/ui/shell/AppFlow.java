package org.tanik.ui.shell;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.tanik.config.Settings;
import org.tanik.config.SettingsStore;
import org.tanik.files.TemporaryCopies;
import org.tanik.model.DisplayText;
import org.tanik.session.OpenVault;
import org.tanik.session.VaultAccess;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.IdleMonitor;
import org.tanik.ui.common.MainWindow;
import org.tanik.ui.common.Navigation;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.PanicKey;
import org.tanik.ui.common.Stylesheets;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.Views;
import org.tanik.ui.unlock.Role;

/**
 * Which screen is on display, and the open vault behind it: create or unlock while locked,
 * the main window while unlocked. Locking always goes save, clear, close, then the unlock screen.
 */
final class AppFlow implements Navigation {

    /** Builds screens in the current language; implemented by the composition root. */
    interface Screens {
        /** First run: is this laptop a volunteer's or the organisation's coordinator's? */
        Parent firstRun();

        Parent createVault(Role role);

        Parent unlock();

        /** The volunteer's testimonies, or the coordinator's archive for an organisation vault. */
        Views.View<? extends MainWindow> main(OpenVault vault, boolean coordinator);

        /**
         * The coordinator's set-up in a vault created for it: the organisation's name, its keys, its
         * fingerprint to write down; then {@code ready} with the organisation's name. {@code volunteerInstead}
         * when the user says this laptop is a volunteer's after all.
         */
        Parent organisationSetUp(OpenVault vault, Consumer<String> ready, Runnable volunteerInstead);

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
    /** The readable copies "Open with another program" made: deleted at every lock. */
    private final TemporaryCopies copies;
    /** The panic exit's key, which follows the settings. */
    private final PanicKey panicKey;
    private OpenVault vault;
    private MainWindow main;
    private boolean coordinator;
    /** The organisation's name while its vault is open (the window title says it). */
    private String organisation;
    /** On first run, what this laptop was chosen to be; null until chosen (the choice screen shows). */
    private Role firstRunRole;
    private boolean locking;
    /** Set by the panic exit: nothing else may show a screen or start a lock after it. */
    private boolean panicking;
    /** The settings' "the panic exit also erases the vault", kept here so that the panic reads no file. */
    private boolean panicErases;

    AppFlow(Stage stage, Screens screens, BackgroundExecutor executor, IdleMonitor idle, OpenDialogs dialogs,
            VaultAccess vaults, Path directory, SettingsStore settings, TemporaryCopies copies, PanicKey panicKey,
            Runnable quit) {
        this.panicKey = panicKey;
        this.stage = stage;
        this.screens = screens;
        this.executor = executor;
        this.idle = idle;
        this.dialogs = dialogs;
        this.vaults = vaults;
        this.directory = directory;
        this.settings = settings;
        this.copies = copies;
        this.quit = quit;
    }

    void start() {
        panicErases = settings.load().panicErases();
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

    /** What the vault says it is, read after unlock: the organisation's name, or a coordinator's set-up to finish. */
    private record Whose(String organisation, boolean setUpPending) {
    }

    @Override
    public void unlocked(OpenVault opened) {
        if (panicking) {
            // An unlock that finished after the quick exit: the vault closes again at once, unseen.
            executor.runAtOnce(() -> {
                opened.close();
                return Boolean.TRUE;
            }, done -> { }, failure -> { });
            return;
        }
        vault = opened;
        firstRunRole = null;
        idle.arm();
        // An organisation vault opens in coordinator mode; a vault created for the coordinator but not set up
        // yet offers to finish that. Reading either is a database call: off the FX thread.
        executor.run(() -> new Whose(opened.organisationName().orElse(null), opened.organisationSetUpPending()),
                whose -> {
                    if (vault == opened && !locking) {
                        if (whose.setUpPending()) {
                            showOrganisationSetUp(opened);
                        } else {
                            coordinator = whose.organisation() != null;
                            organisation = whose.organisation();
                            showMain();
                        }
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

    /** First run: the user chose what this laptop is (null: back to the choice). */
    void chooseRole(Role role) {
        firstRunRole = role;
        showLocked();
    }

    private void showOrganisationSetUp(OpenVault opened) {
        main = null;
        stage.setTitle(screens.text().get("title.setUp"));
        stage.getScene().setRoot(screens.organisationSetUp(opened, name -> {
            if (vault == opened && !locking) {
                coordinator = true;
                organisation = name;
                showMain();
            }
        }, () -> executor.run(() -> {
            opened.cancelOrganisationSetUp();
            return Boolean.TRUE;
        }, done -> {
            if (vault == opened && !locking) {
                coordinator = false;
                organisation = null;
                showMain();
            }
        }, failure -> new Alerts(screens.text(), dialogs).error(stage, failure))));
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
        lock(this::showLocked, false);
    }

    @Override
    public void exit() {
        lock(quit, false);
    }

    @Override
    public void panic() {
        if (panicking) {
            return;
        }
        panicking = true;
        idle.disarm();
        // The screen first: an empty scene, no dialog, no window. Nothing below waits for the disk.
        stage.getScene().setRoot(new StackPane());
        dialogs.closeAll();
        stage.hide();
        MainWindow shown = main;
        main = null;
        OpenVault open = vault;
        vault = null;
        organisation = null;
        locking = true;
        if (shown != null) {
            // What the autosave saved stays; what is pending is dropped (a save would delay the lock).
            shown.clear();
        }
        boolean erase = panicErases;
        // Beside the queue, not behind an import or an attachment being added: the keys go now.
        executor.runAtOnce(() -> {
            try {
                if (open != null) {
                    if (erase) {
                        open.eraseAndClose();
                    } else {
                        open.closeAtOnce();
                    }
                }
            } finally {
                copies.deleteAll();
            }
            return Boolean.TRUE;
        }, done -> finishLock(quit), failure -> {
            // The vault still closes if erasing failed: the keys must not stay in memory.
            if (open != null) {
                executor.runAtOnce(() -> {
                    open.close();
                    return Boolean.TRUE;
                }, done -> finishLock(quit), again -> finishLock(quit));
            } else {
                finishLock(quit);
            }
        });
    }

    @Override
    public String panicKeyText() {
        return panicKey.combination().getDisplayText();
    }

    @Override
    public void erase() {
        lock(() -> {
            if (!panicking) {
                showLocked();
            }
        }, true);
    }

    @Override
    public void settingsChanged(Settings chosen) {
        panicErases = chosen.panicErases();
        panicKey.use(chosen.panicShortcut());
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

    /** @param erase erase the vault rather than only close it (the user confirmed it in the settings) */
    private void lock(Runnable then, boolean erase) {
        if (locking || panicking) {
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
            if (panicking) {
                // The panic exit took over while the editor was saving: it closes the vault.
                return;
            }
            if (closing != null) {
                closing.clear();
            }
            main = null;
            OpenVault s = vault;
            vault = null;
            organisation = null;
            // Nothing of the vault stays on screen while the database closes.
            stage.getScene().setRoot(new StackPane());
            // On the worker, after any copy still being written for another program.
            executor.run(() -> {
                try {
                    if (erase) {
                        s.eraseAndClose();
                    } else {
                        s.close();
                    }
                } finally {
                    copies.deleteAll();
                }
                return Boolean.TRUE;
            }, done -> finishLock(then), failure -> {
                if (!erase) {
                    finishLock(then);
                    return;
                }
                // Erasing failed part way: make sure the vault is at least locked, then say so.
                Runnable told = () -> {
                    finishLock(then);
                    new Alerts(screens.text(), dialogs).error(stage, failure);
                };
                executor.run(() -> {
                    s.close();
                    return Boolean.TRUE;
                }, done -> told.run(), again -> told.run());
            });
        };
        if (closing == null) {
            flushed.run();
        } else {
            closing.flush(flushed);
        }
    }

    private void finishLock(Runnable then) {
        locking = false;
        if (!panicking || then == quit) {
            then.run();
        }
    }

    /**
     * The locked screens' title says only that Tanik is locked, or new: what a vault is (a volunteer's or
     * the organisation's) is known only inside it (see security.md, "The window title").
     */
    private void showLocked() {
        UiText text = screens.text();
        if (vaults.exists(directory)) {
            stage.setTitle(text.get("title.locked"));
            stage.getScene().setRoot(screens.unlock());
        } else {
            stage.setTitle(text.get("title.new"));
            stage.getScene().setRoot(firstRunRole == null ? screens.firstRun() : screens.createVault(firstRunRole));
        }
    }

    private void showMain() {
        Views.View<? extends MainWindow> view = screens.main(vault, coordinator);
        main = view.controller();
        stage.setTitle(title(screens.text(), coordinator ? organisation : null));
        stage.getScene().setRoot(view.root());
    }

    /** "Tanik — volunteer", or "Tanik — <organisation> (coordinator)" while the organisation's vault is open. */
    static String title(UiText text, String organisation) {
        return organisation == null ? text.get("title.volunteer")
                : text.format("title.coordinator", DisplayText.oneLine(organisation));
    }
}
