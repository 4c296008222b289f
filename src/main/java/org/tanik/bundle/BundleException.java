package org.tanik.bundle;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Why a bundle was refused. Each reason has one fixed English sentence (the message) and a
 * resource-bundle key for translation ({@code org.tanik.i18n.bundle}). Messages never carry
 * testimony text or key material; {@link #detail()} may name an entry path or a limit, which are
 * not secret (paths hold only record ids).
 */
public final class BundleException extends Exception {
    private static final long serialVersionUID = 1L;

    /** One reason per thing a coordinator can be told about a refused bundle. */
    public enum Reason {
        READ_FAILED("The bundle file could not be read."),
        TRUNCATED("The bundle file is incomplete: it was cut short while being copied or sent. Ask for it again."),
        HEADER_DAMAGED("The bundle's encryption header is damaged, or this is not a bundle file."),
        PAYLOAD_DAMAGED("The bundle's encrypted content was changed or cut short, so it cannot be trusted."),
        WRONG_RECIPIENT("This bundle cannot be opened with this organisation's key: it was encrypted for someone else, or its key slot is damaged."),
        RECIPIENT_NOT_LISTED("This bundle was re-encrypted: the key that opened it is not one the device addressed it to."),
        ARCHIVE_MALFORMED("The archive inside the bundle is malformed."),
        MANIFEST_MISSING("The bundle does not start with its manifest."),
        MANIFEST_INVALID("The bundle's manifest is not valid."),
        DUPLICATE_KEY("The bundle contains JSON with a repeated field name, which is not allowed."),
        UNSUPPORTED_VERSION("This bundle was made by a newer or unknown version of Tanik; update Tanik to open it."),
        SIGNATURE_MISSING("The bundle's device signature is missing or malformed."),
        BAD_SIGNATURE("The device signature does not match the manifest: the bundle was changed after it was signed, or the signature is damaged."),
        SIGNED_BY_OTHER_DEVICE("The bundle names one device but was signed by another enrolled device."),
        TOO_MANY_ENTRIES("The bundle has more entries than allowed."),
        ENTRY_TOO_LARGE("An entry in the bundle is larger than allowed."),
        TOO_MUCH_DATA("The bundle holds more data than allowed."),
        OVER_DEVICE_LIMIT("This bundle is larger than a device that is not approved yet may send. Compare fingerprints with the volunteer and approve the device, then import the bundle again."),
        UNSAFE_PATH("An entry in the bundle has a name that is not allowed (absolute, with '..', or unusual characters)."),
        DUPLICATE_ENTRY("An entry appears twice in the bundle."),
        ENTRY_MISSING("An entry listed in the manifest is missing from the bundle or out of order."),
        ENTRY_NOT_IN_MANIFEST("The bundle contains an entry that its manifest does not list."),
        ENTRY_SIZE_MISMATCH("An entry's size differs from the size in the manifest."),
        ENTRY_HASH_MISMATCH("An entry's content differs from the manifest (SHA-256 mismatch)."),
        TRAILING_DATA("There is unexpected data after the end of the archive."),
        RECORD_INVALID("A testimony record in the bundle is not valid.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        /** The fixed English sentence. */
        public String message() {
            return message;
        }

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
        super(reason.message(), cause);
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
        // No fallback to the system locale: English chosen on a Turkish system stays English.
        ResourceBundle sentences = ResourceBundle.getBundle(MESSAGES, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            return new MessageFormat(sentences.getString(reason.key()), locale).format(new Object[0]);
        } catch (MissingResourceException e) {
            return reason.message();
        }
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
