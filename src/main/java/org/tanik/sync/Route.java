package org.tanik.sync;

import java.util.Locale;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

/**
 * The organisation's rule for how its volunteers may reach the intake, carried in the signed
 * invitation. {@code TOR_ONLY} means a direct connection is never attempted: a proxy that is down
 * means "not sent".
 */
public enum Route {
    TOR_ONLY("tor-only"),
    DIRECT_ALLOWED("direct-allowed");

    private final String code;

    Route(String code) {
        this.code = code;
    }

    /** The name used on the command line and in invitations. */
    public String code() {
        return code;
    }

    public static Route parse(String code) {
        for (Route r : values()) {
            if (r.code.equals(code == null ? "" : code.toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new TanikException(Problem.INVALID_ROUTE);
    }
}
