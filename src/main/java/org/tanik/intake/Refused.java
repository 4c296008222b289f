package org.tanik.intake;

import org.tanik.sync.Refusal;

/** A request the intake refuses: the status and code of {@link Refusal}, and a short English text for operators. */
final class Refused extends RuntimeException {

    final Refusal refusal;

    Refused(Refusal refusal, String text) {
        super(text, null, false, false);
        this.refusal = refusal;
    }
}
