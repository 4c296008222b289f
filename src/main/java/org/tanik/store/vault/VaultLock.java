package org.tanik.store.vault;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

/** An OS file lock that keeps a second process (or window) from opening the same vault. */
public final class VaultLock implements AutoCloseable {

    public static final String FILE_NAME = "vault.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private VaultLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static VaultLock acquire(Path vaultDir) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(vaultDir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw alreadyOpen(channel);
            }
            return new VaultLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            throw alreadyOpen(channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new TanikException(Problem.IO_FAILURE, e, FILE_NAME);
        }
    }

    private static TanikException alreadyOpen(FileChannel channel) {
        closeQuietly(channel);
        return new TanikException(Problem.VAULT_ALREADY_OPEN);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Nothing useful to do: the lock dies with the channel or the process.
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Released anyway when the channel closes.
        }
        closeQuietly(channel);
    }
}
