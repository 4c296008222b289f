package org.tanik.model.json;

/**
 * Why strict reading refused its input, as a kind only: never the input's text, which may be
 * testimony, and no cause (Jackson's messages quote the input). The caller knows what it was reading
 * and says so: the bundle reader turns a kind into its own reason with the entry's path.
 */
public final class JsonRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    /** What was wrong. */
    public enum Kind {
        /** An object names the same key twice: said apart from other errors, as the bundle format requires. */
        DUPLICATE_KEY,
        /** Anything else: not JSON, not UTF-8, the wrong shape, type or spelling, a value the model refuses. */
        INVALID
    }

    private final Kind kind;

    JsonRefusal(Kind kind) {
        super(kind.name(), null, false, false); // hostile input is common here: no stack trace to fill
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
