package org.tanik.bundle;

import java.util.Locale;
import org.tanik.i18n.Keyed;
import org.tanik.i18n.Texts;

/**
 * Why a bundle was refused. Each reason is a key into {@code org.tanik.i18n.bundle}, whose root
 * bundle holds the English sentence; the exception's own message is the reason's code. Messages never carry
 * testimony text or key material; {@link #detail()} may name an entry path or a limit, which are
 * not secret (paths hold only record ids).
 */
public final class BundleException extends Exception implements Keyed {
    private static final long serialVersionUID = 1L;

    /** One reason per thing a coordinator can be told about a refused bundle. */
    public enum Reason {
        READ_FAILED,
        TRUNCATED,
        HEADER_DAMAGED,
        PAYLOAD_DAMAGED,
        WRONG_RECIPIENT,
        RECIPIENT_NOT_LISTED,
        ARCHIVE_MALFORMED,
        MANIFEST_MISSING,
        MANIFEST_INVALID,
        DUPLICATE_KEY,
        UNSUPPORTED_VERSION,
        SIGNATURE_MISSING,
        BAD_SIGNATURE,
        SIGNED_BY_OTHER_DEVICE,
        TOO_MANY_ENTRIES,
        ENTRY_TOO_LARGE,
        TOO_MUCH_DATA,
        OVER_DEVICE_LIMIT,
        UNSAFE_PATH,
        DUPLICATE_ENTRY,
        ENTRY_MISSING,
        ENTRY_NOT_IN_MANIFEST,
        ENTRY_SIZE_MISMATCH,
        ENTRY_HASH_MISMATCH,
        TRAILING_DATA,
        RECORD_INVALID;

        /** The key of this reason's sentence in the {@code org.tanik.i18n.bundle} resource bundle. */
        public String key() {
            return "bundle.error." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** Resource-bundle family holding a sentence for every {@link Reason}. */
    public static final String MESSAGES = "org.tanik.i18n.bundle";

    private final Reason reason;
    private final String detail;

    public BundleException(Reason reason) {
        this(reason, null, null);
    }

    public BundleException(Reason reason, String detail) {
        this(reason, detail, null);
    }

    public BundleException(Reason reason, String detail, Throwable cause) {
        // No stack-trace suppression: these travel to logs only as reason + detail.
        super(reason.name(), cause);
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * The reason's sentence in {@code locale} (English when the language has no translation), for the
     * UI and CLI edge. Never the detail: that is for logs and support, not for the sentence.
     */
    public String message(Locale locale) {
        return Texts.describe(this, locale);
    }

    @Override
    public String family() {
        return MESSAGES;
    }

    @Override
    public String key() {
        return reason.key();
    }

    /** A non-secret hint (entry path, limit name), or null. */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return "BundleException[" + reason + (detail == null ? "" : ": " + detail) + "]";
    }
}
