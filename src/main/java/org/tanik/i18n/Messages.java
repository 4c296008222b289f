package org.tanik.i18n;

import java.util.Locale;

/** Turns a failure into one translated sentence for a person to read. */
public final class Messages {

    public static final String BUNDLE = "org.tanik.i18n.errors";

    private final Texts errors;

    public Messages(Locale locale) {
        this.errors = Texts.of(BUNDLE, locale);
    }

    /** A sentence for any failure; unexpected ones get a generic text, never their raw message. */
    public String describe(Throwable t) {
        if (t instanceof Keyed keyed) {
            return Texts.describe(keyed, errors.locale());
        }
        return format("error.unexpected", t.getClass().getSimpleName());
    }

    public String format(String key, Object... args) {
        return errors.format(key, args);
    }
}
