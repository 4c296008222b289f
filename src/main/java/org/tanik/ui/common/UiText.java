package org.tanik.ui.common;

import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;
import org.tanik.config.SettingsStore;
import org.tanik.i18n.Messages;
import org.tanik.i18n.Texts;

/**
 * Every visible string of one language: the UI bundle plus the core's error sentences.
 * A new instance is made when the user switches language; screens are then rebuilt.
 */
public final class UiText {

    public static final String BUNDLE = "org.tanik.ui.i18n.ui";

    private final Locale locale;
    private final Texts texts;
    private final Messages errors;
    private final Dates dates;

    public UiText(Locale locale) {
        this.locale = locale;
        this.texts = Texts.of(BUNDLE, locale);
        this.errors = new Messages(locale);
        this.dates = new Dates(locale, ZoneId.systemDefault());
    }

    public Locale locale() {
        return locale;
    }

    /** How dates and times are written in this language, the same on every screen. */
    public Dates dates() {
        return dates;
    }

    public ResourceBundle bundle() {
        return texts.bundle();
    }

    public String get(String key) {
        // A missing key must not break a screen; the bundle test catches it before release.
        return texts.get(key);
    }

    public String format(String key, Object... args) {
        return texts.format(key, args);
    }

    /**
     * A language's name as the language lists show it: written in that language ("Kurmancî",
     * "العربية"), followed in this language by "(review welcome)" while its translation is not yet
     * reviewed ({@link SettingsStore#UNREVIEWED}).
     */
    public String languageName(String code) {
        String name = get("language." + code);
        return SettingsStore.UNREVIEWED.contains(code) ? format("language.reviewWelcome", name) : name;
    }

    /** One translated sentence for a failure; never the exception's own text. */
    public String error(Throwable t) {
        return errors.describe(t);
    }
}
