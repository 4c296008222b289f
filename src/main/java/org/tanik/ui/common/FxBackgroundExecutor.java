package org.tanik.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.tanik.work.Progress;

/**
 * Runs work on a single background thread and hands results back to the FX thread.
 * One thread on purpose: the vault has one database connection, and a single queue keeps
 * "save, then seal, then lock" in the order the user asked for.
 */
public final class FxBackgroundExecutor implements BackgroundExecutor {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tanik-worker");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        worker.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Throwable t) {
                Platform.runLater(() -> onFailure.accept(t));
            }
        });
    }

    /**
     * On a thread of its own that is not a daemon: after the panic exit closes the window, the program
     * ends only once this work (locking, wiping the keys) has finished.
     */
    @Override
    public <T> void runAtOnce(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Thread t = new Thread(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Throwable failure) {
                Platform.runLater(() -> onFailure.accept(failure));
            }
        }, "tanik-at-once");
        t.setDaemon(false);
        t.start();
    }

    @Override
    public <T> Progress<T> onFxThread(Progress.Steps<T> steps, BooleanSupplier cancelled) {
        return Progress.of((done, total, step) -> Platform.runLater(() -> steps.advanced(done, total, step)), cancelled);
    }

    @Override
    public void shutdown() {
        worker.shutdown();
    }
}
