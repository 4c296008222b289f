package org.tanik.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.tanik.bundle.BundleException;
import org.tanik.bundle.EntryPaths;
import org.tanik.bundle.TarReader;
import org.tanik.bundle.TarWriter;
import org.tanik.crypto.age.AgeDecryptor;
import org.tanik.crypto.age.AgeEncryptor;
import org.tanik.crypto.age.AgeException;
import org.tanik.crypto.age.ScryptIdentity;
import org.tanik.crypto.age.ScryptRecipient;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.AtomicFiles;
import org.tanik.store.vault.OwnerOnly;
import org.tanik.store.vault.VaultLock;
import org.tanik.files.KeepOpenOutputStream;

/**
 * A whole vault folder as one file: a tar of every regular file in it (recursively, whatever the
 * layout; the OS lock file aside), age-encrypted with a passphrase (scrypt) as it streams, so that
 * {@code age -d} opens it by hand and {@code tar -x} unpacks it. The files are already encrypted by
 * the vault; the archive's names and sizes are hidden by age too. Nothing readable reaches the disk.
 */
public final class VaultBackups {

    /** The lock file is the OS's, held by whoever has the vault open: never copied, never restored. */
    private static final String LOCK = VaultLock.FILE_NAME;

    private final int workFactor;

    /**
     * age's default work factor (about a second and 256 MiB) for the real key derivation; a cheap one
     * when the vault's own Argon2 is the tests' cheap one, so that tests stay fast.
     */
    public static int workFactorFor(org.tanik.crypto.Argon2Params vaultParams) {
        return vaultParams.memoryKiB() >= org.tanik.crypto.Argon2Params.DEFAULT.memoryKiB()
                ? ScryptRecipient.DEFAULT_LOG_N : 10;
    }

    /** @param workFactor the scrypt work factor's base-2 logarithm (age's default is 18; tests use less) */
    public VaultBackups(int workFactor) {
        this.workFactor = workFactor;
    }

    /**
     * Writes the vault in {@code dir} to {@code out} (a new file, written under a temporary name and
     * renamed: a failure leaves nothing under that name). Holds the vault's lock while copying, so
     * nothing changes it meanwhile and VAULT_ALREADY_OPEN says so if someone has it open. The
     * caller has checked the vault's passphrase; the files themselves stay as encrypted as they are.
     */
    public void backup(Path dir, char[] backupPassphrase, Path out) {
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new TanikException(Problem.FILE_EXISTS, String.valueOf(out.getFileName()));
        }
        if (out.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize())) {
            throw new TanikException(Problem.BACKUP_INSIDE_VAULT);
        }
        try (VaultLock lock = VaultLock.acquire(dir)) {
            List<Path> files = files(dir);
            createParent(out);
            ScryptRecipient recipient = new ScryptRecipient(backupPassphrase, workFactor);
            try {
                AtomicFiles.createNew(out, stream -> {
                    try (OutputStream age = AgeEncryptor.encrypt(List.of(recipient), new KeepOpenOutputStream(stream))) {
                        TarWriter tar = new TarWriter(age, 0);
                        for (Path f : files) {
                            try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
                                tar.add(name(dir, f), Files.size(f), in);
                            }
                        }
                        tar.finish();
                    }
                    return null;
                });
            } finally {
                recipient.destroy();
            }
        }
    }

    /**
     * Unpacks a backup into {@code dir}, which must not hold anything yet: into a temporary sibling
     * folder first, renamed to {@code dir} only when every entry was read, authenticated and written
     * (all or nothing). Refuses a wrong passphrase (BACKUP_WRONG_PASSPHRASE), and an archive with
     * anything but regular files under safe relative names, or that is not a vault, or is damaged
     * (BACKUP_DAMAGED); nothing is left behind then.
     */
    public void restore(Path backup, char[] passphrase, Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        requireEmpty(target);
        Path temp = target.resolveSibling("." + target.getFileName() + ".restoring-" + UUID.randomUUID());
        ScryptIdentity identity = new ScryptIdentity(passphrase);
        try {
            Files.createDirectories(temp);
            OwnerOnly.apply(temp);
            try (InputStream file = Files.newInputStream(backup);
                 InputStream plain = AgeDecryptor.decrypt(file, List.of(identity))) {
                unpack(new TarReader(plain, Long.MAX_VALUE), temp);
            }
            if (!Vaults.exists(temp)) {
                throw new TanikException(Problem.BACKUP_DAMAGED);
            }
            OwnerOnly.apply(temp);
            requireEmpty(target);
            Files.deleteIfExists(target); // an empty folder the person made for it
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.syncDirectory(target.getParent());
        } catch (AgeException e) {
            throw e.kind() == AgeException.Kind.NO_MATCH
                    ? new TanikException(Problem.BACKUP_WRONG_PASSPHRASE)
                    : new TanikException(Problem.BACKUP_DAMAGED, e);
        } catch (BundleException e) {
            throw new TanikException(Problem.BACKUP_DAMAGED, e);
        } catch (NoSuchFileException e) {
            throw new TanikException(Problem.IO_FAILURE, e, backup.toString());
        } catch (IOException e) {
            throw AtomicFiles.failure(e, target);
        } finally {
            identity.destroy();
            deleteQuietly(temp);
        }
    }

    private static void unpack(TarReader tar, Path temp) throws IOException, BundleException {
        Set<String> seen = new HashSet<>();
        for (TarReader.Header h = tar.next(); h != null; h = tar.next()) {
            String name = h.name();
            if (!EntryPaths.isSafe(name) || lastSegment(name).equals(LOCK) || !seen.add(name)) {
                throw new TanikException(Problem.BACKUP_DAMAGED);
            }
            Path target = temp.resolve(name).normalize();
            if (!target.startsWith(temp)) { // isSafe already refuses "..": this is the second lock
                throw new TanikException(Problem.BACKUP_DAMAGED);
            }
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE)) {
                tar.copyContent(h.size(), out);
            } catch (FileAlreadyExistsException e) {
                // "a" after "a/b" was made a folder, or the other way round
                throw new TanikException(Problem.BACKUP_DAMAGED);
            }
        }
        tar.expectEnd();
    }

    /** Every regular file under {@code dir} but the lock file, in a stable order; refuses anything else. */
    private static List<Path> files(Path dir) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted()::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || p.equals(dir.resolve(LOCK))) {
                    continue;
                }
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    // A link could make the backup carry something from outside the vault.
                    throw new TanikException(Problem.BACKUP_UNSUPPORTED_FILE, dir.relativize(p).toString());
                }
                files.add(p);
            }
        } catch (IOException e) {
            throw new TanikException(Problem.IO_FAILURE, e, dir.toString());
        }
        return files;
    }

    private static String name(Path dir, Path file) {
        String name = dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        if (!EntryPaths.isSafe(name)) {
            // Tanik names its files itself: this is something else someone put in the folder.
            throw new TanikException(Problem.BACKUP_UNSUPPORTED_FILE, name);
        }
        return name;
    }

    private static void createParent(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw AtomicFiles.failure(e, file);
        }
    }

    private static String lastSegment(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** Nothing may be lost to a restore: {@code dir} is missing or an empty folder. */
    private static void requireEmpty(Path dir) {
        if (Vaults.exists(dir)) {
            throw new TanikException(Problem.VAULT_EXISTS, dir.toString());
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        boolean empty;
        try (Stream<Path> entries = Files.list(dir)) {
            empty = entries.findAny().isEmpty();
        } catch (IOException e) {
            empty = false; // not a folder, or not readable: not one to restore into
        }
        if (!empty) {
            throw new TanikException(Problem.RESTORE_FOLDER_NOT_EMPTY, dir.toString());
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Only encrypted vault files, under a dot-name: nothing readable is left.
        }
    }
}
