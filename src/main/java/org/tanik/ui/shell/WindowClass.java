package org.tanik.ui.shell;

/**
 * Gives the desktop's windows the class the menu entry names ({@code StartupWMClass=Tanik} in
 * {@code packaging/linux/tanik.desktop}), so that a desktop shows the running app under the menu
 * entry's name and icon instead of as an unknown "java" window, grouped with any other Java program.
 *
 * <p>JavaFX's GTK windows take their X11 class from the toolkit's internal application name, which
 * only {@code Application.launch} sets (to the class's name); {@link Launcher} starts the toolkit with
 * {@code Platform.startup}, so it is set here, through the internal class that holds it. That class is
 * reachable when its package is exported to the application (the launcher's
 * {@code --add-exports javafx.graphics/com.sun.glass.ui=ALL-UNNAMED}, or JavaFX on the class path).
 * The name is only a hint to the window system: where it cannot be set, the windows keep JavaFX's
 * default and nothing else changes.
 */
final class WindowClass {

    /** The class of every window, as the menu entry's {@code StartupWMClass} says. */
    static final String NAME = "Tanik";

    private WindowClass() {
    }

    /** Names the windows made from now on. On the FX thread, before the first window is made. */
    static void apply() {
        try {
            Class<?> glass = Class.forName("com.sun.glass.ui.Application");
            Object application = glass.getMethod("GetApplication").invoke(null);
            glass.getMethod("setName", String.class).invoke(application, NAME);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Not exported, or another JavaFX without it: a cosmetic hint is lost, nothing more.
        }
    }
}
