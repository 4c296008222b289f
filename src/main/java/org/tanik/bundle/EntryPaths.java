package org.tanik.bundle;

import java.util.regex.Pattern;

/**
 * Which entry names a bundle may hold. The rules are deliberately narrow, so that a coordinator who
 * extracts a bundle with {@code tar -x} cannot be made to write outside the current directory, and
 * so that every name fits the ustar name field (no prefix field, no PAX or GNU long-name records).
 */
public final class EntryPaths {
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String RECORDS = "records/";
    public static final String ATTACHMENTS = "attachments/";

    /** ustar's name field is 100 bytes; names are ASCII, so characters equal bytes. */
    static final int MAX_LENGTH = 100;

    /** One path segment: portable file-name characters only (POSIX portable set). */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern RECORD = Pattern.compile(
            "records/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/v([1-9][0-9]{0,8})\\.json");

    private EntryPaths() {
    }

    /**
     * Whether {@code path} may name an entry after the signature: a record or an attachment, relative,
     * with no empty, "." or ".." segments, no backslash, NUL or other character outside [A-Za-z0-9._-].
     */
    public static boolean isAllowed(String path) {
        if (!isSafe(path)) {
            return false;
        }
        return isRecord(path) || (path.startsWith(ATTACHMENTS) && path.length() > ATTACHMENTS.length());
    }

    /** The structural rules alone (no check of the top-level folder). */
    static boolean isSafe(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_LENGTH) {
            return false;
        }
        // split with -1 keeps empty segments, so "a//b", "/a" and "a/" are caught.
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    public static boolean isRecord(String path) {
        return path != null && RECORD.matcher(path).matches();
    }

    /** {@code records/<id>/v<version>.json}, for a canonical lower-case UUID id. */
    public static String record(String id, int version) {
        String path = RECORDS + id + "/v" + version + ".json";
        if (!isRecord(path)) {
            throw new IllegalArgumentException("testimony id must be a lower-case UUID and version >= 1");
        }
        return path;
    }
}
