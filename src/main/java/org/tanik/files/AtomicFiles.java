package org.tanik.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

/**
 * Writes a file so that a crash leaves either the old or the new content, never a mix. The
 * file is its owner's alone from the moment it exists (where the file system has POSIX permissions):
 * what is written here (key file, vault marks, invitations, settings) is nobody else's business.
 */
public final class AtomicFiles {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private AtomicFiles() {
    }

    /** How the bytes of a file reach the disk (tests put in one that fails as a full disk would). */
    @FunctionalInterface
    public interface Writer {
        void write(Path target, byte[] content) throws IOException;
    }

    /**
     * The one way a use case writes a file the person chose (an invitation, an identity export): its
     * folder is created, the file written atomically, and a failure said as the person can act on it,
     * {@link Problem#DISK_FULL} when the disk is full, else {@link Problem#IO_FAILURE} with the path.
     */
    public static void writeFile(Path target, byte[] content, Writer writer) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            writer.write(target, content);
        } catch (IOException e) {
            throw failure(e, target);
        }
    }

    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + target.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temp); // a leftover would keep its own permissions
            try (FileChannel ch = createOwnerOnly(temp)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** What writes a new file's content; it may stop with the stream's own IOException. */
    @FunctionalInterface
    public interface Content<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a new, possibly large file (a bundle) under a temporary name in the target's folder,
     * synced, then renamed into place. Whatever fails, no file is left under the final name nor a
     * partial one beside it, and the failure is one the user can act on: {@code FILE_EXISTS},
     * {@code DISK_FULL}, or {@code IO_FAILURE} naming the target.
     */
    public static <T> T createNew(Path target, Content<T> content) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
        try {
            T written;
            try (FileChannel file = createOwnerOnly(temp);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(file), 1 << 16)) {
                written = content.writeTo(out);
                out.flush();
                file.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(dir);
            return written;
        } catch (FileAlreadyExistsException e) {
            throw new TanikException(Problem.FILE_EXISTS, String.valueOf(target.getFileName()));
        } catch (IOException e) {
            throw failure(e, target);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // A leftover partial file holds only ciphertext, and a dot-name; nothing to do now.
            }
        }
    }

    /** A failed write as the user can act on it: a full disk is said so; anything else names the file. */
    public static TanikException failure(IOException e, Path target) {
        return failure(e, target.toString());
    }

    /**
     * The one mapping of a failed write, for every file the program writes: {@link Problem#DISK_FULL}
     * when the disk filled up (the person can free space and retry), else {@link Problem#IO_FAILURE};
     * both name the file as {@code name} (a path, or a name the person knows, e.g. "settings.json").
     */
    public static TanikException failure(IOException e, String name) {
        return new TanikException(isDiskFull(e) ? Problem.DISK_FULL : Problem.IO_FAILURE, e, name);
    }

    /**
     * Creates a new file for writing that only its owner can read, from the moment it exists (where
     * the file system has POSIX permissions); fails if the file exists.
     */
    public static FileChannel createOwnerOnly(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
        return posix ? FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OWNER_ONLY)
                : FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Makes the rename itself durable; not supported on every OS, where it is skipped. */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself.
        }
    }

    /** Whether a failure was the disk filling up, which the user can fix and retry. */
    public static boolean isDiskFull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && (m.contains("No space left") || m.contains("ENOSPC") || m.contains("not enough space")
                    || m.contains("disk is full") || m.contains("Disk quota"))) {
                return true;
            }
        }
        return false;
    }
}
