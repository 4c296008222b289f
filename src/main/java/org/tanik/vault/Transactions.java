package org.tanik.vault;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs a group of writes as one transaction on the vault's connection: all are stored, or none. */
public final class Transactions {

    interface SqlWork {
        void run() throws SQLException;
    }

    public static final long[] WORK = new long[1];
    private Transactions() {
    }

    /** The caller holds the vault's monitor, so no other work interleaves on the connection. */
    static void run(Connection connection, SqlWork work) {
        try {
            connection.setAutoCommit(false);
            try {
                long t0 = System.nanoTime();
                work.run();
                long t1 = System.nanoTime();
                connection.commit();
                long t2 = System.nanoTime();
                org.tanik.coordinator.Importer.T[7] += t2 - t1;
                WORK[0] += t1 - t0;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Database.translate(e);
        }
    }
}
