package org.tanik.i18n;

import java.util.Locale;
import java.util.ResourceBundle;

/** Loads Tanik's translated sentences the one way they must be loaded. */
public final class Bundles {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Bundles() {
    }

    /**
     * The bundle {@code name} for {@code locale}, never for the system's locale: the root bundle is
     * English, and English chosen on a Turkish system must stay English.
     */
    public static ResourceBundle of(String name, Locale locale) {
        return ResourceBundle.getBundle(name, locale, NO_FALLBACK);
    }
}
