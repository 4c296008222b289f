package org.tanik.coordinator;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.Trigger;

/**
 * Test-only fault injection inside the database itself: an H2 row trigger that makes one chosen
 * write fail with the SQLException H2 gives when its file cannot be written (error 90028 with the
 * operating system's reason) or when it fails inside (50000), so the import meets a real failed statement in the middle of its
 * transaction, through the production code unchanged. Installed on a test vault's connection with
 * {@link #install} and removed with {@link #remove}; one at a time.
 */
public final class FailingWrite implements Trigger {

    /** What the failed write says, as the operating system would. */
    public enum Cause {
        DISK_FULL("No space left on device"),
        IO_ERROR("Input/output error"),
        /** Not the disk: H2's general error (50000), as it reports an internal failure it has no code for. */
        GENERAL("internal failure");

        public final String reason;

        Cause(String reason) {
            this.reason = reason;
        }
    }

    private static final String NAME = "TEST_FAILING_WRITE";
    private static volatile String column;
    private static volatile String value;
    private static volatile Cause cause;
    /** How many times the trigger failed a write. */
    public static final AtomicInteger failures = new AtomicInteger();

    private int index = -1;

    /**
     * Makes the next inserts into {@code table} whose {@code column} equals {@code value} fail
     * (before the row is written), until {@link #remove}.
     */
    public static void install(Connection c, String table, String column, String value, Cause cause) throws SQLException {
        FailingWrite.column = column.toUpperCase(java.util.Locale.ROOT);
        FailingWrite.value = value;
        FailingWrite.cause = cause;
        failures.set(0);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER " + NAME + " BEFORE INSERT ON " + table + " FOR EACH ROW CALL \""
                    + FailingWrite.class.getName() + "\"");
        }
    }

    public static void remove(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS " + NAME);
        }
    }

    @Override
    public void init(Connection conn, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (ResultSet r = conn.getMetaData().getColumns(null, schema, table, column)) {
            if (!r.next()) {
                throw new SQLException("no column " + column + " in " + table);
            }
            index = r.getInt("ORDINAL_POSITION") - 1;
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        Object v = newRow[index];
        if (value.equals(v instanceof UUID u ? u.toString() : String.valueOf(v))) {
            failures.incrementAndGet();
            if (cause == Cause.GENERAL) {
                throw new SQLException("General error: \"java.lang.IllegalStateException: " + cause.reason + "\"",
                        "HY000", 50000, new IllegalStateException(cause.reason));
            }
            throw new SQLException("IO Exception: \"" + cause.reason + "\"", "HY000", 90028,
                    new IOException(cause.reason));
        }
    }
}
