package org.tanik.bundle;

/**
 * Ceilings the reader enforces before it reads or allocates anything, so that a hostile bundle
 * (which anyone holding the organisation's public key can make, signed by a throw-away device key)
 * costs bounded time and memory.
 *
 * <p>Records are held in memory until the whole bundle is verified, so they have ceilings of their
 * own ({@code maxEntrySize} each, {@code maxRecordBytes} together); attachments stream past in 64 KiB
 * pieces and are never held, so only disk and time bound them ({@code maxAttachmentSize}, and
 * {@code maxTotalBytes} for everything).
 *
 * @param maxTotalBytes     all decrypted bytes: tar headers, padding and every entry
 * @param maxEntrySize      one record (and manifest.sig)
 * @param maxEntryCount     entries listed in the manifest
 * @param maxManifestSize   manifest.json
 * @param maxAttachmentSize one attachment
 * @param maxRecordBytes    all records together: what the reader holds in memory
 */
public record BundleLimits(long maxTotalBytes, long maxEntrySize, int maxEntryCount, int maxManifestSize,
                           long maxAttachmentSize, long maxRecordBytes) {

    /**
     * 16 GiB total, 256 MiB per record and 1 GiB of records, 4 GiB per attachment, 100,000 entries,
     * 16 MiB manifest. bundle-format.md §10 says why.
     */
    public static final BundleLimits DEFAULT = new BundleLimits(16L << 30, 256L << 20, 100_000, 16 << 20,
            4L << 30, 1L << 30);

    public BundleLimits {
        if (maxTotalBytes <= 0 || maxEntrySize <= 0 || maxEntryCount <= 0 || maxManifestSize <= 0
                || maxAttachmentSize <= 0 || maxRecordBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        // A Java array holds at most ~2 GiB; records are kept in memory until the bundle is verified.
        if (maxEntrySize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxEntrySize too large");
        }
    }

    /** Limits where an attachment is bounded like a record and records only by the total (as before attachments streamed). */
    public BundleLimits(long maxTotalBytes, long maxEntrySize, int maxEntryCount, int maxManifestSize) {
        this(maxTotalBytes, maxEntrySize, maxEntryCount, maxManifestSize, maxEntrySize, maxTotalBytes);
    }

    /** These limits, but nothing above {@code total} bytes in all (the quarantine of unapproved devices). */
    public BundleLimits atMost(long total) {
        long t = Math.min(maxTotalBytes, total);
        return new BundleLimits(t, Math.min(maxEntrySize, t), maxEntryCount, (int) Math.min(maxManifestSize, t),
                Math.min(maxAttachmentSize, t), Math.min(maxRecordBytes, t));
    }
}
