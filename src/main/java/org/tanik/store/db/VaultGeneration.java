package org.tanik.store.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import org.tanik.error.TanikException;
import org.tanik.files.AtomicFiles;
import org.tanik.store.vault.RecordCipher;

/**
 * Tells when H2 opened a vault at an earlier commit than the one it was last closed with. H2 does
 * that without an error when its newest commit is damaged (security.md), and what was saved last is
 * then missing: the user must be told. A counter in the database is raised when the vault closes and
 * after each import, and a sealed copy of it is written next to the database. A counter read back
 * lower than its copy means the database went back.
 *
 * <p>The copy is written after the counter is committed, so a crash between the two leaves the
 * database ahead of its copy, which is not reported. A lost commit after the last raise is not seen.
 */
public final class VaultGeneration {

    public static final String FILE_NAME = "tanik.generation";

    private final Path file;
    private final RecordCipher cipher;
    private final String vaultId;

    public VaultGeneration(Path vaultDirectory, RecordCipher cipher, String vaultId) {
        this.file = vaultDirectory.resolve(FILE_NAME);
        this.cipher = cipher;
        this.vaultId = vaultId;
    }

    /** True when the database holds an earlier generation than the one recorded beside it. */
    public boolean wentBack(Connection connection) throws SQLException {
        OptionalLong recorded = recorded();
        return recorded.isPresent() && inDatabase(connection) < recorded.getAsLong();
    }

    /** Raises the counter in its own commit, then records the new value beside the database. */
    public void advance(Connection connection) throws SQLException, IOException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("UPDATE vault_generation SET generation = generation + 1 WHERE id = 1");
        }
        long now = inDatabase(connection);
        AtomicFiles.write(file, cipher.seal("generation", vaultId, 0, "-", ByteBuffer.allocate(Long.BYTES).putLong(now).array()));
    }

    private static long inDatabase(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT generation FROM vault_generation WHERE id = 1")) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    /**
     * The recorded copy; empty when there is none (a vault never closed since this check was added)
     * or it cannot be read or authenticated, since then nothing can be told either way.
     */
    OptionalLong recorded() {
        try {
            byte[] plain = cipher.open("generation", vaultId, 0, "-", Files.readAllBytes(file));
            return plain.length == Long.BYTES ? OptionalLong.of(ByteBuffer.wrap(plain).getLong()) : OptionalLong.empty();
        } catch (IOException | TanikException e) {
            return OptionalLong.empty();
        }
    }
}
