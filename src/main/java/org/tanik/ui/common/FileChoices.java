package org.tanik.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/**
 * How screens ask the user for files. The desktop uses Tanik's own file window
 * ({@link org.tanik.ui.common.files.InAppFileChoices}), never the system's, which records what was
 * chosen in the desktop's recent-files lists; most tests hand in paths directly.
 */
public interface FileChoices {

    /** One existing file to read; {@code extensions} like "*.tanik" (may be empty for any file). */
    Optional<Path> open(Window owner, String title, String filterName, List<String> extensions);

    /** Several existing files to read. */
    List<Path> openMany(Window owner, String title, String filterName, List<String> extensions);

    /** A file to write, proposing {@code initialName}. */
    Optional<Path> save(Window owner, String title, String initialName);
}
