package org.tanik.store;

import java.sql.Connection;

/**
 * What tests may reach behind a vault's repositories: its raw connection, to alter rows the way an
 * attacker or a damaged disk would, or to make a write fail. Not part of the store's API: it lives
 * in the test tree, beside {@link VaultSession}, whose package-private accessor it uses.
 */
public final class StoreInternals {

    private StoreInternals() {
    }

    public static Connection connection(VaultSession session) {
        return session.connection();
    }
}
