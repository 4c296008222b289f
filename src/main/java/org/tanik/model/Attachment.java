package org.tanik.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A file attached to a testimony: a document, photo, audio or video, or a recording made in the
 * app. The content itself is stored apart (encrypted in the vault, a blob in a bundle) and is
 * named by its SHA-256, which is how a bundle carries it ({@code attachments/<sha256>}).
 *
 * @param id        random id, the same in every version of the testimony that keeps the file
 * @param sha256    64 lower-case hex digits of the content
 * @param size      the content's length in bytes
 * @param fileName  the name it had when added (shown, never used as a path); confidential, as people
 *                  name files after whom they concern
 * @param mediaType such as {@code application/pdf}, {@code image/jpeg}, {@code audio/wav}
 * @param caption   what the interviewer says it is
 * @param addedAt   when it was added
 * @param markers   moments marked in a recording, in order (empty for other files)
 */
public record Attachment(String id, String sha256, long size, @Confidential String fileName, String mediaType, String caption,
                         Instant addedAt, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Marker> markers) {
    public Attachment {
        if (size < 0) {
            throw new IllegalArgumentException("size");
        }
        fileName = Text.orEmpty(fileName);
        mediaType = Text.orEmpty(mediaType);
        caption = Text.orEmpty(caption);
        markers = Text.copy(markers);
    }

    public Attachment withCaption(String newCaption) {
        return new Attachment(id, sha256, size, fileName, mediaType, newCaption, addedAt, markers);
    }

    public Attachment withMarkers(List<Marker> newMarkers) {
        return new Attachment(id, sha256, size, fileName, mediaType, caption, addedAt, newMarkers);
    }

    /** The path under which a bundle carries this content. */
    public String bundlePath() {
        return "attachments/" + sha256;
    }
}
