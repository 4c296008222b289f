package org.tanik.bundle;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The signed table of contents of a bundle (see bundle-format.md). Only {@link ManifestJson} makes
 * one from bytes, and it checks every field; the record itself carries values, not rules.
 *
 * @param device               the device's Ed25519 public key, standard base64 with padding
 * @param previousBundleSha256 hex SHA-256 of this device's previous bundle file, null for its first
 * @param recipients           the age1… recipients the bundle was encrypted to
 * @param entries              every entry after manifest.sig, in archive order
 */
public record Manifest(int formatVersion, UUID bundleId, String device, long sequence, String previousBundleSha256,
                       List<String> recipients, Instant createdAt, List<ManifestEntry> entries) {

    public static final String FORMAT = "tanik-bundle";
    public static final int FORMAT_VERSION = 1;
    /** An organisation has a handful of keys; more recipients than this is not a real bundle. */
    public static final int MAX_RECIPIENTS = 16;
    /**
     * No device sends a billion bundles (one a minute for 1,900 years); a larger sequence is a forgery
     * meant to overflow the arithmetic of gaps and late arrivals.
     */
    public static final long MAX_SEQUENCE = 1_000_000_000L;

    public Manifest {
        recipients = List.copyOf(recipients);
        entries = List.copyOf(entries);
    }

    /** The device public key as 32 raw bytes. */
    public byte[] devicePublicKey() {
        return Base64.getDecoder().decode(device);
    }
}
