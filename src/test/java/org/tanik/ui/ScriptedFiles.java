package org.tanik.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;
import org.tanik.ui.common.FileChoices;

/** File choices for tests: the test queues the paths the "user" picks, since native choosers cannot run headless. */
final class ScriptedFiles implements FileChoices {

    final Deque<Path> toOpen = new ArrayDeque<>();
    final Deque<List<Path>> toOpenMany = new ArrayDeque<>();
    final Deque<Path> toSave = new ArrayDeque<>();
    final List<String> proposedNames = new ArrayList<>();

    @Override
    public Optional<Path> open(Window owner, String title, String filterName, List<String> extensions) {
        return Optional.ofNullable(toOpen.poll());
    }

    @Override
    public List<Path> openMany(Window owner, String title, String filterName, List<String> extensions) {
        List<Path> next = toOpenMany.poll();
        return next == null ? List.of() : next;
    }

    @Override
    public Optional<Path> save(Window owner, String title, String initialName) {
        proposedNames.add(initialName);
        Path dir = toSave.poll();
        return Optional.ofNullable(dir).map(d -> d.resolve(initialName));
    }
}
