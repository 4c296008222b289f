package org.tanik.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Portable mode: the program and its vault on a USB stick, leaving nothing on the computer it runs
 * on. Chosen by {@code --portable} as the first argument, or by a file named {@code tanik-portable}
 * next to the launcher (so a stick works when the launcher is started from a file manager). The data
 * folder {@code Tanik-data} is then beside the program: beside the app image folder ({@code
 * <stick>/tanik/bin/tanik} keeps its data in {@code <stick>/Tanik-data}), or beside the jar. The data
 * stays out of the program's folder so that replacing the program by a newer one keeps the vault.
 *
 * <p>Everything the JVM and JavaFX would otherwise write under the home or temp folder is pointed
 * there too, by system properties set before any JavaFX or AWT class loads (they read them once).
 * What native libraries (GTK, GLib's settings, fontconfig, Mesa) write is steered only by the
 * environment, which a running JVM cannot change for itself and jpackage's launcher cannot set: so
 * the desktop app starts itself once more with {@link #environment(Path)} added ({@link #relaunch}).
 */
public final class PortableMode {
    public static final String FLAG = "--portable";
    public static final String MARKER = "tanik-portable";
    public static final String DATA_FOLDER = "Tanik-data";
    /** jpackage's launcher names itself in this system property. */
    static final String APP_PATH = "jpackage.app-path";

    private PortableMode() {
    }

    /** Where the data goes ({@code null} when not portable) and the arguments without the flag. */
    public record Start(Path home, String[] args) {
        public boolean portable() {
            return home != null;
        }
    }

    /**
     * Decides from the arguments and where the program is. Only leading {@code --portable} arguments
     * count: after them come the command's own, which never mean the launcher.
     *
     * @param launcher the jpackage launcher ({@code jpackage.app-path}), else the running jar; null if unknown
     */
    static Start decide(String[] args, Path launcher) {
        int flags = 0;
        while (flags < args.length && FLAG.equals(args[flags])) {
            flags++;
        }
        String[] rest = Arrays.copyOfRange(args, flags, args.length);
        boolean marker = launcher != null && launcher.getParent() != null
                && Files.isRegularFile(launcher.resolveSibling(MARKER));
        if (flags == 0 && !marker) {
            return new Start(null, rest);
        }
        if (launcher == null) {
            throw new IllegalStateException(FLAG + ": cannot tell where the program is");
        }
        return new Start(program(launcher.toAbsolutePath()).resolveSibling(DATA_FOLDER), rest);
    }

    /**
     * The folder (or jar) a person copies to the stick: the app image folder above the launcher's
     * {@code bin} (Linux) or {@code Contents/MacOS} (a macOS bundle); the launcher's own folder on
     * Windows, where it sits at the top; the jar itself otherwise.
     */
    static Path program(Path launcher) {
        if (launcher.toString().endsWith(".jar")) {
            return launcher;
        }
        Path dir = launcher.getParent();
        String name = String.valueOf(dir.getFileName());
        if (name.equals("bin") && dir.getParent() != null) {
            return dir.getParent();
        }
        if (name.equals("MacOS") && dir.getParent() != null && dir.getParent().getParent() != null) {
            return dir.getParent().getParent();
        }
        return dir;
    }

    /** The system properties that move the JVM's and JavaFX's own files into {@code home}. */
    static Map<String, String> properties(Path home) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("tanik.home", home.toString());
        p.put("java.io.tmpdir", home.resolve("tmp").toString());
        // JavaFX unpacks its native libraries here when they are not in the runtime (java -jar).
        p.put("javafx.cachedir", home.resolve("cache").resolve("openjfx").toString());
        // java.util.prefs (~/.java/.userPrefs): nothing of Tanik's uses it, a library might.
        p.put("java.util.prefs.userRoot", home.resolve("prefs").toString());
        p.put("java.util.prefs.systemRoot", home.resolve("prefs").toString());
        // The software renderer: the OpenGL one makes Mesa keep a shader cache in ~/.cache.
        p.put("prism.order", "sw");
        return p;
    }

    /**
     * Main's first step: decides, and when portable, creates the data folder and this process's
     * own temp folder in it, and sets the properties.
     */
    public static Start configure(String[] args) {
        Start start = decide(args, launcher());
        if (start.portable()) {
            Map<String, String> properties = properties(start.home().toAbsolutePath());
            Path tmp = Path.of(properties.get("java.io.tmpdir"));
            properties.put("java.io.tmpdir", processTemp(tmp).toString());
            properties.forEach(System::setProperty);
        }
        return start;
    }

    /**
     * A temp folder of this process's own, {@code tmp/<pid>}, deleted when it ends. Several Tanik
     * processes may run from one stick at once (the window and a command), so none empties another's;
     * the folders of processes that are gone (a crash, a pulled stick) are deleted at the next start.
     */
    static Path processTemp(Path tmp) {
        try {
            Files.createDirectories(tmp);
            try (Stream<Path> entries = Files.list(tmp)) {
                for (Path p : (Iterable<Path>) entries::iterator) {
                    String name = p.getFileName().toString();
                    boolean alive = name.matches("[0-9]{1,18}")
                            && ProcessHandle.of(Long.parseLong(name)).map(ProcessHandle::isAlive).orElse(false);
                    if (!alive) {
                        deleteTree(p);
                    }
                }
            }
            Path own = Files.createDirectories(tmp.resolve(Long.toString(ProcessHandle.current().pid())));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    deleteTree(own);
                } catch (IOException e) {
                    // Deleted at the next start instead.
                }
            }));
            return own;
        } catch (IOException e) {
            // A stick that is read-only, full, or an installed copy under /opt: say where, plainly.
            throw new TanikException(Problem.PORTABLE_FOLDER_UNWRITABLE, e, tmp.getParent().toString());
        }
    }

    /**
     * What the native libraries read to decide where to write: the XDG folders moved onto the
     * stick (fontconfig's cache, GTK's recent-files list, ~/.config), GLib's settings kept in memory
     * (otherwise dconf writes ~/.cache/dconf/user) and Mesa's shader cache off (it is written under
     * the account's passwd home, whatever HOME says). XDG_RUNTIME_DIR stays: the display and D-Bus
     * sockets live there, and it is a RAM folder emptied at logout.
     */
    static Map<String, String> environment(Path home) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(CHILD, home.toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_DATA_HOME", home.resolve("share").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("TMPDIR", home.resolve("tmp").toString());
        env.put("GSETTINGS_BACKEND", "memory");
        env.put("MESA_SHADER_CACHE_DISABLE", "true");
        env.put("MESA_GLSL_CACHE_DISABLE", "true");
        return env;
    }

    /** Set in the environment of the relaunched app (to the data folder), so it does not relaunch again. */
    static final String CHILD = "TANIK_PORTABLE_DATA";

    /**
     * For the desktop app in portable mode: unless this process already has the environment of
     * {@link #environment(Path)}, runs the same launcher again with it (sharing this terminal) and
     * returns its exit code; this JVM, which loaded no native library, then only waits. Empty when
     * this process is the one to go on: not portable, already relaunched, not Linux, or no launcher
     * to run (java -jar: native libraries then write where they always do; security.md says so).
     */
    public static java.util.OptionalInt relaunch(Start start) {
        if (!start.portable() || start.home().toAbsolutePath().toString().equals(System.getenv(CHILD))) {
            return java.util.OptionalInt.empty();
        }
        String appPath = System.getProperty(APP_PATH);
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        if (appPath == null || appPath.isBlank() || !linux) {
            // Windows and macOS draw without GLib, Mesa or the XDG folders: nothing to steer there.
            return java.util.OptionalInt.empty();
        }
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(appPath, FLAG));
        command.addAll(Arrays.asList(start.args()));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(environment(start.home().toAbsolutePath()));
        // jpackage's launcher marks the environment of the JVM it starts; a second launcher that
        // inherits the mark takes its arguments for JVM options ("Unrecognized option: --portable").
        builder.environment().remove("_JPACKAGE_LAUNCHER");
        try {
            Process child = builder.start();
            // A TERM or Ctrl+C to this process reaches the app too (it then locks and exits as usual).
            // It is waited for, so that whoever waits for this process knows the app has finished.
            Thread hook = new Thread(() -> {
                child.destroy();
                try {
                    child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            int code = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(hook);
            return java.util.OptionalInt.of(code);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.OptionalInt.of(1);
        }
    }

    private static Path launcher() {
        String appPath = System.getProperty(APP_PATH);
        if (appPath != null && !appPath.isBlank()) {
            return Path.of(appPath);
        }
        try {
            Path code = Path.of(PortableMode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.toString().endsWith(".jar") ? code : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Deletes {@code path} and everything under it. */
    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
