package org.tanik.store.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.tanik.store.vault.RecordCipher;

/**
 * What every repository of one vault shares: the single connection, the record cipher and the
 * one monitor that serialises work on the connection.
 */
public final class VaultDb {

    public final Connection connection;
    public final RecordCipher cipher;
    /** The one monitor that serialises every use of the connection, by every repository of this vault. */
    public final Object lock = new Object();
    private final List<Consumer<Boolean>> transactionEnd = new ArrayList<>();
    private boolean inTransaction;

    public VaultDb(Connection connection, RecordCipher cipher) {
        this.connection = connection;
        this.cipher = cipher;
    }

    public interface Query<T> {
        T run() throws SQLException;
    }

    /** Runs one read or single-statement write under the monitor, translating H2's errors. */
    public <T> T call(Query<T> query) {
        synchronized (lock) {
            try {
                return query.run();
            } catch (SQLException e) {
                throw Database.translate(e);
            }
        }
    }

    /**
     * Runs several writes as one transaction under the monitor. Called again from inside the work,
     * it joins the transaction already open, so a repository can group its writes without knowing
     * whether the caller does too.
     */
    public void transaction(Transactions.SqlWork work) {
        synchronized (lock) {
            if (inTransaction) {
                try {
                    work.run();
                } catch (SQLException e) {
                    throw Database.translate(e);
                }
                return;
            }
            inTransaction = true;
            boolean committed = false;
            try {
                Transactions.run(connection, work);
                committed = true;
            } finally {
                inTransaction = false;
                List<Consumer<Boolean>> listeners = List.copyOf(transactionEnd);
                transactionEnd.clear();
                for (Consumer<Boolean> l : listeners) {
                    l.accept(committed);
                }
            }
        }
    }

    /**
     * Tells {@code listener} whether the current transaction committed, when it ends; outside a
     * transaction, at once with true. For in-memory state that must follow the database.
     */
    public void afterTransaction(Consumer<Boolean> listener) {
        synchronized (lock) {
            if (inTransaction) {
                transactionEnd.add(listener);
            } else {
                listener.accept(true);
            }
        }
    }

    public PreparedStatement prepare(String sql) throws SQLException {
        return connection.prepareStatement(sql);
    }
}
