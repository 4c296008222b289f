package org.tanik.error;

/**
 * Everything a user can cause or meet, as a stable code. The UI and CLI turn a code into a
 * translated sentence through the {@code errors} resource bundle (key {@code error.<code>}).
 */
public enum Problem {
    WRONG_PASSPHRASE,
    WEAK_PASSPHRASE,
    PASSPHRASES_DIFFER,
    NO_PASSPHRASE,
    PASSPHRASE_UNREADABLE,
    KEY_FILE_DAMAGED,
    DATABASE_DAMAGED,
    /** A write the database refused for a reason that is not damage: the transaction was undone. */
    DATABASE_ERROR,
    /**
     * The Java heap ran out while opening or using the vault. Never damage: the file is fine, the
     * computer (or the heap Tanik was started with) is too small for the work.
     */
    OUT_OF_MEMORY,
    RECORD_TAMPERED,
    VAULT_ALREADY_OPEN,
    VAULT_EXISTS,
    NO_VAULT,
    VAULT_LOCKED,
    NEWER_VAULT_FORMAT,
    TESTIMONY_NOT_FOUND,
    /** A testimony field beyond FieldLimits: args are the field and its limit in characters (or items). */
    FIELD_TOO_LONG,
    TESTIMONY_SEALED,
    TESTIMONY_NOT_SEALED,
    INVALID_INPUT,
    /** A name given for a new vault folder that the database cannot take (";" or NUL). */
    VAULT_FOLDER_NAME,
    /** A testimony id prefix that fits more than one testimony. */
    AMBIGUOUS_ID,
    /** A file that would be overwritten. */
    FILE_EXISTS,
    ORGANISATION_NAME_MISSING,
    INTAKE_URL_NOT_HTTPS,
    /** "Duplicate of" chosen without the testimony it duplicates (or itself). */
    DUPLICATE_OF_MISSING,
    REVOCATION_REASON_MISSING,
    INVALID_INVITATION,
    INVITATION_EXPIRED,
    /** An invitation that expires before (or when) it was issued. */
    INVITATION_DATES,
    /** An invitation from another organisation key than the one this vault joined: leave first. */
    ENROLLED_ELSEWHERE,
    /** The organisation fingerprint is not the one the volunteer (or a script) expected. */
    FINGERPRINT_MISMATCH,
    /** Something that needs a person's confirmation, where nobody can be asked; the detail says what to do. */
    NO_CONFIRMATION,
    /** The person asked did not confirm. */
    NOT_CONFIRMED,
    NOT_ENROLLED,
    NOT_ORGANISATION,
    ALREADY_ORGANISATION,
    NOTHING_TO_EXPORT,
    BUNDLE_REJECTED,
    DEVICE_NOT_FOUND,
    DEVICE_REVOKED,
    DISK_FULL,
    IO_FAILURE,
    /** A proxy address that is not {@code socks5://HOST:PORT}. */
    INVALID_PROXY,
    /** A TLS pin that is not {@code sha256/} and the base64 of 32 bytes. */
    INVALID_TLS_PIN,
    /** A public key that is not the base64 of 32 bytes. */
    INVALID_KEY,
    /** A route policy other than tor-only or direct-allowed. */
    INVALID_ROUTE,
    /** The organisation or the volunteer allows only a proxied connection, and no proxy is set: nothing was sent. */
    SYNC_PROXY_REQUIRED,
    /** The intake's TLS key is not the pinned one: someone may be intercepting the connection. Nothing was sent. */
    SYNC_PIN_MISMATCH,
    /** The SOCKS proxy (arg: HOST:PORT) does not answer; never followed by a direct attempt. */
    SYNC_PROXY_UNREACHABLE,
    /** The intake does not answer (or the connection broke and retries ran out). */
    SYNC_UNREACHABLE,
    SYNC_UNKNOWN_DEVICE,
    SYNC_DEVICE_REVOKED,
    /** The intake refused the request's time (stale-time): the laptop's clock is wrong. */
    SYNC_CLOCK,
    SYNC_TOO_LARGE,
    SYNC_QUOTA,
    SYNC_BUSY,
    /** Any other refusal of the intake; arg: the refusal code (or "http STATUS"). */
    SYNC_REFUSED,
    /** The intake's receipt does not verify with the intake key or names another file: not delivered. */
    SYNC_RECEIPT_INVALID,
    /** The volunteer or coordinator cancelled a transfer; what was sent is kept for resuming. */
    SYNC_CANCELLED,
    SYNC_NOT_ORGANISATION,
    SYNC_INVITATION_REFUSED,
    /** This vault's organisation gave no intake (its invitation has no intake address). */
    SYNC_NOT_CONFIGURED,
    /** A bundle fetched from the intake does not match its SHA-256; the partial copy was deleted. */
    SYNC_DOWNLOAD_DAMAGED,
    // Issue 16 (interview capture), helper CORE: consent and attachments.
    /** A testimony without a consent record cannot be sealed. */
    CONSENT_MISSING,
    /** No attachment with this id (arg) in the testimony, or an attachment id prefix that fits none. */
    ATTACHMENT_NOT_FOUND,
    /** An attachment id prefix (arg) that fits more than one attachment. */
    ATTACHMENT_AMBIGUOUS,
    /** An attachment's encrypted content (arg: its id) is altered, cut short or missing. */
    ATTACHMENT_DAMAGED,
    /** Adding an attachment was cancelled: nothing was kept. */
    ATTACHMENT_CANCELLED,
    /** A file to attach (arg: its path) cannot be read, or is not a regular file. */
    ATTACHMENT_UNREADABLE,
    // Issue 16 (BUNDLE): attachments in the coordinator's archive.
    /** The archive holds no attachment with this SHA-256 (arg: the hash). */
    ARCHIVED_ATTACHMENT_NOT_FOUND,

    // Issue 16, audio recording and playback.
    /** The computer has no microphone (no capture line that records 16 kHz mono). */
    MICROPHONE_MISSING,
    /** A microphone exists but cannot be opened (another program holds it). */
    MICROPHONE_BUSY,
    /** The computer has no sound output: the recording can be moved through but not heard. */
    AUDIO_OUTPUT_MISSING,
    /** An audio file that is not 16-bit PCM WAV (mono or stereo). */
    AUDIO_UNSUPPORTED,
    /** A recording left by a crash that is no longer there (kept or discarded already). */
    RECORDING_NOT_FOUND,
    /** The recording's audio file could not be written or read (disk full, damaged). */
    RECORDING_FAILED,

    // Issue 17 ORG: splitting, restoring and rotating the organisation's key.
    /** A split's numbers out of range (args: the most shares allowed). */
    KEY_SPLIT_RANGE,
    /** A share that does not check (arg: its file): a character wrong or missing, or not a share at all. */
    SHARE_UNREADABLE,
    /** Shares of two different splits given together (args: the two split ids). */
    SHARES_FROM_DIFFERENT_SPLITS,
    /** The same share given twice (arg: its number). */
    SHARE_REPEATED,
    /** Fewer shares than the split's threshold (args: needed, given). */
    SHARES_TOO_FEW,
    /** The shares check one by one but what they restore does not: not the organisation's keys. */
    SHARES_DO_NOT_FIT,

    // Issue 17 CORE: duress passphrase, erase, wipe after failures.
    /** The duress passphrase given opens this vault itself: it must be a different one. */
    DURESS_OPENS_VAULT,
    /** A new passphrase that already opens the vault's other compartment. */
    PASSPHRASE_IN_USE,
    /** A duress passphrase cannot be set or cleared from here (the vault open is not the real one). */
    DURESS_UNAVAILABLE,
    /** A wipe policy below the minimum (arg: the minimum) or beyond 1000. */
    WIPE_AFTER_TOO_LOW,

    // Issue 17 PORT: vault backup and restore.
    /** A backup's passphrase does not open it (or the file is not a backup made with a passphrase). */
    BACKUP_WRONG_PASSPHRASE,
    /** A backup that is damaged, cut short, not a vault, or holds something a vault never holds. */
    BACKUP_DAMAGED,
    /** The vault folder holds a file that is not Tanik's (a link, a strange name; arg: its path), so no backup. */
    BACKUP_UNSUPPORTED_FILE,
    /** The backup file would be written inside the vault folder it copies. */
    BACKUP_INSIDE_VAULT,
    /** A restore into a folder (arg) that already holds files. */
    RESTORE_FOLDER_NOT_EMPTY,

    // Issue 17: portable mode.
    /** Portable mode cannot write its data folder beside the program (arg: the folder): read-only or full. */
    PORTABLE_FOLDER_UNWRITABLE,

    // Issue 18 DESK: exports and reports.
    /** An export or report would be written inside the vault folder: plaintext beside the ciphertext. */
    EXPORT_INSIDE_VAULT,
    /** A statistics report file whose name ends neither in .pdf nor in .csv (arg: the file name). */
    REPORT_EXTENSION;

    /** The resource bundle key of this problem's sentence. */
    public String key() {
        return "error." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
