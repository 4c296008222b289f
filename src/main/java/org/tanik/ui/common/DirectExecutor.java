package org.tanik.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work immediately on the calling thread: for tests that want no asynchrony at all. */
public final class DirectExecutor implements BackgroundExecutor {

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Throwable t) {
            onFailure.accept(t);
            return;
        }
        onSuccess.accept(result);
    }
}
