package org.tanik.store.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * Restricts the vault folder to its owner on POSIX systems. Everything in it is encrypted; this
 * only keeps other local accounts from copying the ciphertext for offline guessing.
 */
public final class OwnerOnly {
    private OwnerOnly() {
    }

    public static void apply(Path dir) {
        if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) == null) {
            return; // Windows: the per-user AppData folder is already private
        }
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(f)) {
                        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
                    }
                }
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Best effort: a vault on a FAT-formatted USB stick has no permissions to set.
        }
    }
}
