package org.tanik.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way the UI runs blocking work (key derivation, database). Results and failures are
 * delivered on the FX thread, so callers never touch controls from a worker thread. Tests swap in
 * {@link DirectExecutor} to run everything in place.
 */
public interface BackgroundExecutor {

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Stops accepting work; queued work still finishes (a last save must not be cut off). */
    default void shutdown() {
    }
}
