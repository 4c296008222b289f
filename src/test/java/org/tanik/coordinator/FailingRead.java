package org.tanik.coordinator;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.Trigger;

/**
 * Test-only fault injection, the read-side sibling of {@link FailingWrite}: an H2 SELECT trigger that
 * makes every query of one table fail as an unreadable file does (error 90028), until {@link #remove}.
 */
public final class FailingRead implements Trigger {

    private static final String NAME = "TEST_FAILING_READ";
    /** How many queries the trigger failed. */
    public static final AtomicInteger failures = new AtomicInteger();

    public static void install(Connection c, String table) throws SQLException {
        failures.set(0);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER " + NAME + " BEFORE SELECT ON " + table + " CALL \"" + FailingRead.class.getName()
                    + "\"");
        }
    }

    public static void remove(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS " + NAME);
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        failures.incrementAndGet();
        throw new SQLException("IO Exception: \"Input/output error\"", "HY000", 90028,
                new IOException("Input/output error"));
    }
}
