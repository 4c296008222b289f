package org.tanik.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.tanik.bundle.BundleException.Reason;

/**
 * Tells a file cut short inside the age header from a damaged header. The age parser reports both as
 * "header" failures; a coordinator should hear "ask for the file again" for the first. This reads the
 * header lines and the 16-byte payload nonce, and returns them so that they can be replayed to the
 * age decryptor, which still does all real parsing and authentication.
 */
final class AgeHeaderScan {
    private static final byte[] VERSION_LINE = "age-encryption.org/v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE = 16;
    /** Beyond this the age parser refuses the header anyway. */
    private static final int MAX_SCAN = (1 << 20) + 64;

    private AgeHeaderScan() {
    }

    /**
     * Returns the bytes read. Throws TRUNCATED only if the input ended while everything read so far
     * was a well-formed beginning of an age header; any other oddity is left to the age parser.
     */
    static byte[] prefix(InputStream in) throws IOException, BundleException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream(256);
        int lineStart = 0;
        int line = 0;
        while (seen.size() < MAX_SCAN) {
            int c = in.read();
            if (c < 0) {
                throw new BundleException(Reason.TRUNCATED, "age header");
            }
            seen.write(c);
            int pos = seen.size();
            if (line == 0) {
                // The first line must be the version line, byte for byte (this also excludes armor).
                if (c != VERSION_LINE[pos - 1]) {
                    return seen.toByteArray();
                }
                if (pos == VERSION_LINE.length) {
                    line = 1;
                    lineStart = pos;
                }
                continue;
            }
            if (c == '\n') {
                byte[] b = seen.toByteArray();
                boolean macLine = pos - lineStart > 3 && b[lineStart] == '-' && b[lineStart + 1] == '-'
                        && b[lineStart + 2] == '-';
                if (macLine) {
                    byte[] nonce = in.readNBytes(NONCE);
                    seen.write(nonce);
                    if (nonce.length < NONCE) {
                        throw new BundleException(Reason.TRUNCATED, "age payload nonce");
                    }
                    return seen.toByteArray();
                }
                lineStart = pos;
                line++;
            } else if (c < 0x20 || c > 0x7e) {
                return seen.toByteArray(); // binary inside the header: damaged, not cut
            }
        }
        return seen.toByteArray();
    }
}
