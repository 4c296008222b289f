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

    /** True when the session's keys were wiped (every byte zero): what locking must leave behind. */
    public static boolean keysWiped(VaultSession session) {
        return org.tanik.store.vault.MasterKeyProbe.wiped(session.masterKey());
    }
}
