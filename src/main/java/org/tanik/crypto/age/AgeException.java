package org.tanik.crypto.age;

import java.io.IOException;

/**
 * The single failure type of the age implementation. Messages are short, fixed English
 * phrases: they never carry key material, passphrases or plaintext.
 */
public final class AgeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Failure classes; they line up with the outcomes of the age test vectors. */
    public enum Kind {
        /** No identity could unwrap the file key. */
        NO_MATCH,
        /** The header is malformed, or a stanza addressed to an identity is invalid. */
        HEADER,
        /** The header MAC does not verify. */
        HMAC,
        /** A payload chunk failed to authenticate or the STREAM framing is wrong. */
        PAYLOAD,
        /** The payload ended before a final chunk. */
        TRUNCATED,
        /** The ASCII armor is not strict PEM. */
        ARMOR
    }

    private final Kind kind;

    public AgeException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public AgeException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static AgeException header(String message) {
        return new AgeException(Kind.HEADER, message);
    }

    static AgeException payload(String message) {
        return new AgeException(Kind.PAYLOAD, message);
    }

    static AgeException armor(String message) {
        return new AgeException(Kind.ARMOR, message);
    }
}
