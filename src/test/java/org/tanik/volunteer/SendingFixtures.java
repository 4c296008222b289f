package org.tanik.volunteer;

import org.tanik.store.VaultSession;

/** Enrols a vault with an invitation naming an intake, for tests outside this package. */
public final class SendingFixtures {
    private SendingFixtures() {
    }

    /** @param route "tor-only" or "direct-allowed"; null gives an invitation without an intake */
    public static void enrol(VaultSession v, String route) {
        SendingTest.enrol(v, route);
    }
}
