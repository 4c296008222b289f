package org.tanik.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What every repository of one vault shares: the single connection, the record cipher and the
 * one monitor that serialises work on the connection.
 */
final class VaultDb {

    final Connection connection;
    final RecordCipher cipher;
    final Object lock;

    VaultDb(Connection connection, RecordCipher cipher, Object lock) {
        this.connection = connection;
        this.cipher = cipher;
        this.lock = lock;
    }

    interface Query<T> {
        T run() throws SQLException;
    }

    /** Runs one read or single-statement write under the monitor, translating H2's errors. */
    <T> T call(Query<T> query) {
        synchronized (lock) {
            try {
                return query.run();
            } catch (SQLException e) {
                throw Database.translate(e);
            }
        }
    }

    /** Runs several writes as one transaction under the monitor. */
    void transaction(Transactions.SqlWork work) {
        synchronized (lock) {
            Transactions.run(connection, work);
        }
    }

    PreparedStatement prepare(String sql) throws SQLException {
        return connection.prepareStatement(sql);
    }
}
