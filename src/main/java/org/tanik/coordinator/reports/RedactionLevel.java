package org.tanik.coordinator.reports;

/**
 * How much of a testimony an export keeps. Chosen at export and printed on every page. Redaction
 * removes data from the file; it never draws a box over text that is still there.
 */
public enum RedactionLevel {
    /** Everything, for the organisation's own lawyers. */
    FULL("full"),
    /** Every field marked confidential removed: the interviewee's identity and contact, names. */
    CONFIDENTIAL("confidential"),
    /** Also victims' names replaced by stable pseudonyms, sensitive exact dates reduced to the month. */
    ANONYMISED("anonymised");

    private final String code;

    RedactionLevel(String code) {
        this.code = code;
    }

    /** The word the command line and the audit log use. */
    public String code() {
        return code;
    }

    /** True for a level that keeps more than {@link #CONFIDENTIAL}: the desktop asks first. */
    public boolean keepsIdentities() {
        return this == FULL;
    }

    /** The level for a code; an unknown code is refused, never guessed. */
    public static RedactionLevel of(String code) {
        for (RedactionLevel l : values()) {
            if (l.code.equals(code)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown redaction level");
    }
}
