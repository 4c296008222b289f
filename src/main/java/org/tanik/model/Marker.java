package org.tanik.model;

/** A moment in a recording the interviewer marked, such as "witness describes detention at …". */
public record Marker(long atMillis, String label) {
    public Marker {
        if (atMillis < 0) {
            throw new IllegalArgumentException("a marker is at or after the start");
        }
        label = Text.orEmpty(label);
    }
}
