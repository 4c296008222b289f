package org.tanik.ui.common.viewers;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.stage.Window;
import org.tanik.files.Content;
import org.tanik.files.TemporaryCopies;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.UiText;

/**
 * "Open with another program": the one way an attachment leaves the vault readable, and only after a
 * warning that says so. The copy is made through {@link TemporaryCopies}, which deletes it when the
 * vault locks or the app closes.
 */
public final class OpenElsewhere {

    /** Hands a file to the program the system chooses for it (tests record the path instead). */
    @FunctionalInterface
    public interface Launch {
        void open(Path file) throws IOException;
    }

    private final TemporaryCopies copies;
    private final Launch launch;
    private final BackgroundExecutor executor;
    private final UiText text;
    private final Alerts alerts;

    public OpenElsewhere(TemporaryCopies copies, Launch launch, BackgroundExecutor executor, UiText text,
                         Alerts alerts) {
        this.copies = copies;
        this.launch = launch;
        this.executor = executor;
        this.text = text;
        this.alerts = alerts;
    }

    /** Warns, and when the person goes on, writes the copy and opens it, off the FX thread. */
    public void open(Window owner, String fileName, Content content) {
        if (!alerts.confirm(owner, text.get("viewer.openWith.title"), text.get("viewer.openWith.warning"),
                text.get("viewer.openWith.confirm"))) {
            return;
        }
        executor.run(() -> {
            Path copy = copies.copy(content, fileName);
            launch.open(copy);
            return copy;
        }, copy -> { }, failure -> alerts.error(owner, failure));
    }

    /** The system's own way: the desktop's "open", or the command each system has for it. */
    public static Launch system() {
        return file -> {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                Desktop.getDesktop().open(file.toFile());
                return;
            }
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String[] command = os.contains("win") ? new String[] {"rundll32", "url.dll,FileProtocolHandler", file.toString()}
                    : os.contains("mac") ? new String[] {"open", file.toString()}
                    : new String[] {"xdg-open", file.toString()};
            new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        };
    }
}
