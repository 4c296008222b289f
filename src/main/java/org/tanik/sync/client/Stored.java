package org.tanik.sync.client;

import java.time.Instant;

/**
 * A finished bundle held by the intake, as the organisation lists them.
 *
 * @param cursor the intake's order of arrival; list again after the last one seen
 * @param device the key id of the transport key that uploaded it
 */
public record Stored(long cursor, String sha256, long size, Instant receivedAt, String device) {
}
