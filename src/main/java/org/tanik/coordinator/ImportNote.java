package org.tanik.coordinator;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import org.tanik.bundle.BundleException;
import org.tanik.error.Bundles;

/**
 * A reason or note of an import verdict as a stable key and its arguments, so the command line and
 * the desktop app can each say it in the chosen language. Keys {@code import.*} live in the
 * {@code imports} bundle; bundle-format reasons keep their own keys and sentences.
 */
public record ImportNote(String key, List<String> args) {

    static final String BUNDLE = "org.tanik.i18n.imports";

    public ImportNote {
        args = List.copyOf(args);
    }

    static ImportNote of(String key, Object... args) {
        return new ImportNote(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    static ImportNote of(BundleException.Reason reason) {
        return new ImportNote(reason.key(), List.of());
    }

    /**
     * A stable code for scripts: a bundle-format reason's own name (ENTRY_HASH_MISMATCH), or the key
     * after "import.reason." in upper snake case (import.reason.otherRecipients: OTHER_RECIPIENTS;
     * import.reason.invalid.notSealed: INVALID_NOT_SEALED).
     */
    public String code() {
        for (BundleException.Reason r : BundleException.Reason.values()) {
            if (r.key().equals(key)) {
                return r.name();
            }
        }
        String tail = key.startsWith("import.reason.") ? key.substring("import.reason.".length()) : key;
        return tail.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    public String text(Locale locale) {
        if (key.startsWith("bundle.error.")) {
            for (BundleException.Reason r : BundleException.Reason.values()) {
                if (r.key().equals(key)) {
                    return new BundleException(r).message(locale);
                }
            }
        }
        try {
            return new MessageFormat(Bundles.of(BUNDLE, locale).getString(key), locale).format(args.toArray());
        } catch (MissingResourceException e) {
            return key + " " + args;
        }
    }
}
