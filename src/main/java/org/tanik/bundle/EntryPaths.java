package org.tanik.bundle;

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

    /** The longest version a record path may carry: nine digits, as the model's int allows. */
    private static final int MAX_VERSION_DIGITS = 9;

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
        return isRecord(path) || isAttachment(path);
    }

    /** A safe path under {@code attachments/}: what a version-1 reader accepts as an attachment. */
    public static boolean isAttachment(String path) {
        return isSafe(path) && path.startsWith(ATTACHMENTS) && path.length() > ATTACHMENTS.length();
    }

    /**
     * The content hash an attachment path names ({@code attachments/<64 lower-case hex digits>}), or
     * null for any other path: the import stores only attachments named by their content.
     */
    public static String contentHash(String path) {
        if (path == null || !path.startsWith(ATTACHMENTS)) {
            return null;
        }
        String hash = path.substring(ATTACHMENTS.length());
        return org.tanik.crypto.Sha256.isHex(hash) ? hash : null;
    }

    /**
     * The structural rules alone (no check of the top-level folder): segments of [A-Za-z0-9._-], none
     * empty, "." or "..". Written out rather than as a regex because it runs for every entry of
     * every bundle imported; EntryPathsTest checks it against the regex it replaces.
     */
    public static boolean isSafe(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_LENGTH) {
            return false;
        }
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                if (!isSegment(path, start, i)) {
                    return false;
                }
                start = i + 1;
            } else if (!isPortable(path.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A segment between separators: not empty, ".", or "..". */
    private static boolean isSegment(String path, int start, int end) {
        int n = end - start;
        return n > 2 || n == 2 && !path.startsWith("..", start) || n == 1 && path.charAt(start) != '.';
    }

    private static boolean isPortable(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                || c == '-';
    }

    /** {@code records/<lower-case UUID>/v<1 to 9 digits, no leading zero>.json}. */
    public static boolean isRecord(String path) {
        int idEnd = RECORDS.length() + 36;
        if (path == null || !path.startsWith(RECORDS) || path.length() < idEnd + "/v1.json".length()
                || !isLowerCaseUuid(path, RECORDS.length()) || !path.startsWith("/v", idEnd)
                || !path.endsWith(".json")) {
            return false;
        }
        int digits = path.length() - ".json".length() - (idEnd + 2);
        if (digits < 1 || digits > MAX_VERSION_DIGITS || path.charAt(idEnd + 2) == '0') {
            return false;
        }
        for (int i = idEnd + 2; i < idEnd + 2 + digits; i++) {
            if (path.charAt(i) < '0' || path.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** 8-4-4-4-12 lower-case hexadecimal digits at {@code from}. */
    static boolean isLowerCaseUuid(String s, int from) {
        if (s.length() < from + 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(from + i);
            boolean hyphen = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphen ? c != '-' : (c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
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
