package org.tanik.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.AppServices;
import org.tanik.config.AppDirectories;
import org.tanik.crypto.Argon2Params;
import org.tanik.model.TestimonyContent;
import org.tanik.store.VaultSession;
import org.tanik.ui.common.FxBackgroundExecutor;
import org.tanik.ui.shell.ShellProbe;
import org.tanik.ui.shell.UiCompositionRoot;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The panic exit's speed (issue 17: the window is gone within 200 ms of the key): 20 runs of the real
 * application (headless Monocle, as the GUI tests run), each unlocked with a testimony open and an edit not
 * yet saved, then Ctrl+Shift+Q pressed by the robot. Prints the median and 90th percentile of the time from
 * the key reaching the window to the window being hidden, and to the vault being closed with its keys wiped.
 * Not part of the normal test run: {@code mvn -B test -Dtest=PanicBenchmark}.
 */
@ExtendWith(ApplicationExtension.class)
class PanicBenchmark {

    static final int RUNS = 20;
    static final String PASS = "benchmark passphrase with enough words şğı";

    @TempDir
    Path home;

    @Test
    void panicKeyToWindowGone(FxRobot robot) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        AppServices services = AppServices.create(new AppDirectories(home), Argon2Params.TESTING);
        try (VaultSession s = services.vaults().create(services.directories().vault(), PASS.toCharArray())) {
            for (int i = 0; i < 200; i++) {
                s.testimonies().create(new TestimonyContent("Tanıklık " + i, null, null, List.of(), "Anlatım " + i));
            }
        }
        // The moment the key reaches the window (a window's filter runs before the scene's, where the panic
        // key listens), and the moment the window is hidden.
        AtomicLong keyAt = new AtomicLong();
        AtomicLong goneAt = new AtomicLong();
        WaitForAsyncUtils.asyncFx(() -> {
            stage.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.Q) {
                    keyAt.set(System.nanoTime());
                }
            });
            stage.showingProperty().addListener((o, was, now) -> {
                if (!now) {
                    goneAt.set(System.nanoTime());
                }
            });
        }).get();
        List<Double> gone = new ArrayList<>();
        List<Double> wiped = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            UiCompositionRoot[] root = new UiCompositionRoot[1];
            FxToolkit.setupFixture(() -> {
                root[0] = new UiCompositionRoot(services, new FxBackgroundExecutor());
                root[0].start(stage);
            });
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#passphrase").tryQuery().isPresent());
            PasswordField field = robot.lookup("#passphrase").queryAs(PasswordField.class);
            robot.interact(() -> field.setText(PASS));
            robot.clickOn("#unlockButton");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#mainScreen").tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#editorScreen").tryQuery()
                    .map(javafx.scene.Node::isVisible).orElse(false));
            robot.write("yarım kalan");
            VaultSession session = ShellProbe.store(root[0]);
            keyAt.set(0);
            goneAt.set(0);
            // Watched from a thread of its own: the robot's press and release return only after the FX events
            // settle (some 200 ms), too late to see when the keys went.
            AtomicLong wipedAt = new AtomicLong();
            Thread watcher = new Thread(() -> {
                while (!org.tanik.store.StoreInternals.keysWiped(session)) {
                    Thread.onSpinWait();
                }
                wipedAt.set(System.nanoTime());
            });
            watcher.start();
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q).release(KeyCode.Q, KeyCode.SHIFT, KeyCode.CONTROL);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> goneAt.get() != 0);
            watcher.join(20_000);
            long closedAt = wipedAt.get();
            gone.add((goneAt.get() - keyAt.get()) / 1e6);
            wiped.add((closedAt - keyAt.get()) / 1e6);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                    () -> ShellProbe.closed(root[0])).get());
        }
        System.out.printf("panic-bench: %d runs, key to window hidden: median %.1f ms, p90 %.1f ms, max %.1f ms%n",
                RUNS, percentile(gone, 50), percentile(gone, 90), percentile(gone, 100));
        System.out.printf("panic-bench: key to keys wiped: median %.1f ms, p90 %.1f ms, max %.1f ms%n",
                percentile(wiped, 50), percentile(wiped, 90), percentile(wiped, 100));
        System.out.println("panic-bench: each run (window hidden ms): " + gone);
        Platform.runLater(() -> { });
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
