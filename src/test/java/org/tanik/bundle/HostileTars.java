package org.tanik.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Archives a writer of Tanik's never makes, for tests outside this package (vault backups). */
public final class HostileTars {
    private HostileTars() {
    }

    /** One entry of any type flag ('0' file, '2' symbolic link, '5' folder) and name, as a ustar header + content. */
    public static byte[] entry(String name, char type, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(TarWriter.header(name, content.length, 0, (byte) type));
        out.write(content);
        out.write(new byte[TarWriter.padding(content.length)]);
        return out.toByteArray();
    }

    /** The end-of-archive marker. */
    public static byte[] end() {
        return new byte[2 * TarWriter.BLOCK];
    }
}
