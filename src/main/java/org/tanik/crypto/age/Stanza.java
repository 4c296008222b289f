package org.tanik.crypto.age;

import java.util.List;

/**
 * One recipient stanza: arguments (the first one names the type) and a binary body.
 * Immutable; arrays are copied in and out.
 */
public final class Stanza {
    private final List<String> args;
    private final byte[] body;

    /**
     * @param args at least one argument, each 1+ printable ASCII characters without spaces
     * @param body the raw body bytes
     */
    public Stanza(List<String> args, byte[] body) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("a stanza needs at least one argument");
        }
        for (String a : args) {
            if (!isValidArgument(a)) {
                throw new IllegalArgumentException("invalid stanza argument");
            }
        }
        this.args = List.copyOf(args);
        this.body = body.clone();
    }

    static boolean isValidArgument(String a) {
        if (a.isEmpty()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** The first argument, which identifies the recipient type. */
    public String type() {
        return args.get(0);
    }

    public List<String> args() {
        return args;
    }

    public byte[] body() {
        return body.clone();
    }

    int bodyLength() {
        return body.length;
    }
}
