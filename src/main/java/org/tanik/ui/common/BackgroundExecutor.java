package org.tanik.ui.common;

import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.tanik.work.Progress;

/**
 * The one way the UI runs blocking work (key derivation, database), and the only place that moves
 * what the work says onto the FX thread: results, failures and progress reports are delivered
 * there, so callers never touch controls from a worker thread. Tests swap in {@link DirectExecutor}
 * to run everything in place.
 */
public interface BackgroundExecutor {

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * A {@link Progress} for work run through {@link #run}: the work reports from its thread and
     * {@code steps} hears each report on the FX thread; {@code cancelled} is asked from the work's
     * thread, so it must be safe to read there (a volatile flag, an atomic).
     */
    default <T> Progress<T> onFxThread(Progress.Steps<T> steps, BooleanSupplier cancelled) {
        return Progress.of(steps, cancelled);
    }

    /**
     * Runs {@code work} at once, beside the queue rather than behind it: for the panic exit, whose lock
     * must not wait for an import or an attachment still queued. The work must be safe to run alongside
     * queued work (closing the vault is: the store waits for the statement in progress, and what is
     * queued after it fails on a closed vault). By default, the queue.
     */
    default <T> void runAtOnce(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        run(work, onSuccess, onFailure);
    }

    /** Stops accepting work; queued work still finishes (a last save must not be cut off). */
    default void shutdown() {
    }
}
