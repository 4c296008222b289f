package org.tanik.coordinator;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.tanik.i18n.Texts;
import org.tanik.store.coordinator.AuditDetail;
import org.tanik.store.coordinator.AuditLog;

/**
 * Says audit details and archive-check findings in one language, for the desktop app and the
 * command line alike. Keys {@code import.*} and {@code bundle.error.*} are the importer's own
 * sentences; every other key lives in the {@code audit} bundle.
 */
public final class AuditText {

    public static final String BUNDLE = "org.tanik.i18n.audit";

    private final Locale locale;
    private final ResourceBundle bundle;

    public AuditText(Locale locale) {
        this.locale = locale;
        this.bundle = Texts.of(BUNDLE, locale).bundle();
    }

    /**
     * An entry's detail as a sentence: a structured detail in this language; an older plain-text entry
     * translated when it has one of the shapes this release's writers used, else as it was written.
     * Null when the entry cannot be read (it was altered).
     */
    public String detail(AuditLog.Entry entry) {
        if (entry.detail() == null) {
            return null;
        }
        return AuditDetail.decode(entry.detail())
                .or(() -> LegacyAuditDetails.parse(entry.action(), entry.detail()))
                .map(this::format)
                .orElse(entry.detail());
    }

    public String format(AuditDetail detail) {
        Object[] args = detail.args().stream().map(a -> a instanceof AuditDetail d ? format(d) : a).toArray();
        if (detail.key().startsWith("import.") || detail.key().startsWith("bundle.error.")) {
            return new ImportNote(detail.key(), java.util.Arrays.stream(args).map(String::valueOf).toList())
                    .text(locale);
        }
        return format(detail.key(), args);
    }

    public String format(String key, Object... args) {
        try {
            return Texts.format(bundle.getString(key), locale, args);
        } catch (MissingResourceException | IllegalArgumentException e) {
            // A key from a newer release, or arguments of another shape: still show what was recorded.
            return args.length == 0 ? key
                    : key + ": " + List.of(args).stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
    }
}
