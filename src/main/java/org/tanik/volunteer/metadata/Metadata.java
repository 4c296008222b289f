package org.tanik.volunteer.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.tanik.volunteer.MetadataReport;

/** What a file reveals, and the filters that remove it, by media type. */
public final class Metadata {

    private Metadata() {
    }

    public static MetadataReport inspect(Path file, String mediaType) throws IOException {
        return MetadataReport.nothing();
    }

    /** The file's bytes without what can be stripped from its type; other types pass unchanged. */
    public static InputStream strip(InputStream in, String mediaType) {
        return in;
    }
}
