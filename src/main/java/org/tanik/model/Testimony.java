package org.tanik.model;

import java.time.Instant;
import java.util.List;

/**
 * One stored version of a testimony. {@code id} stays the same across versions; amending a sealed
 * version creates version n+1 as a draft, so history is kept.
 */
public record Testimony(String id, int version, Status status, Instant createdAt, Instant updatedAt,
                        Instant sealedAt, TestimonyContent content) {

    public boolean isSealed() {
        return status == Status.SEALED;
    }

    public TestimonySummary summary() {
        return new TestimonySummary(id, version, status, content.title(), content.interview().date(),
                List.copyOf(content.violationTypes()), updatedAt);
    }
}
