package org.tanik.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The operating system's file choosers. Remembers the last folder for the session only. */
public final class NativeFileChoices implements FileChoices {

    private File lastFolder;

    @Override
    public Optional<Path> open(Window owner, String title, String filterName, List<String> extensions) {
        File f = chooser(title, filterName, extensions).showOpenDialog(owner);
        return Optional.ofNullable(f).map(this::remember);
    }

    @Override
    public List<Path> openMany(Window owner, String title, String filterName, List<String> extensions) {
        List<File> files = chooser(title, filterName, extensions).showOpenMultipleDialog(owner);
        return files == null ? List.of() : files.stream().map(this::remember).toList();
    }

    @Override
    public Optional<Path> save(Window owner, String title, String initialName) {
        FileChooser chooser = chooser(title, null, List.of());
        chooser.setInitialFileName(initialName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(this::remember);
    }

    private FileChooser chooser(String title, String filterName, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (filterName != null && !extensions.isEmpty()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, extensions));
        }
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private Path remember(File f) {
        lastFolder = f.getParentFile();
        return f.toPath();
    }
}
