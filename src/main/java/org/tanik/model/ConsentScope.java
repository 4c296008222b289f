package org.tanik.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One thing the witness agreed to, as a separate yes/no choice: what is not listed in a consent
 * record was not agreed to. The code is what files and bundles carry.
 */
public enum ConsentScope {
    /** Store the testimony and use it for documentation. */
    DOCUMENTATION("documentation"),
    /** Share it with partner organisations. */
    PARTNERS("partners"),
    /** Use it in reports without the witness's name. */
    REPORTS_ANONYMOUS("reports-anonymous"),
    /** Use it in reports with the witness's name. */
    REPORTS_NAMED("reports-named"),
    /** Submit it to UN bodies or courts such as the European Court of Human Rights. */
    UN_COURTS("un-courts"),
    /** Contact the witness again. */
    RECONTACT("recontact");

    private final String code;

    ConsentScope(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The scope for a code; an unknown code is refused, never guessed. */
    @JsonCreator
    public static ConsentScope of(String code) {
        for (ConsentScope s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown consent scope");
    }
}
