package org.tanik.ui.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.ui.common.BackgroundExecutor;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Saves are one at a time, the latest content wins, and flushing waits for the save. */
@ExtendWith(ApplicationExtension.class)
class AutosaverTest {

    /** Holds submitted work until the test releases it, to see what is in flight. */
    static final class ManualExecutor implements BackgroundExecutor {
        final Queue<Runnable> pending = new ArrayDeque<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            pending.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
        }

        void releaseOne() {
            pending.remove().run();
        }
    }

    @Test
    void latestContentWinsAndSavesAreSerialised() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            ManualExecutor executor = new ManualExecutor();
            Autosaver saver = new Autosaver(executor);
            AtomicReference<String> typed = new AtomicReference<>("a");
            List<String> saved = new ArrayList<>();
            saver.track(() -> TestimonyContent.empty().withTitle(typed.get()), c -> {
                saved.add(c.title());
                return new Testimony("id", 1, Status.DRAFT, null, null, null, c);
            }, t -> { });

            saver.edited();
            saver.saveNow();
            assertThat(saver.stateProperty().get()).isEqualTo(Autosaver.State.SAVING);
            assertThat(executor.pending).hasSize(1);

            typed.set("ab");
            saver.edited();
            typed.set("abc");
            saver.edited();
            saver.saveNow();
            assertThat(executor.pending).as("no second save while one runs").hasSize(1);

            List<String> order = new ArrayList<>();
            saver.flush(() -> order.add("flushed"));
            executor.releaseOne();
            assertThat(order).as("flush waits for the follow-up save").isEmpty();
            executor.releaseOne();
            assertThat(saved).containsExactly("a", "abc");
            assertThat(order).containsExactly("flushed");
            assertThat(saver.stateProperty().get()).isEqualTo(Autosaver.State.SAVED);
        }).get();
    }

    @Test
    void failureIsReportedAndLockingStillProceeds() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            ManualExecutor executor = new ManualExecutor();
            Autosaver saver = new Autosaver(executor);
            saver.track(TestimonyContent::empty, c -> {
                throw new IllegalStateException("disk");
            }, t -> { });
            saver.edited();
            List<String> order = new ArrayList<>();
            saver.flush(() -> order.add("flushed"));
            executor.releaseOne();
            assertThat(order).containsExactly("flushed");
            assertThat(saver.stateProperty().get()).isEqualTo(Autosaver.State.FAILED);
            assertThat(saver.failureProperty().get()).isInstanceOf(IllegalStateException.class);
        }).get();
    }
}
