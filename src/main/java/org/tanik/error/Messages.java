package org.tanik.error;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.tanik.i18n.Bundles;

/** Turns a {@link TanikException} into one translated sentence for a person to read. */
public final class Messages {

    public static final String BUNDLE = "org.tanik.i18n.errors";

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = Bundles.of(BUNDLE, locale);
    }

    public String describe(TanikException e) {
        return format(e.problem().key(), e.args().toArray());
    }

    /** A sentence for any failure; unexpected ones get a generic text, never their raw message. */
    public String describe(Throwable t) {
        if (t instanceof TanikException te) {
            return describe(te);
        }
        if (t instanceof org.tanik.bundle.BundleException be) {
            return be.message(locale);
        }
        return format("error.unexpected", t.getClass().getSimpleName());
    }

    public String format(String key, Object... args) {
        try {
            return new MessageFormat(bundle.getString(key), locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
