package org.tanik.ui.shell;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.tanik.AppServices;
import org.tanik.ui.common.FxBackgroundExecutor;

/**
 * Starts the desktop application. Kept free of JavaFX types in its signature so {@code Main} stays
 * plain Java. It starts the FX toolkit directly instead of through an {@code Application} subclass:
 * the services are then passed by constructor, with no static hand-off field, and the jar's main
 * class stays {@code org.tanik.Main}.
 */
public final class Launcher {

    private Launcher() {
    }

    /**
     * Builds the services on a thread of their own while the FX toolkit starts on this one: both take
     * about a tenth of a second and neither needs the other, so the first window comes that much
     * sooner (issue 19). The FX thread waits for the services before it builds any screen.
     */
    public static void launch(Supplier<AppServices> services) {
        // supplyAsync completes the future with whatever the supplier throws, so the FX thread never waits forever.
        CompletableFuture<AppServices> ready = CompletableFuture.supplyAsync(services,
                task -> new Thread(task, "tanik-services").start());
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        Platform.setImplicitExit(true);
        // Returns once the toolkit runs; the FX thread keeps the JVM alive until the window is closed.
        Platform.startup(() -> {
            AppServices built;
            try {
                built = ready.join();
            } catch (CompletionException e) {
                // As when the services were built on the main thread: the failure is printed and the
                // process ends, instead of leaving a toolkit with no window running.
                Platform.exit();
                Thread.currentThread().getUncaughtExceptionHandler()
                        .uncaughtException(Thread.currentThread(), e.getCause());
                System.exit(1);
                return;
            }
            WindowClass.apply();
            UiCompositionRoot root = new UiCompositionRoot(built, executor);
            root.start(new Stage());
            root.reportUnexpectedFailures();
        });
    }
}
