package org.tanik.cli.layering;

import java.nio.file.Path;
import org.tanik.store.Vaults;

/**
 * A deliberate violation for ArchitectureTest: a face that opens a vault through the store instead
 * of the session use case. It lives in the test tree only, so the real rule never sees it.
 */
public final class FaceThatOpensTheStore {

    private FaceThatOpensTheStore() {
    }

    static boolean exists(Path dir) {
        return Vaults.exists(dir);
    }
}
