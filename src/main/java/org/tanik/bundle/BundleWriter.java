package org.tanik.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.Sha256;
import org.tanik.crypto.age.AgeEncryptor;
import org.tanik.crypto.age.X25519Recipient;
import org.tanik.files.CountingOutputStream;
import org.tanik.files.KeepOpenOutputStream;

/**
 * Writes a bundle: age to the organisation's recipients, around a ustar archive of manifest.json,
 * manifest.sig and the entries. The manifest needs every entry's hash before any content is written:
 * records are given as bytes, attachments ({@link BundleBlob}) with their size and hash known in
 * advance and streamed from their {@link org.tanik.files.Content}, checked as they pass. Everything
 * streams through age, so memory beyond the records stays constant whatever the attachments weigh.
 */
public final class BundleWriter {
    private BundleWriter() {
    }

    /**
     * Writes one bundle to {@code out} (flushed, not closed).
     *
     * @param recipients           the organisation's age1… keys, at least one
     * @param devicePrivateKey     the device's 32-byte Ed25519 key; not kept, not wiped (the caller owns it)
     * @param sequence             this device's bundle counter, from 1
     * @param previousBundleSha256 hex SHA-256 of this device's previous bundle file; null exactly when sequence is 1
     * @param entries              records and attachments, in the order they are to appear
     */
    public static BundleSummary write(OutputStream out, List<X25519Recipient> recipients, byte[] devicePrivateKey,
            long sequence, String previousBundleSha256, Instant createdAt, List<BundleEntry> entries)
            throws IOException {
        return write(out, recipients, devicePrivateKey, sequence, previousBundleSha256, createdAt, entries, List.of());
    }

    /**
     * As {@link #write(OutputStream, List, byte[], long, String, Instant, List)}, followed by
     * {@code blobs} streamed from their content. A blob whose content does not have the size and
     * hash it was given throws an IOException part-way: the output is then no bundle, and the caller
     * (writing through {@link org.tanik.files.AtomicFiles}) keeps nothing.
     */
    public static BundleSummary write(OutputStream out, List<X25519Recipient> recipients, byte[] devicePrivateKey,
            long sequence, String previousBundleSha256, Instant createdAt, List<BundleEntry> entries,
            List<BundleBlob> blobs) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(createdAt, "createdAt");
        List<String> recipientStrings = recipients(recipients);
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        if ((sequence == 1) != (previousBundleSha256 == null)
                || (previousBundleSha256 != null && !Sha256.isHex(previousBundleSha256))) {
            throw new IllegalArgumentException("previousBundleSha256 must be null for sequence 1, else 64 hex digits");
        }
        List<ManifestEntry> listed = list(entries, blobs);
        UUID bundleId = UUID.randomUUID();
        String device = Base64.getEncoder().encodeToString(Ed25519.publicKey(devicePrivateKey));
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, bundleId, device, sequence, previousBundleSha256,
                recipientStrings, createdAt, listed);
        byte[] manifestBytes = ManifestJson.encode(manifest);
        // Sign the bytes that travel, never a re-serialisation.
        byte[] signature = Ed25519.sign(devicePrivateKey, manifestBytes);

        MessageDigest fileHash = Sha256.digest();
        CountingOutputStream counted = new CountingOutputStream(new DigestOutputStream(new KeepOpenOutputStream(out), fileHash));
        try (OutputStream plain = AgeEncryptor.encrypt(recipients, counted)) {
            TarWriter tar = new TarWriter(plain, createdAt.getEpochSecond());
            tar.add(EntryPaths.MANIFEST, manifestBytes);
            tar.add(EntryPaths.SIGNATURE, signature);
            for (BundleEntry e : entries) {
                tar.add(e.path(), e.content());
            }
            for (BundleBlob b : blobs) {
                try (java.io.InputStream in = b.content().open(0)) {
                    tar.add(b.path(), b.size(), b.sha256(), in);
                }
            }
            tar.finish();
        }
        return new BundleSummary(bundleId, sequence, entries.size() + blobs.size(), counted.count(), Sha256.hex(fileHash));
    }

    private static List<String> recipients(List<X25519Recipient> recipients) {
        if (recipients == null || recipients.isEmpty()) {
            throw new IllegalArgumentException("at least one recipient is required");
        }
        List<String> out = new ArrayList<>();
        for (X25519Recipient r : recipients) {
            if (out.contains(r.encode())) {
                throw new IllegalArgumentException("the same recipient twice");
            }
            out.add(r.encode());
        }
        return out;
    }

    private static List<ManifestEntry> list(List<BundleEntry> entries, List<BundleBlob> blobs) {
        List<ManifestEntry> out = new ArrayList<>(entries.size() + blobs.size());
        Set<String> paths = new HashSet<>();
        for (BundleEntry e : entries) {
            if (!EntryPaths.isAllowed(e.path())) {
                throw new IllegalArgumentException("entry path not allowed: " + e.path());
            }
            if (!paths.add(e.path())) {
                throw new IllegalArgumentException("the same entry path twice: " + e.path());
            }
            out.add(new ManifestEntry(e.path(), e.content().length, Sha256.hex(e.content())));
        }
        for (BundleBlob b : blobs) {
            if (!paths.add(b.path())) {
                throw new IllegalArgumentException("the same entry path twice: " + b.path());
            }
            out.add(new ManifestEntry(b.path(), b.size(), b.sha256()));
        }
        return out;
    }
}
