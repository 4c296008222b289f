package org.tanik.ui.common.files;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The places the file window offers beside the folder: the home folder and the removable drives a
 * volunteer carries bundles on. Found by looking where each system mounts them (Linux desktops under
 * /media/USER or /run/media/USER, macOS under /Volumes, Windows as drive roots), without asking the
 * desktop for its bookmarks or recent places, which would be one more trace.
 */
public final class Places {

    /** A place: {@code drive} marks a removable drive or another root, as opposed to the home folder. */
    public record Place(String name, Path path, boolean drive) {
    }

    private Places() {
    }

    /** The places on this computer: home first, then each drive found. */
    public static List<Place> find(Path home, String user, List<Path> mountParents, List<Path> roots) {
        List<Place> places = new ArrayList<>();
        places.add(new Place(name(home), home, false));
        for (Path parent : mountParents) {
            Path mounts = parent.getFileName() != null && parent.getFileName().toString().equals("Volumes")
                    ? parent : parent.resolve(user);
            for (Path drive : children(mounts)) {
                places.add(new Place(name(drive), drive, true));
            }
        }
        if (roots.size() > 1) {
            // Windows: every drive letter is a root; a single root (Unix) adds nothing.
            for (Path root : roots) {
                places.add(new Place(root.toString(), root, true));
            }
        }
        return List.copyOf(places);
    }

    /** The places of the computer this runs on. */
    public static List<Place> ofThisComputer() {
        List<Path> roots = new ArrayList<>();
        for (File root : File.listRoots()) {
            roots.add(root.toPath());
        }
        return find(Path.of(System.getProperty("user.home")), System.getProperty("user.name", ""),
                List.of(Path.of("/media"), Path.of("/run/media"), Path.of("/Volumes")), roots);
    }

    private static List<Path> children(Path folder) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder, Files::isDirectory)) {
            children.forEach(found::add);
        } catch (IOException | SecurityException unreadable) {
            // No drives to offer from there; the user can still type a path.
        }
        found.sort(null);
        return found;
    }

    private static String name(Path path) {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }
}
