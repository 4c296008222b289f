package org.tanik.store.layering;

import org.tanik.session.VaultAccess;

/**
 * A deliberate violation for ArchitectureTest: a store class that calls upward into a use case. It
 * lives in the test tree only, so the real rule never sees it.
 */
public final class StoreThatCallsADesk {

    private StoreThatCallsADesk() {
    }

    static boolean exists(VaultAccess access, java.nio.file.Path dir) {
        return access.exists(dir);
    }
}
