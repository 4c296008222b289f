package org.tanik.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Tanik keeps its files, per operating system. {@code TANIK_HOME} (or the system property
 * {@code tanik.home}) moves everything, for portable installs on a USB stick and for tests.
 */
public record AppDirectories(Path home) {

    public static AppDirectories fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."),
                System.getProperty("tanik.home"));
    }

    static AppDirectories fromEnvironment(Map<String, String> env, String osName, String userHome, String override) {
        if (override != null && !override.isBlank()) {
            return new AppDirectories(Path.of(override));
        }
        String fromEnv = env.get("TANIK_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new AppDirectories(Path.of(fromEnv));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.getOrDefault("LOCALAPPDATA", userHome + "\\AppData\\Local");
            return new AppDirectories(Path.of(local, "Tanik"));
        }
        if (os.contains("mac")) {
            return new AppDirectories(Path.of(userHome, "Library", "Application Support", "Tanik"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return new AppDirectories(base.resolve("tanik"));
    }

    /** The default vault. */
    public Path vault() {
        return home.resolve("vault");
    }

    /** Non-secret preferences (language, idle time); read before unlocking, so never inside the vault. */
    public Path settingsFile() {
        return home.resolve("settings.json");
    }

    /** Where the main window was and how large (see {@link WindowPlacement}); beside the settings, never in the vault. */
    public Path windowFile() {
        return home.resolve("window.json");
    }

    /**
     * The readable copies "Open with another program" makes ({@code files.TemporaryCopies}): emptied
     * when the vault locks, when the app closes and at every start. Beside the vault rather than in
     * the shared system temp folder, where another user could have made the folder first.
     */
    public Path openCopies() {
        return home.resolve("open-copies");
    }
}
