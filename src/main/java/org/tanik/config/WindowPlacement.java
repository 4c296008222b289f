package org.tanik.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.tanik.files.AtomicFiles;
import org.tanik.model.Json;

/**
 * Where the main window was and how large, kept in its own small file ({@code window.json} beside
 * the settings) so the window opens as it was left. Nothing here is secret: no vault, no path.
 * Sizes are in the screen's units; the window is always placed within the screen's visible area.
 *
 * @param x         left edge of the window when not maximised
 * @param y         top edge of the window when not maximised
 * @param width     width when not maximised
 * @param height    height when not maximised
 * @param maximised whether the window filled the screen
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximised) {

    /** Below this visible area a laptop screen is small: the window opens maximised. */
    static final double SMALL_WIDTH = 1440;
    static final double SMALL_HEIGHT = 860;
    /** On a large screen, no larger than this: long lines are hard to read. */
    static final double LARGE_WIDTH = 1400;
    static final double LARGE_HEIGHT = 900;

    /** The first placement on a screen with this visible area: maximised if small, else centred. */
    public static WindowPlacement initial(double sx, double sy, double sw, double sh) {
        boolean small = sw < SMALL_WIDTH || sh < SMALL_HEIGHT;
        double w = Math.min(LARGE_WIDTH, Math.floor(sw * (small ? 0.9 : 0.85)));
        double h = Math.min(LARGE_HEIGHT, Math.floor(sh * 0.9));
        return new WindowPlacement(sx + Math.floor((sw - w) / 2), sy + Math.floor((sh - h) / 2), w, h, small);
    }

    /**
     * This placement moved and shrunk to lie within a screen's visible area (the screen may have
     * changed since, e.g. a projector unplugged): a remembered window never opens off-screen.
     */
    public WindowPlacement within(double sx, double sy, double sw, double sh) {
        double w = Math.min(width, sw);
        double h = Math.min(height, sh);
        double left = Math.max(sx, Math.min(x, sx + sw - w));
        double top = Math.max(sy, Math.min(y, sy + sh - h));
        return new WindowPlacement(left, top, w, h, maximised);
    }

    /** The remembered placement, empty if none or unreadable (a placement is not worth refusing to start over). */
    public static Optional<WindowPlacement> load(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            WindowPlacement p = mapper().readValue(file.toFile(), WindowPlacement.class);
            boolean sane = Double.isFinite(p.x) && Double.isFinite(p.y) && p.width >= 100 && p.height >= 100
                    && Double.isFinite(p.width) && Double.isFinite(p.height);
            return sane ? Optional.of(p) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Written atomically: a crash while saving leaves the previous placement, never half a file. */
    public void save(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
        } catch (IOException e) {
            throw AtomicFiles.failure(e, file.getFileName().toString());
        }
    }

    private static ObjectMapper mapper() {
        return Json.mapper();
    }
}
