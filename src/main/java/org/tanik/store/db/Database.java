package org.tanik.store.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.tanik.crypto.Secrets;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.AtomicFiles;
import org.tanik.store.vault.MasterKey;

/**
 * Opens the vault's H2 database, file-encrypted with a key derived from the master key. Settings
 * that matter for secrecy: no trace file (it logs bound values in plain text), no server, no
 * console; the path is checked so no setting can be smuggled into the URL.
 */
public final class Database {

    static final String FILE_BASE = "tanik";
    public static final String FILE_NAME = FILE_BASE + ".mv.db";
    private static final String USER = "tanik";

    private Database() {
    }

    public static boolean exists(Path vaultDir) {
        return Files.exists(vaultDir.resolve(FILE_NAME));
    }

    public static Connection open(Path vaultDir, MasterKey key, boolean create) {
        String base = vaultDir.toAbsolutePath().resolve(FILE_BASE).toString();
        if (base.contains(";") || base.contains("\0")) {
            throw new TanikException(Problem.VAULT_FOLDER_NAME);
        }
        // WRITE_DELAY=0: a commit reaches the file before save() returns, so killing the process
        // never loses a testimony that was reported as saved (CrashSafetyTest).
        // QUERY_CACHE_SIZE: an import runs about a dozen distinct statements per bundle; with H2's
        // default of eight they evict each other and every one is parsed again.
        // MAX_COMPACT_TIME=0: no compaction when the vault closes; it gave back no measurable space
        // after imports and costs time on every lock. (The "Double mark" vaults that once would not
        // reopen after a compacting close were an H2 2.3.232 assertion failing in moveChunkInside,
        // switched on only because tests ran with -ea; without assertions, as shipped, they reopened
        // 40 of 40. Tests now run H2 without its assertions, as shipped: see pom.xml.)
        String url = "jdbc:h2:file:" + base + ";CIPHER=AES;TRACE_LEVEL_FILE=0;TRACE_LEVEL_SYSTEM_OUT=0"
                + ";DB_CLOSE_ON_EXIT=FALSE;FILE_LOCK=NO;WRITE_DELAY=0;QUERY_CACHE_SIZE=64;MAX_COMPACT_TIME=0"
                + ";IFEXISTS=" + (create ? "FALSE" : "TRUE");
        char[] file = key.databaseFilePassword();
        char[] user = key.databaseUserPassword();
        char[] password = new char[file.length + 1 + user.length];
        System.arraycopy(file, 0, password, 0, file.length);
        password[file.length] = ' ';
        System.arraycopy(user, 0, password, file.length + 1, user.length);
        Properties props = new Properties();
        props.put("user", USER);
        // H2 takes the password as char[] from the properties and wipes it after use.
        props.put("password", password);
        try {
            Connection c = DriverManager.getConnection(url, props);
            try {
                Migrations.migrate(c);
                return c;
            } catch (SQLException | RuntimeException | OutOfMemoryError e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw translateOpen(e);
        } catch (OutOfMemoryError e) {
            throw outOfMemory(e);
        } finally {
            Secrets.wipe(file, user, password);
        }
    }

    /**
     * Maps H2 failures during work on an open vault to problems. Never passes on H2's message: it can
     * quote row contents. Only the errors H2 raises for a file it cannot trust mean damage; a vault
     * closed under the work (locked) says so; anything else failed one transaction, which was undone,
     * and is not called damage.
     */
    public static TanikException translate(SQLException e) {
        return problem(e, switch (e.getErrorCode()) {
            case 90030, 90048, 90049 -> Problem.DATABASE_DAMAGED; // file corrupted, wrong format, wrong key
            case 90098, 90121, 90007 -> Problem.VAULT_LOCKED; // database or statement closed
            default -> Problem.DATABASE_ERROR;
        });
    }

    /**
     * Maps H2 failures while opening a vault: there, a file H2 cannot open for any reason but a full
     * disk or an I/O error is one it cannot read. "Already in use" (90020) is not mapped to "already
     * open": {@link VaultLock} is taken first and guards against other processes, so H2 says it only
     * after a damaged file failed to open in this process (H2 then keeps its channel locked).
     */
    static TanikException translateOpen(SQLException e) {
        return problem(e, Problem.DATABASE_DAMAGED);
    }

    /**
     * The heap ran out: its own problem, never damage. The error itself is dropped (a heap this full
     * has no room for its stack trace anyway) and the vault stays as it was on disk.
     */
    public static TanikException outOfMemory(OutOfMemoryError e) {
        return new TanikException(Problem.OUT_OF_MEMORY);
    }

    /** Out of memory, disk full and I/O errors first, whatever {@code otherwise} says. */
    private static TanikException problem(SQLException e, Problem otherwise) {
        Problem p = switch (e.getErrorCode()) {
            case 90108 -> Problem.OUT_OF_MEMORY;
            case 90100, 90101 -> Problem.DISK_FULL;
            case 90028 -> AtomicFiles.isDiskFull(e) ? Problem.DISK_FULL : Problem.IO_FAILURE;
            default -> causedByOutOfMemory(e) ? Problem.OUT_OF_MEMORY : otherwise;
        };
        return new TanikException(p, new SQLException("H2 error " + e.getErrorCode(), e.getSQLState(), e.getErrorCode()),
                p == Problem.IO_FAILURE ? FILE_NAME : "");
    }

    /** H2 can wrap the heap running out in another error code (e.g. the file store's "panic"). */
    private static boolean causedByOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    public static void driver() {
        org.h2.Driver.load();
    }
}
