package org.tanik.ui.shell;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.tanik.AppServices;
import org.tanik.ui.common.FxBackgroundExecutor;

/**
 * Starts the desktop application. Kept free of JavaFX types in its signature so {@code Main} stays
 * plain Java. It starts the FX toolkit directly instead of through an {@code Application} subclass:
 * the services are then passed by constructor, with no static hand-off field, and the jar's main
 * class stays {@code org.tanik.Main}.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void launch(AppServices services) {
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        Platform.setImplicitExit(true);
        // Returns at once; the FX thread keeps the JVM alive until the window is closed.
        Platform.startup(() -> {
            UiCompositionRoot root = new UiCompositionRoot(services, executor);
            root.start(new Stage());
            root.reportUnexpectedFailures();
        });
    }
}
