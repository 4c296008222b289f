package org.tanik.ui.shell;

import java.util.Optional;
import javafx.util.Duration;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.ui.common.FileChoices;

/**
 * The test fixture into the desktop shell: the composition root's test hooks, and the store behind
 * the open vault for tests that check what reached it. The shell keeps these package-private.
 */
public final class ShellProbe {

    private ShellProbe() {
    }

    /** Overrides the idle-lock time from the settings. */
    public static UiCompositionRoot idleTimeout(UiCompositionRoot root, Duration timeout) {
        return root.idleTimeout(timeout);
    }

    /** Replaces the native file choosers, which cannot be driven headless. */
    public static UiCompositionRoot fileChoices(UiCompositionRoot root, FileChoices choices) {
        return root.fileChoices(choices);
    }

    public static UiCompositionRoot intakeLinks(UiCompositionRoot root, org.tanik.coordinator.IntakeLink.Opener links) {
        return root.intakeLinks(links);
    }

    /** Tanik's own file window, as the desktop makes it, starting in {@code home}. */
    public static FileChoices inAppFiles(UiCompositionRoot root, java.nio.file.Path home) {
        return root.inAppFiles(home);
    }

    /** Replaces the system's "open this file" (no other program starts in a test). */
    public static UiCompositionRoot launch(UiCompositionRoot root, org.tanik.ui.common.viewers.OpenElsewhere.Launch launch) {
        return root.launch(launch);
    }

    /** The readable copies "Open with another program" made. */
    public static org.tanik.files.TemporaryCopies copies(UiCompositionRoot root) {
        return root.copies();
    }

    /** The open vault, empty while locked. */
    public static Optional<OpenVault> vault(UiCompositionRoot root) {
        return root.vault();
    }

    /**
     * True once the vault is locked and its database closed. The vault leaves the screen first and
     * closes off the FX thread; another process may open it only after this.
     */
    public static boolean closed(UiCompositionRoot root) {
        return root.flow().closed();
    }

    /** The store behind the open vault (fails while locked). */
    public static VaultSession store(UiCompositionRoot root) {
        return root.vault().orElseThrow().store();
    }

    /** Quits as closing the window does (save, lock, close). On the FX thread. */
    public static void exit(UiCompositionRoot root) {
        root.flow().exit();
    }

    /** The quick exit, as its key does. On the FX thread. */
    public static void panic(UiCompositionRoot root) {
        root.flow().panic();
    }

    /** What the unlock screen reports when an unlock finishes. On the FX thread. */
    public static void unlocked(UiCompositionRoot root, OpenVault vault) {
        root.flow().unlocked(vault);
    }

    /** Locks as the menu does. On the FX thread. */
    public static void lock(UiCompositionRoot root) {
        root.flow().lock();
    }

    /** True while the coordinator's window is on display. */
    public static boolean coordinatorMode(UiCompositionRoot root) {
        return root.flow().coordinatorMode();
    }

    /** Applies settings as the settings dialog does (e.g. another language). On the FX thread. */
    public static void settingsChanged(UiCompositionRoot root, org.tanik.config.Settings chosen) {
        root.flow().settingsChanged(chosen);
    }

    /** Closes every open dialog, as locking does. On the FX thread. */
    public static void closeDialogs(UiCompositionRoot root) {
        root.dialogs().closeAll();
    }
}
