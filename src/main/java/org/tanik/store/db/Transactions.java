package org.tanik.store.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs a group of writes as one transaction on the vault's connection: all are stored, or none. */
public final class Transactions {

    public interface SqlWork {
        void run() throws SQLException;
    }

    private Transactions() {
    }

    /** The caller holds the vault's monitor, so no other work interleaves on the connection. */
    public static void run(Connection connection, SqlWork work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
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
