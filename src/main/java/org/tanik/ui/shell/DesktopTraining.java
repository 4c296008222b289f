package org.tanik.ui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.tanik.AppServices;
import org.tanik.session.OpenVault;
import org.tanik.ui.common.FxBackgroundExecutor;

/**
 * The desktop's part of the ahead-of-time cache's training run ({@code org.tanik.AotTraining}): the
 * real desktop, started as the launcher starts it, shows the screens users reach first, so that
 * JavaFX's classes, the theme, the FXML loader and these screens' controllers are in the cache and
 * the installed app opens its first window warm (issue 19). Without it the cache held only what the
 * command line loads, and the desktop loaded some two thousand JavaFX classes at every start.
 *
 * <p>No user is needed: the vaults are the training's own (a throwaway home and passphrase, made by
 * its command-line part), and they are unlocked through the core as the unlock screen would, then
 * handed to the flow. The screens: the first run (no vault yet), the unlock screen, the volunteer's
 * main window, and the coordinator's. Each step waits until its screen has been shown and rendered.
 */
public final class DesktopTraining {

    /** How long one step may take before the training gives up (a build machine under load is slow). */
    private static final long STEP_SECONDS = 120;

    private DesktopTraining() {
    }

    /**
     * Shows the screens, then closes every window it opened (the toolkit keeps running: the training
     * process exits right after). {@code services} must have a home of its own with no vault in it;
     * the two vaults open with {@code passphrase} ({@code organisation} set up as "tanik org init" does).
     *
     * @return the screens shown, in order (the training prints them; a test checks them)
     */
    public static List<String> run(AppServices services, Path volunteer, Path organisation, char[] passphrase)
            throws Exception {
        startToolkit();
        List<String> shown = new ArrayList<>();

        // A fresh install: the first window a new user sees.
        Session first = Session.start(services);
        first.awaitRendered();
        shown.add("first run");
        onFx(() -> {
            first.stage.close();
            first.executor.shutdown();
            return null;
        });

        // An existing vault: the unlock screen, then the volunteer's and the coordinator's windows.
        services.vaultAccess().create(services.directories().vault(), passphrase).close();
        Session session = Session.start(services);
        session.awaitRendered();
        shown.add("unlock");
        session.unlock(services.vaultAccess().unlock(volunteer, passphrase));
        shown.add("volunteer");
        onFx(() -> {
            session.root.flow().lock();
            return null;
        });
        session.await(() -> session.root.flow().closed(), "the lock");
        session.unlock(services.vaultAccess().unlock(organisation, passphrase));
        shown.add(onFx(() -> session.root.flow().coordinatorMode()) ? "coordinator" : "volunteer again");
        // Quit as closing the window does: save, lock, close the database and the window.
        onFx(() -> {
            session.root.flow().exit();
            return null;
        });
        session.await(() -> session.root.flow().closed() && !session.stage.isShowing(), "the exit");
        return shown;
    }

    /** One desktop window with its composition root, as {@code Launcher} makes it. */
    private record Session(UiCompositionRoot root, Stage stage, FxBackgroundExecutor executor) {

        static Session start(AppServices services) throws Exception {
            return onFx(() -> {
                FxBackgroundExecutor executor = new FxBackgroundExecutor();
                UiCompositionRoot root = new UiCompositionRoot(services, executor);
                Stage stage = new Stage();
                root.start(stage);
                return new Session(root, stage, executor);
            });
        }

        /** Hands an unlocked vault to the flow, as the unlock screen does, and waits for the main window. */
        void unlock(OpenVault vault) throws Exception {
            Parent locked = onFx(() -> stage.getScene().getRoot());
            onFx(() -> {
                root.flow().unlocked(vault);
                return null;
            });
            await(() -> root.flow().vault().isPresent() && stage.getScene().getRoot() != locked, "the main window");
            awaitRendered();
        }

        void awaitRendered() throws Exception {
            await(stage::isShowing, "the window");
            // A few frames: CSS, layout and the first rendering run on the FX and render threads.
            for (int i = 0; i < 5; i++) {
                Thread.sleep(100);
                onFx(() -> null);
            }
        }

        void await(BooleanSupplier done, String what) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
            while (!onFx(done::getAsBoolean)) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the desktop training waited too long for " + what);
                }
                Thread.sleep(50);
            }
        }
    }

    private static void startToolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // Tests start the toolkit themselves.
        }
        Platform.setImplicitExit(false);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(STEP_SECONDS, TimeUnit.SECONDS);
    }
}
