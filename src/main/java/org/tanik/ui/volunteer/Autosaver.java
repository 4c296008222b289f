package org.tanik.ui.volunteer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.ui.common.BackgroundExecutor;

/**
 * Saves the open draft 1.5 s after the last edit, and at once when asked (switching, locking,
 * closing). Someone typing without a pause is saved at least every {@link #MAX_WAIT} all the same
 * (before, a long stretch of typing in an incident stayed unsaved for over a minute). Saves run in the background one at a time; edits made during a save are saved right
 * after it, so the latest content always wins and at most one save waits.
 * Lives on the FX thread.
 */
final class Autosaver {

    enum State { SAVED, PENDING, SAVING, FAILED }

    static final Duration DELAY = Duration.millis(1500);
    static final Duration MAX_WAIT = Duration.seconds(10);

    private final BackgroundExecutor executor;
    private final PauseTransition debounce = new PauseTransition(DELAY);
    /** Runs from the first edit not yet saved; the debounce alone could wait for ever. */
    private final PauseTransition deadline = new PauseTransition(MAX_WAIT);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.SAVED);
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();
    /** When the vault last stored this draft's content (the saved version's own time), or null. */
    private final ReadOnlyObjectWrapper<java.time.Instant> savedAt = new ReadOnlyObjectWrapper<>();
    private final List<Runnable> whenIdle = new ArrayList<>();
    private Supplier<TestimonyContent> source;
    private Function<TestimonyContent, Testimony> save;
    private Consumer<Testimony> onSaved;
    private boolean dirty;
    private boolean inFlight;

    Autosaver(BackgroundExecutor executor) {
        this.executor = executor;
        debounce.setOnFinished(e -> saveNow());
        deadline.setOnFinished(e -> saveNow());
    }

    /** Starts watching one draft. The previous one must have been flushed. */
    void track(Supplier<TestimonyContent> content, Function<TestimonyContent, Testimony> saver,
               Consumer<Testimony> saved) {
        this.source = content;
        this.save = saver;
        this.onSaved = saved;
        dirty = false;
        failure.set(null);
        savedAt.set(null);
        state.set(State.SAVED);
    }

    /** Stops watching (read-only view, or nothing open). */
    void untrack() {
        debounce.stop();
        deadline.stop();
        savedAt.set(null);
        source = null;
        save = null;
        dirty = false;
        state.set(State.SAVED);
    }

    ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<java.time.Instant> savedAtProperty() {
        return savedAt.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    void edited() {
        if (source == null) {
            return;
        }
        dirty = true;
        // At once, also while a save runs: what was just typed is not in that save.
        state.set(State.PENDING);
        debounce.playFromStart();
        if (deadline.getStatus() != javafx.animation.Animation.Status.RUNNING) {
            deadline.playFromStart();
        }
    }

    void saveNow() {
        debounce.stop();
        deadline.stop();
        if (dirty && !inFlight && source != null) {
            submit();
        }
    }

    /** Saves anything pending, then runs {@code then} (also after a failed save: locking must go on). */
    void flush(Runnable then) {
        debounce.stop();
        deadline.stop();
        if (!inFlight && (!dirty || source == null)) {
            then.run();
            return;
        }
        whenIdle.add(then);
        if (!inFlight) {
            submit();
        }
    }

    private void submit() {
        TestimonyContent content = source.get();
        Function<TestimonyContent, Testimony> saver = save;
        Consumer<Testimony> saved = onSaved;
        dirty = false;
        inFlight = true;
        state.set(State.SAVING);
        executor.run(() -> saver.apply(content), t -> {
            inFlight = false;
            failure.set(null);
            savedAt.set(t.updatedAt());
            saved.accept(t);
            afterSave();
        }, error -> {
            inFlight = false;
            dirty = true;
            failure.set(error);
            state.set(State.FAILED);
            runWaiting();
        });
    }

    private void afterSave() {
        if (dirty && source != null) {
            if (!whenIdle.isEmpty() || !debounce.getStatus().equals(javafx.animation.Animation.Status.RUNNING)) {
                submit();
            } else {
                state.set(State.PENDING);
            }
            return;
        }
        state.set(State.SAVED);
        runWaiting();
    }

    private void runWaiting() {
        List<Runnable> waiting = List.copyOf(whenIdle);
        whenIdle.clear();
        waiting.forEach(Runnable::run);
    }
}
