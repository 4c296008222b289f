package org.tanik.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.PasswordField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.tanik.ui.shell.UiCompositionRoot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.tanik.AppServices;
import org.tanik.config.AppDirectories;
import org.tanik.crypto.Argon2Params;
import org.tanik.ui.common.FxBackgroundExecutor;

/** Starts the real desktop application on a temporary home, and small helpers the GUI tests share. */
final class UiTestSupport {

    static final String PASSPHRASE = "river lantern copper violet thirteen";

    private UiTestSupport() {
    }

    static AppServices services(Path home) {
        return AppServices.create(new AppDirectories(home), Argon2Params.TESTING);
    }

    static UiCompositionRoot start(Stage stage, AppServices services) {
        UiCompositionRoot root = new UiCompositionRoot(services, new FxBackgroundExecutor());
        root.start(stage);
        return root;
    }

    /** Waits (up to 10 s) until the condition, checked on the FX thread, holds. */
    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("Condition not met within 10 s", e);
        }
    }

    static <T> T onFx(Callable<T> work) {
        if (Platform.isFxApplicationThread()) {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return WaitForAsyncUtils.waitForAsyncFx(10_000, work);
    }

    static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    /** Types the passphrase into a field the fast way (the robot is slow with long texts). */
    static void typePassphrase(FxRobot robot, String fieldQuery, String passphrase) {
        PasswordField field = robot.lookup(fieldQuery).queryAs(PasswordField.class);
        robot.interact(() -> {
            field.requestFocus();
            field.setText(passphrase);
        });
    }

    /** Unlocks through the unlock screen and waits for the main window. */
    static void unlock(FxRobot robot, String passphrase) {
        waitUntil(() -> showing(robot, "#unlockScreen"));
        typePassphrase(robot, "#passphrase", passphrase);
        robot.clickOn("#unlockButton");
        waitUntil(() -> showing(robot, "#mainScreen"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Saves a PNG of the scene under target/screenshots/ for people to look at. */
    static void screenshot(Scene scene, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = onFx(() -> scene.snapshot(null));
        PixelReader pixels = image.getPixelReader();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            ImageIO.write(out, "png", dir.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
