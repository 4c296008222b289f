package org.tanik.testing;

import java.time.Instant;
import java.util.List;
import org.tanik.model.Consent;
import org.tanik.model.ConsentMethod;
import org.tanik.model.ConsentScope;

/** A consent record for tests that seal testimonies: without one, sealing is refused. */
public final class Consents {

    public static final Consent ORAL = new Consent(ConsentMethod.ORAL, Instant.parse("2026-11-01T07:00:00Z"), "Ayşe",
            List.of(ConsentScope.DOCUMENTATION), null, "");

    private Consents() {
    }
}
