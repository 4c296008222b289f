package org.tanik.crypto.age;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Serialises a header in canonical form and appends its MAC. */
final class HeaderWriter {
    private HeaderWriter() {
    }

    /** Returns the full header bytes, MAC line included. */
    static byte[] write(List<Stanza> stanzas, byte[] fileKey) {
        StringBuilder sb = new StringBuilder();
        sb.append(Header.VERSION_LINE).append('\n');
        for (Stanza s : stanzas) {
            sb.append("->");
            for (String a : s.args()) {
                sb.append(' ').append(a);
            }
            sb.append('\n');
            String body = Base64Raw.encode(s.body());
            int i = 0;
            // Full 64-column lines, then a final shorter (possibly empty) line.
            while (body.length() - i >= Header.COLUMNS) {
                sb.append(body, i, i + Header.COLUMNS).append('\n');
                i += Header.COLUMNS;
            }
            sb.append(body, i, body.length()).append('\n');
        }
        sb.append(Header.MAC_PREFIX);
        byte[] macInput = sb.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] mac = HeaderMac.compute(fileKey, macInput);
        ByteArrayOutputStream out = new ByteArrayOutputStream(macInput.length + 48);
        out.writeBytes(macInput);
        out.writeBytes((" " + Base64Raw.encode(mac) + "\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
