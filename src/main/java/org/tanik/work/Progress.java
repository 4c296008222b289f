package org.tanik.work;

import java.util.function.BooleanSupplier;

/**
 * How a long piece of work (an import, an archive check, an export) tells its caller how far it has
 * got, and learns that the person asked to stop. The one such contract in the core: a face passes
 * one in; the desktop's executor alone moves the reports onto the FX thread.
 *
 * @param <T> what each finished step yields (an import's result for one bundle, for instance)
 */
public interface Progress<T> {

    /** One more step is finished: {@code done} of {@code total}, with what it yielded. */
    void advanced(int done, int total, T step);

    /**
     * Whether the person has asked to stop. Work checks it between steps and stops cleanly there:
     * what was finished stays finished, nothing is left half done.
     */
    default boolean cancelled() {
        return false;
    }

    /** Reports nothing and never cancels. */
    static <T> Progress<T> none() {
        return (done, total, step) -> { };
    }

    /** Reports to {@code steps} and cancels when {@code cancelled} says so. */
    static <T> Progress<T> of(Steps<T> steps, BooleanSupplier cancelled) {
        return new Progress<>() {
            @Override
            public void advanced(int done, int total, T step) {
                steps.advanced(done, total, step);
            }

            @Override
            public boolean cancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }

    /** The reporting half alone, for a lambda. */
    @FunctionalInterface
    interface Steps<T> {
        void advanced(int done, int total, T step);
    }
}
