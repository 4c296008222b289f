package org.tanik.bundle;

/**
 * Ceilings the reader enforces before it reads or allocates anything, so that a hostile bundle
 * (which anyone holding the organisation's public key can make, signed by a throw-away device key)
 * costs bounded time and memory.
 *
 * @param maxTotalBytes   all decrypted bytes: tar headers, padding and every entry
 * @param maxEntrySize    one entry (records and attachments)
 * @param maxEntryCount   entries listed in the manifest
 * @param maxManifestSize manifest.json
 */
public record BundleLimits(long maxTotalBytes, long maxEntrySize, int maxEntryCount, int maxManifestSize) {

    /** 1 GiB total, 256 MiB per entry, 100,000 entries, 16 MiB manifest. */
    public static final BundleLimits DEFAULT = new BundleLimits(1L << 30, 256L << 20, 100_000, 16 << 20);

    public BundleLimits {
        if (maxTotalBytes <= 0 || maxEntrySize <= 0 || maxEntryCount <= 0 || maxManifestSize <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        // A Java array holds at most ~2 GiB; entries are kept in memory until the bundle is verified.
        if (maxEntrySize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxEntrySize too large");
        }
    }
}
