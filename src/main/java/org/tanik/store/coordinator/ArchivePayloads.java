package org.tanik.store.coordinator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Set;
import java.util.UUID;
import org.tanik.crypto.Sha256;
import org.tanik.error.TanikException;
import org.tanik.files.AtomicFiles;
import org.tanik.store.vault.OwnerOnly;

/**
 * The archive folder of a coordinator's vault: one file per imported bundle holding its payload as
 * sealed age chunks, exactly as they arrived. Without the payload key, which only the vault's
 * database holds (sealed), a file is noise; with it, any record is read back by opening only the
 * chunks that hold it.
 *
 * <p>A payload is staged under a temporary name while its bundle is verified, then made final by
 * a rename just before the database commits the rows that point into it. A crash can therefore
 * leave only files no row points to, which {@link #removeUnreferenced(Set, Set)} deletes on next open.
 *
 * <p>The folder also holds the bundle files of devices not yet approved ({@code <bundle id>.held}),
 * exactly as they arrived: age-encrypted to the organisation, so they need no other sealing. They
 * live here rather than in the database so that a large one never has to fit in memory.
 */
public final class ArchivePayloads {
    private static final String FINAL = ".payload";
    private static final String STAGED = ".staged";
    private static final String HELD = ".held";

    private final Path dir;

    ArchivePayloads(Path vaultDirectory) {
        this.dir = vaultDirectory.resolve("archive");
    }

    /** A payload being written, before its bundle is admitted. */
    public final class Staged implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final OutputStream out;
        private boolean closed;

        private Staged(Path file) throws IOException {
            this.file = file;
            this.channel = AtomicFiles.createOwnerOnly(file);
            this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        }

        /** Where the sealed chunks go; do not close it. */
        public OutputStream sink() {
            return out;
        }

        /** Flushes and forces the chunks to disk, so that a later rename cannot expose a partial file. */
        public void sync() {
            try {
                out.flush();
                channel.force(true);
                closeQuietly();
            } catch (IOException e) {
                throw failure(e, file);
            }
        }

        /**
         * Gives the staged file its final name for {@code bundleId}; {@link #syncDirectory()} then
         * makes the names durable, once for all the bundles of a transaction, before it commits.
         */
        public void commit(String bundleId) {
            Path target = finalPath(bundleId);
            try {
                closeQuietly();
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw failure(e, target);
            }
        }

        /** Deletes the staged file (no-op once committed). */
        @Override
        public void close() {
            closeQuietly();
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Left for removeUnreferenced at the next open.
            }
        }

        private void closeQuietly() {
            if (!closed) {
                closed = true;
                try {
                    out.close();
                } catch (IOException e) {
                    // the file is discarded or was already forced
                }
            }
        }
    }

    /** Starts a staged payload; safe to call from several threads. */
    public Staged stage() {
        try {
            ensureDir();
            return new Staged(dir.resolve(UUID.randomUUID() + STAGED));
        } catch (IOException e) {
            throw failure(e, dir);
        }
    }

    /** Makes the renames of committed payloads durable. */
    public void syncDirectory() {
        AtomicFiles.syncDirectory(dir);
    }

    SeekableByteChannel open(String bundleId) throws IOException {
        return Files.newByteChannel(finalPath(bundleId), StandardOpenOption.READ);
    }

    InputStream stream(String bundleId) throws IOException {
        return Files.newInputStream(finalPath(bundleId));
    }

    /** Deletes a final payload whose rows were never committed. */
    public void discard(String bundleId) {
        try {
            Files.deleteIfExists(finalPath(bundleId));
        } catch (IOException e) {
            // removeUnreferenced deletes it at the next open
        }
    }

    /**
     * Keeps the bundle file of a device not yet approved, copied as it is while its SHA-256 is
     * checked; false (and nothing kept) when the file is no longer the one that was verified. Call
     * inside the transaction that records the bundle; {@link #dropHeld} undoes it if that fails.
     */
    public boolean hold(String bundleId, Path source, String sha256) {
        Path target = heldPath(bundleId);
        Path temp = dir.resolve(UUID.randomUUID() + STAGED);
        try {
            ensureDir();
            MessageDigest md = Sha256.digest();
            try (InputStream in = new DigestInputStream(Files.newInputStream(source), md);
                 FileChannel ch = AtomicFiles.createOwnerOnly(temp)) {
                in.transferTo(Channels.newOutputStream(ch));
                ch.force(true);
            }
            if (!Sha256.hex(md).equals(sha256)) {
                return false;
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.syncDirectory(dir);
            return true;
        } catch (IOException e) {
            throw failure(e, target);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // removeUnreferenced deletes it at the next open
            }
        }
    }

    /** The held bundle file, or empty if there is none (a vault from before held files, or already released). */
    public java.util.Optional<InputStream> held(String bundleId) throws IOException {
        Path f = heldPath(bundleId);
        return Files.exists(f) ? java.util.Optional.of(Files.newInputStream(f)) : java.util.Optional.empty();
    }

    /** Deletes a held bundle file (released, refused, or its row was never committed). */
    public void dropHeld(String bundleId) {
        try {
            Files.deleteIfExists(heldPath(bundleId));
        } catch (IOException e) {
            // removeUnreferenced deletes it at the next open
        }
    }

    /**
     * Deletes staged files, payloads of bundles the archive does not hold and held files of bundles
     * no longer in quarantine: leftovers of a crash.
     */
    void removeUnreferenced(Set<String> bundleIds, Set<String> heldIds) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                boolean known = name.endsWith(FINAL)
                        && bundleIds.contains(name.substring(0, name.length() - FINAL.length()))
                        || name.endsWith(HELD) && heldIds.contains(name.substring(0, name.length() - HELD.length()));
                if (!known) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // Harmless leftovers (ciphertext without a key); tried again at the next open.
        }
    }

    private Path heldPath(String bundleId) {
        return dir.resolve(UUID.fromString(bundleId) + HELD);
    }

    private Path finalPath(String bundleId) {
        return dir.resolve(UUID.fromString(bundleId) + FINAL); // the UUID check keeps the name inside dir
    }

    private void ensureDir() throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            OwnerOnly.apply(dir);
        }
    }

    /** The failure as the user reads it; {@code file} is named from the vault folder on ("archive/…"). */
    private TanikException failure(IOException e, Path file) {
        String name = file.equals(dir) ? dir.getFileName().toString()
                : dir.getFileName().resolve(file.getFileName()).toString();
        return AtomicFiles.failure(e, name);
    }
}
