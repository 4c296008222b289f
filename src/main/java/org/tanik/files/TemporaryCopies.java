package org.tanik.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The readable copies made for "Open with another program": the one deliberate exception to "no
 * plaintext on disk", which the person accepts after a warning. Every copy lives in one owner-only
 * folder and is registered here; {@link #deleteAll} removes them all when the vault locks or the
 * app closes, and, called at start, what a crash left behind.
 */
public final class TemporaryCopies {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;
    private final List<Path> copies = new ArrayList<>();

    /** @param folder the folder that holds nothing but these copies (it is emptied whole) */
    public TemporaryCopies(Path folder) {
        this.folder = folder.toAbsolutePath();
    }

    /**
     * Writes the content to a new file named like the original (so the other program knows its type),
     * in a random subfolder of its own, readable by the owner only; registered before the first byte.
     */
    public Path copy(Content content, String fileName) throws IOException {
        Path dir = folder.resolve(HexFormat.of().formatHex(randomBytes()));
        createOwnerOnlyFolder(folder);
        createOwnerOnlyFolder(dir);
        Path file = dir.resolve(safeName(fileName));
        synchronized (this) {
            copies.add(dir);
        }
        try (InputStream in = content.open(0);
             OutputStream out = Files.newOutputStream(create(file), StandardOpenOption.WRITE)) {
            in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
        return file;
    }

    /** The copies made since the last {@link #deleteAll} (their folders). */
    public synchronized List<Path> copies() {
        return List.copyOf(copies);
    }

    /**
     * Deletes every copy and whatever else is in the folder (leftovers of a crash); true when nothing is
     * left. A file another program still holds open may refuse (Windows): it is tried again at next start.
     */
    public synchronized boolean deleteAll() {
        copies.clear();
        if (!Files.exists(folder)) {
            return true;
        }
        deleteTree(folder);
        return !Files.exists(folder);
    }

    /** Only the last part of a name, without anything a file system could read as a path or a device. */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.length() > 120) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, 120 - ext.length()) + ext;
        }
        return name.isEmpty() ? "attachment" : name;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void createOwnerOnlyFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (POSIX) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static Path create(Path file) throws IOException {
        FileAttribute<?>[] attrs = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        return Files.createFile(file, attrs);
    }

    private static void deleteTree(Path root) {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
        } catch (IOException e) {
            return;
        }
        for (Path p : all) {
            try {
                Files.deleteIfExists(p);
            } catch (NoSuchFileException ignored) {
                // Gone already.
            } catch (IOException ignored) {
                // Held open by another program: the next lock or start tries again.
            }
        }
    }
}
