package org.tanik.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A private X display (Xvfb) for the tests that need a real window system: GTK windows, xdotool,
 * xprop. Xvfb picks a free display number itself, so tests never collide with each other or with a
 * display of the machine. Callers check {@code RequiredTools.require("Xvfb", …)} first.
 */
public final class PrivateDisplay implements AutoCloseable {

    private final Process xvfb;
    private final String name;

    private PrivateDisplay(Process xvfb, String name) {
        this.xvfb = xvfb;
        this.name = name;
    }

    /** Starts Xvfb with a screen of {@code width} x {@code height} and waits until it takes clients. */
    public static PrivateDisplay start(int width, int height) throws IOException {
        // -displayfd: Xvfb picks a free display and writes its number on stdout once ready.
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", width + "x" + height + "x24",
                "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String number = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
        if (number == null || number.isBlank()) {
            xvfb.destroy();
            throw new IOException("Xvfb did not say which display it took");
        }
        return new PrivateDisplay(xvfb, ":" + number.strip());
    }

    /** The display's name, such as {@code :1}, for {@code DISPLAY}. */
    public String name() {
        return name;
    }

    /** Runs an X client (xdotool, xprop) on this display; its output and errors, stripped. */
    public String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", name);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out.strip();
    }

    @Override
    public void close() {
        xvfb.destroy();
    }
}
