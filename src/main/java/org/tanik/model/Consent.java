package org.tanik.model;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the witness consented to, how, when and to whom. A testimony cannot be sealed without one;
 * a later withdrawal or narrowing is a new version like any other change.
 *
 * @param method        oral (recorded) or written (signed)
 * @param givenAt       when consent was given; null if not recorded
 * @param takenBy       who took it (the interviewer, usually): confidential, it names a person
 * @param scopes        what it covers; anything absent was not agreed to
 * @param formAttachment the id of the attachment holding the photo of a signed form, or null
 * @param note          anything the interviewer adds (conditions, limits)
 */
public record Consent(ConsentMethod method, Instant givenAt, @Confidential String takenBy, List<ConsentScope> scopes,
                      String formAttachment, String note) {
    public Consent {
        if (method == null) {
            throw new IllegalArgumentException("a consent record says how consent was given");
        }
        takenBy = Text.orEmpty(takenBy);
        // One order, no repeats: the same consent always reads and travels the same way.
        Set<ConsentScope> set = EnumSet.noneOf(ConsentScope.class);
        if (scopes != null) {
            set.addAll(scopes);
        }
        scopes = List.copyOf(set);
        note = Text.orEmpty(note);
    }

    public boolean covers(ConsentScope scope) {
        return scopes.contains(scope);
    }
}
