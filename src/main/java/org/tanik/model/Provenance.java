package org.tanik.model;

import java.time.Instant;

/**
 * Where an archived testimony version came from: the device, the bundle (id, sequence, file hash),
 * when it was received and imported, and what verification found.
 */
public record Provenance(String testimonyId, int version, String device, String bundleId, long sequence,
                         String bundleSha256, Instant bundleCreatedAt, Instant receivedAt, Instant importedAt,
                         String verification) {
}
