package org.tanik.crypto.age;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Strict parser for the v1 header ABNF. Reads exactly up to and including the MAC line's LF,
 * so the caller's stream is left at the first payload byte. Any syntax deviation is a
 * header failure; I/O errors from the underlying stream pass through unchanged (so armor
 * errors keep their kind).
 */
final class HeaderParser {
    /** Caps memory on hostile input; real headers are far smaller. */
    static final int MAX_HEADER_BYTES = 1 << 20;
    private static final int MAC_B64_LENGTH = 43;

    private final InputStream in;
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream(512);

    private HeaderParser(InputStream in) {
        this.in = in;
    }

    static Header parse(InputStream in) throws IOException {
        return new HeaderParser(in).parse();
    }

    private Header parse() throws IOException {
        String version = readLine();
        if (!version.equals(Header.VERSION_LINE)) {
            throw AgeException.header(version.startsWith(Header.VERSION_PREFIX)
                    ? "unsupported age version" : "not an age file");
        }
        List<Stanza> stanzas = new ArrayList<>();
        while (true) {
            int lineStart = seen.size();
            String line = readLine();
            if (line.startsWith(Header.STANZA_PREFIX)) {
                stanzas.add(readStanza(line.substring(Header.STANZA_PREFIX.length())));
            } else if (line.startsWith(Header.MAC_PREFIX)) {
                if (stanzas.isEmpty()) {
                    throw AgeException.header("header has no recipient stanzas");
                }
                byte[] mac = parseMacLine(line);
                byte[] all = seen.toByteArray();
                byte[] macInput = Arrays.copyOf(all, lineStart + Header.MAC_PREFIX.length());
                return new Header(List.copyOf(stanzas), macInput, mac);
            } else {
                throw AgeException.header("malformed header line");
            }
        }
    }

    private Stanza readStanza(String argLine) throws IOException {
        List<String> args = List.of(argLine.split(" ", -1));
        for (String a : args) {
            if (!Stanza.isValidArgument(a)) {
                throw AgeException.header("invalid stanza argument");
            }
        }
        StringBuilder b64 = new StringBuilder();
        while (true) {
            String line = readLine();
            if (line.length() > Header.COLUMNS) {
                throw AgeException.header("stanza body line too long");
            }
            for (int i = 0; i < line.length(); i++) {
                if (!Base64Raw.isAlphabet(line.charAt(i))) {
                    throw AgeException.header("invalid character in stanza body");
                }
            }
            b64.append(line);
            if (line.length() < Header.COLUMNS) {
                break;
            }
        }
        return new Stanza(args, Base64Raw.decode(b64.toString()));
    }

    private static byte[] parseMacLine(String line) throws AgeException {
        // Exactly "--- " followed by 43 base64 characters: no extra or missing spaces.
        if (line.length() != Header.MAC_PREFIX.length() + 1 + MAC_B64_LENGTH
                || line.charAt(Header.MAC_PREFIX.length()) != ' ') {
            throw AgeException.header("malformed header MAC line");
        }
        byte[] mac = Base64Raw.decode(line.substring(Header.MAC_PREFIX.length() + 1));
        if (mac.length != 32) {
            throw AgeException.header("malformed header MAC line");
        }
        return mac;
    }

    /** Reads one LF-terminated line of printable ASCII (LF excluded from the result). */
    private String readLine() throws IOException {
        int start = seen.size();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw AgeException.header("truncated header");
            }
            seen.write(c);
            if (c == '\n') {
                break;
            }
            // Only printable ASCII and space may appear; this also rejects CR.
            if (c < 0x20 || c > 0x7e) {
                throw AgeException.header("invalid character in header");
            }
            if (seen.size() > MAX_HEADER_BYTES) {
                throw AgeException.header("header too large");
            }
        }
        byte[] all = seen.toByteArray();
        return new String(all, start, all.length - start - 1, StandardCharsets.US_ASCII);
    }
}
