package org.tanik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C during {@code archive export}: the shutdown hook asks the export to stop and waits until it
 * has (so the temporary file of readable testimonies is deleted before the JVM ends), and it is
 * removed again once the export finished.
 */
class ExportInterruptTest {

    @Test
    void theHookCancelsTheExportAndWaitsForItToFinish() throws Exception {
        List<Thread> added = new ArrayList<>();
        List<Thread> removed = new ArrayList<>();
        Thread[] hook = new Thread[1];
        String result = ArchiveCommands.cancellable(progress -> {
            hook[0] = added.get(0);
            assertThat(progress.cancelled()).isFalse();
            hook[0].start(); // what the JVM does on SIGINT
            long until = System.nanoTime() + 10_000_000_000L;
            while (!progress.cancelled() && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            // The export is still cleaning up: the hook must still be waiting for it.
            assertThat(progress.cancelled()).isTrue();
            assertThat(hook[0].isAlive()).isTrue();
            return "cancelled";
        }, added::add, removed::add);
        assertThat(result).isEqualTo("cancelled");
        hook[0].join(10_000);
        assertThat(hook[0].isAlive()).isFalse();
        assertThat(removed).containsExactly(hook[0]);
    }
}
