package org.tanik.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The sentences of one resource-bundle family in one language, and the one way they are formatted.
 * Loaded without falling back to the system's locale: the root bundle is English, and English chosen
 * on a Turkish system must stay English.
 */
public final class Texts {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The family {@code family} (e.g. {@code org.tanik.i18n.cli}) in {@code locale}. */
    public static Texts of(String family, Locale locale) {
        return new Texts(ResourceBundle.getBundle(family, locale, NO_FALLBACK), locale);
    }

    /** {@code keyed}'s sentence in {@code locale}. */
    public static String describe(Keyed keyed, Locale locale) {
        return of(keyed.family(), locale).format(keyed.key(), keyed.arguments());
    }

    public Locale locale() {
        return locale;
    }

    /** The underlying bundle, for APIs that take one (FXML loading, picocli help). */
    public ResourceBundle bundle() {
        return bundle;
    }

    /** The sentence, or the key itself where it is missing (the bundle test catches that before release). */
    public String get(String key) {
        return find(key).orElse(key);
    }

    public Optional<String> find(String key) {
        try {
            return Optional.of(bundle.getString(key));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    /** The sentence with its placeholders filled in the way of this language (numbers, dates). */
    public String format(String key, Object... args) {
        return format(get(key), locale, args);
    }

    /** A pattern filled in the way of {@code locale}: the one use of {@link MessageFormat}. */
    public static String format(String pattern, Locale locale, Object... args) {
        return new MessageFormat(pattern, locale).format(args);
    }
}
