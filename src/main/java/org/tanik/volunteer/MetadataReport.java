package org.tanik.volunteer;

import java.util.List;

/**
 * What a file reveals beyond its visible content, as found before it is attached: where a photo was
 * taken, with which camera, when; who wrote a document. The interviewer decides from this whether to
 * keep it or strip it ({@link #strippable()} says whether Tanik can).
 *
 * @param findings   what was found, in the file's order; empty when nothing known was found
 * @param strippable true when {@code Attachments.add(..., stripMetadata = true)} removes it (JPEG);
 *                   false for formats Tanik only reports (PDF) or knows nothing about
 */
public record MetadataReport(List<Finding> findings, boolean strippable) {

    public MetadataReport {
        findings = List.copyOf(findings);
    }

    public static MetadataReport nothing() {
        return new MetadataReport(List.of(), false);
    }

    public boolean isEmpty() {
        return findings.isEmpty();
    }

    /** What kind of thing a file reveals; {@link #key()} names its label in the resource bundles. */
    public enum Kind {
        GPS_POSITION, CAMERA, DATE_TAKEN, AUTHOR, CREATOR, PRODUCER, EMBEDDED_METADATA;

        /** The label's key, e.g. {@code attachment.metadata.gps_position}. */
        public String key() {
            return "attachment.metadata." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One thing found, with the value as the file has it (a position, a name, a date). */
    public record Finding(Kind kind, String value) {
    }
}
