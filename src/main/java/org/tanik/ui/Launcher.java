package org.tanik.ui;

import org.tanik.AppServices;

/** Starts the JavaFX application. Kept free of JavaFX types so {@code Main} stays plain Java. */
public final class Launcher {
    private Launcher() {
    }

    public static void launch(AppServices services) {
        // Placeholder until the desktop UI lands; replaced by the JavaFX application.
        throw new UnsupportedOperationException("desktop UI not built yet");
    }
}
