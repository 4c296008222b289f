package org.tanik.store;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.tanik.crypto.Random;
import org.tanik.crypto.Secrets;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.store.db.Database;
import org.tanik.store.vault.KeyFile;
import org.tanik.store.vault.MasterKey;
import org.tanik.store.vault.OwnerOnly;

/**
 * The compartments of a format-2 vault folder: two folders with random-looking names (32 hex
 * digits), each holding a database, its generation mark and its attachments. One is the real vault;
 * the other is a decoy or chaff (an empty vault under a key nobody keeps), made the same way, so the
 * two cases look alike on disk.
 */
final class Compartments {

    private Compartments() {
    }

    static String newName() {
        return HexFormat.of().formatHex(Random.bytes(KeyFile.NAME_BYTES));
    }

    static boolean isCompartmentName(String name) {
        return name.length() == 2 * KeyFile.NAME_BYTES && name.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    /** The compartment folders of {@code vaultDir} other than {@code except}. */
    static List<Path> others(Path vaultDir, String except) {
        try (Stream<Path> entries = Files.list(vaultDir)) {
            return entries.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> isCompartmentName(p.getFileName().toString()))
                    .filter(p -> !p.getFileName().toString().equals(except)).toList();
        } catch (IOException e) {
            throw new TanikException(Problem.IO_FAILURE, e, vaultDir.toString());
        }
    }

    /**
     * Makes a new empty vault in compartment {@code name} under {@code masterKey}, lets {@code fill}
     * add to it while open, and locks it. Chaff is this with a key that is wiped right after.
     */
    static void make(Path vaultDir, String name, String vaultId, byte[] masterKey, Vaults vaults,
                     Consumer<VaultSession> fill) {
        Path dir = vaultDir.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new TanikException(Problem.IO_FAILURE, e, vaultDir.toString());
        }
        MasterKey key = new MasterKey(masterKey);
        Connection c = Database.open(dir, key, true);
        try (VaultSession s = new VaultSession(vaultDir, dir, vaultId, key, c, null, vaults.clock(), vaults.params(),
                -1, KeyFile.FLAG_DECOY)) {
            fill.accept(s);
        }
        OwnerOnly.apply(dir);
    }

    /** An empty compartment under a random key nobody keeps. */
    static void makeChaff(Path vaultDir, String name, String vaultId, Vaults vaults) {
        byte[] raw = Random.bytes(MasterKey.BYTES);
        try {
            make(vaultDir, name, vaultId, raw, vaults, s -> { });
        } finally {
            Secrets.wipe(raw);
        }
    }

    /** Deletes a folder and everything in it (files are deleted, not overwritten: they are ciphertext). */
    static void delete(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new TanikException(Problem.IO_FAILURE, e, dir.getFileName().toString());
        }
    }
}
