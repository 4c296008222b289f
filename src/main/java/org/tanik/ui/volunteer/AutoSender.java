package org.tanik.ui.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.volunteer.Sending;
import org.tanik.work.Progress;

/**
 * Automatic sending, when the volunteer turned it on: once a minute, while the vault is unlocked,
 * it sends what is due, only ever through the configured proxy ({@link Sending#automatic()}). Each
 * bundle's next attempt after a failure waits longer (one minute doubling to an hour, kept in the
 * outbox). Locking stops it; a send under way stops at its next chunk, keeping what was sent.
 */
final class AutoSender {

    private final Supplier<Optional<Sending>> enabled;
    private final BackgroundExecutor executor;
    private final Clock clock;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Timeline ticks;
    private boolean running;

    /** @param enabled the sending to use, or empty while automatic sending is off in the settings */
    AutoSender(Supplier<Optional<Sending>> enabled, BackgroundExecutor executor, Clock clock) {
        this.enabled = enabled;
        this.executor = executor;
        this.clock = clock;
        this.ticks = new Timeline(new KeyFrame(Duration.minutes(1), e -> tick()));
        ticks.setCycleCount(Animation.INDEFINITE);
    }

    void start() {
        ticks.play();
        tick();
    }

    void stop() {
        stopped.set(true);
        ticks.stop();
    }

    private void tick() {
        if (running || stopped.get()) {
            return;
        }
        running = true;
        executor.run(this::sendIfDue, sent -> running = false, failure -> {
            // The outbox shows each bundle's failure; a refused route (no proxy) simply waits for the next tick.
            running = false;
        });
    }

    private Boolean sendIfDue() {
        Optional<Sending> sending = enabled.get();
        if (sending.isEmpty() || stopped.get()) {
            return false;
        }
        Optional<Instant> due = sending.get().due();
        if (due.isEmpty() || due.get().isAfter(clock.instant())) {
            return false;
        }
        sending.get().automatic().send(Progress.of((done, total, step) -> { }, stopped::get));
        return true;
    }
}
