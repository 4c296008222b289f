package org.tanik.coordinator;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import org.tanik.bundle.BundleException;
import org.tanik.i18n.Texts;

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
        java.util.Optional<BundleException.Reason> reason = bundleReason();
        if (reason.isPresent()) {
            return reason.get().name();
        }
        String tail = key.startsWith("import.reason.") ? key.substring("import.reason.".length()) : key;
        return tail.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** The bundle-format reason this note carries, if it is one (they keep their own keys and sentences). */
    private java.util.Optional<BundleException.Reason> bundleReason() {
        return java.util.Arrays.stream(BundleException.Reason.values()).filter(r -> r.key().equals(key)).findFirst();
    }

    public String text(Locale locale) {
        java.util.Optional<BundleException.Reason> reason = bundleReason();
        if (reason.isPresent()) {
            return new BundleException(reason.get()).message(locale);
        }
        try {
            return Texts.format(Texts.of(BUNDLE, locale).bundle().getString(key), locale, args.toArray());
        } catch (MissingResourceException e) {
            return key + " " + args;
        }
    }
}
