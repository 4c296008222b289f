package org.tanik.bundle;

import java.util.UUID;

/**
 * What a writer reports: enough for the outbox to chain the next bundle
 * ({@code fileSha256} becomes its {@code previousBundleSha256}).
 *
 * @param fileSha256 lower-case hex SHA-256 of every byte written, i.e. of the bundle file
 */
public record BundleSummary(UUID bundleId, long sequence, int entryCount, long fileSize, String fileSha256) {
}
