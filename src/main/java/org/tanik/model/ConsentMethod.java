package org.tanik.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the witness gave consent. The code is what files and bundles carry. */
public enum ConsentMethod {
    /** Given orally, and the giving was recorded (audio of the interview). */
    ORAL("oral"),
    /** Written and signed; a photo of the signed form is attached. */
    WRITTEN("written");

    private final String code;

    ConsentMethod(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The method for a code; an unknown code is refused, never guessed. */
    @JsonCreator
    public static ConsentMethod of(String code) {
        for (ConsentMethod m : values()) {
            if (m.code.equals(code)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown consent method");
    }
}
