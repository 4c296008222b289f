package org.tanik.crypto.age;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.InflaterInputStream;

/** One CCTV age vector: "key: value" lines, a blank line, then the (maybe zlib'd) age file. */
record AgeVector(String name, Map<String, String> meta, List<String> identities, byte[] body) {

    static AgeVector load(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        Map<String, String> meta = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        int pos = 0;
        while (true) {
            int nl = indexOf(all, (byte) '\n', pos);
            if (nl < 0) {
                throw new IOException("vector without blank line: " + file);
            }
            String line = new String(all, pos, nl - pos, StandardCharsets.UTF_8);
            pos = nl + 1;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(": ");
            String k = line.substring(0, colon);
            String v = line.substring(colon + 2);
            if (k.equals("identity")) {
                ids.add(v);
            }
            meta.put(k, v);
        }
        byte[] body = java.util.Arrays.copyOfRange(all, pos, all.length);
        if ("zlib".equals(meta.get("compressed"))) {
            try (InputStream z = new InflaterInputStream(new ByteArrayInputStream(body))) {
                body = z.readAllBytes();
            }
        }
        return new AgeVector(file.getFileName().toString(), meta, List.copyOf(ids), body);
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    String expect() {
        return meta.get("expect");
    }
}
