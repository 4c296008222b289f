package org.tanik.ui.common.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What Tanik's own file window shows of one folder: its sub-folders, then the files that match the
 * filter, each by name. Hidden entries are left out, as in the system's file windows. Plain Java, so
 * it is listed off the FX thread (a slow USB stick must not freeze the window).
 */
public final class FolderListing {

    /** One line of the listing. {@code size} is -1 for a folder. */
    public record Entry(Path path, String name, boolean folder, long size, Instant modified) {
    }

    private FolderListing() {
    }

    /**
     * The folder's entries, folders first, each group by name ignoring case.
     *
     * @param extensions patterns like "*.tanik"; empty shows every file
     * @throws IOException when the folder itself cannot be read
     */
    public static List<Entry> list(Path folder, List<String> extensions) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path child : children) {
                entry(child, extensions).ifPresent(entries::add);
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> !e.folder())
                .thenComparing(e -> e.name().toLowerCase(Locale.ROOT))
                .thenComparing(Entry::name));
        return List.copyOf(entries);
    }

    /** True when {@code name} matches one of the patterns ("*.tanik"), or there are none. */
    public static boolean matches(String name, List<String> extensions) {
        if (extensions.isEmpty()) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String pattern : extensions) {
            String p = pattern.toLowerCase(Locale.ROOT);
            if (p.equals("*") || p.equals("*.*")
                    || (p.startsWith("*") && lower.endsWith(p.substring(1)) && lower.length() > p.length() - 1)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Entry> entry(Path child, List<String> extensions) {
        String name = child.getFileName() == null ? child.toString() : child.getFileName().toString();
        if (name.startsWith(".")) {
            return Optional.empty();
        }
        BasicFileAttributes attributes;
        try {
            // Links are followed: a link to a USB stick's folder is a folder to the user.
            attributes = Files.readAttributes(child, BasicFileAttributes.class);
            if (Files.isHidden(child)) {
                return Optional.empty();
            }
        } catch (IOException | SecurityException unreadable) {
            // A broken link or an entry we may not read: the user could not choose it anyway.
            return Optional.empty();
        }
        boolean folder = attributes.isDirectory();
        if (!folder && (!attributes.isRegularFile() || !matches(name, extensions))) {
            return Optional.empty();
        }
        return Optional.of(new Entry(child, name, folder, folder ? -1 : attributes.size(),
                attributes.lastModifiedTime().toInstant()));
    }
}
