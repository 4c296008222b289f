package org.tanik.intake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the handler answers: a status, headers, and a small body or a range of a stored file. */
final class Reply {
    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    byte[] body = new byte[0];
    String contentType;
    Path file;
    long fileOffset;
    long fileLength;

    Reply(int status) {
        this.status = status;
    }

    Reply header(String name, Object value) {
        headers.put(name, String.valueOf(value));
        return this;
    }

    Reply text(String text) {
        this.body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        this.contentType = "text/plain; charset=utf-8";
        return this;
    }

    Reply json(byte[] json) {
        this.body = json;
        this.contentType = "application/json";
        return this;
    }

    Reply file(Path file, long offset, long length) {
        this.file = file;
        this.fileOffset = offset;
        this.fileLength = length;
        this.contentType = "application/octet-stream";
        return this;
    }
}
