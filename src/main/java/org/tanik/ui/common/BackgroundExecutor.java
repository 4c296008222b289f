package org.tanik.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.tanik.work.Progress;

/**
 * The one way the UI runs blocking work (key derivation, database). Results and failures are
 * delivered on the FX thread, so callers never touch controls from a worker thread. Tests swap in
 * {@link DirectExecutor} to run everything in place.
 */
public interface BackgroundExecutor {

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * {@code progress} as the work may call it from its thread: each report reaches {@code progress} on
     * the FX thread, in order and before the work's result; asking whether to stop is answered at once.
     * The one hop of progress reports to the FX thread (the direct executor in tests needs none).
     */
    default <T> Progress<T> reporting(Progress<T> progress) {
        return progress;
    }

    /** Stops accepting work; queued work still finishes (a last save must not be cut off). */
    default void shutdown() {
    }
}
