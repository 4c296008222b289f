package org.tanik.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tanik.work.Progress;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The executor alone moves what background work says onto the FX thread: results and progress. */
@ExtendWith(ApplicationExtension.class)
class FxBackgroundExecutorTest {

    @Test
    void progressReportsArriveOnTheFxThreadAndCancelIsAskedOnTheWorkersThread() throws Exception {
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        List<String> heard = new CopyOnWriteArrayList<>();
        List<Boolean> cancelAskedOnFx = new CopyOnWriteArrayList<>();
        List<Boolean> done = new CopyOnWriteArrayList<>();
        Progress<String> progress = executor.onFxThread(
                (n, total, step) -> heard.add(n + "/" + total + " " + step + " fx=" + Platform.isFxApplicationThread()),
                () -> {
                    cancelAskedOnFx.add(Platform.isFxApplicationThread());
                    return false;
                });
        try {
            executor.run(() -> {
                for (int i = 1; i <= 3; i++) {
                    if (progress.cancelled()) {
                        return false;
                    }
                    progress.advanced(i, 3, "step" + i);
                }
                return true;
            }, done::add, failure -> done.add(false));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> done.size() == 1 && heard.size() == 3);
        } finally {
            executor.shutdown();
        }
        assertThat(done).containsExactly(true);
        assertThat(heard).containsExactly("1/3 step1 fx=true", "2/3 step2 fx=true", "3/3 step3 fx=true");
        assertThat(cancelAskedOnFx).hasSize(3).containsOnly(false);
    }

    @Test
    void theDirectExecutorReportsInPlace() {
        List<String> heard = new CopyOnWriteArrayList<>();
        Progress<String> progress = new DirectExecutor().onFxThread((n, total, step) -> heard.add(step), () -> true);
        progress.advanced(1, 1, "only");
        assertThat(heard).containsExactly("only");
        assertThat(progress.cancelled()).isTrue();
    }
}
