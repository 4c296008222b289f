package org.tanik.ui.common.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.FileChoices;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.UiText;

/**
 * The desktop's file choices, through Tanik's own {@link FileWindow} rather than the system's, which
 * leave the chosen paths in the desktop's recent-files lists. The last folder is remembered for the
 * session only, in memory.
 */
public final class InAppFileChoices implements FileChoices {

    private final Supplier<UiText> text;
    private final OpenDialogs dialogs;
    private final BackgroundExecutor executor;
    private final Path home;
    private Path lastFolder;

    /** {@code text} is asked at each choice: the user may have switched language since. */
    public InAppFileChoices(Supplier<UiText> text, OpenDialogs dialogs, BackgroundExecutor executor, Path home) {
        this.text = text;
        this.dialogs = dialogs;
        this.executor = executor;
        this.home = home;
    }

    @Override
    public Optional<Path> open(Window owner, String title, String filterName, List<String> extensions) {
        return show(FileWindow.Mode.OPEN, owner, title, filterName, extensions, null).stream().findFirst();
    }

    @Override
    public List<Path> openMany(Window owner, String title, String filterName, List<String> extensions) {
        return show(FileWindow.Mode.OPEN_MANY, owner, title, filterName, extensions, null);
    }

    @Override
    public Optional<Path> save(Window owner, String title, String initialName) {
        return show(FileWindow.Mode.SAVE, owner, title, null, List.of(), initialName).stream().findFirst();
    }

    private List<Path> show(FileWindow.Mode mode, Window owner, String title, String filterName,
                            List<String> extensions, String proposedName) {
        FileWindow window = new FileWindow(text.get(), executor, dialogs, mode, title, filterName, extensions);
        Path start = lastFolder != null && Files.isDirectory(lastFolder) ? lastFolder : home;
        List<Path> chosen = window.show(owner, start, proposedName);
        if (!chosen.isEmpty()) {
            lastFolder = chosen.get(0).getParent();
        }
        return chosen;
    }
}
