package org.tanik.bundle;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tanik.crypto.Fingerprint;
import org.tanik.model.Testimony;

/**
 * A bundle that passed every check: decrypted for a listed recipient, manifest signed by the key it
 * names, every entry present with its size and hash, every record parsed. Only the reader makes one,
 * and only at the end, so holding one means the whole bundle verified.
 *
 * <p>Signature and authorship are proven against {@link #devicePublicKey()}; whether that device is
 * enrolled, and whether {@code sequence} and {@code previousBundleSha256} continue its chain, is for
 * the import to decide.
 */
public final class VerifiedBundle {
    private final Manifest manifest;
    private final byte[] manifestBytes;
    private final byte[] signature;
    private final byte[] devicePublicKey;
    private final String deviceFingerprint;
    private final String openedFor;
    private final List<BundleEntry> entries;
    private final Map<String, BundleEntry> byPath = new LinkedHashMap<>();
    private final Map<String, Long> offsets = new HashMap<>();
    private final List<Testimony> testimonies;
    private final String fileSha256;

    VerifiedBundle(Manifest manifest, byte[] manifestBytes, byte[] signature, byte[] devicePublicKey,
            String deviceFingerprint, String openedFor, List<BundleEntry> entries, Map<String, Long> offsets,
            List<Testimony> testimonies, String fileSha256) {
        this.manifest = manifest;
        this.manifestBytes = manifestBytes;
        this.signature = signature;
        this.devicePublicKey = devicePublicKey;
        this.deviceFingerprint = deviceFingerprint;
        this.openedFor = openedFor;
        this.entries = List.copyOf(entries);
        this.testimonies = List.copyOf(testimonies);
        this.fileSha256 = fileSha256;
        for (BundleEntry e : this.entries) {
            byPath.put(e.path(), e);
        }
        this.offsets.putAll(offsets);
    }

    public Manifest manifest() {
        return manifest;
    }

    /** manifest.json exactly as signed. */
    public byte[] manifestBytes() {
        return manifestBytes.clone();
    }

    /** manifest.sig: 64-byte Ed25519 signature over {@link #manifestBytes()}. */
    public byte[] signature() {
        return signature.clone();
    }

    public byte[] devicePublicKey() {
        return devicePublicKey.clone();
    }

    /** The device key's fingerprint as people compare it (Fingerprint.device). */
    public String deviceFingerprint() {
        return deviceFingerprint;
    }

    /** The coordinator's stored name for the device (Fingerprint.deviceId): names, never authenticates. */
    public String deviceId() {
        return Fingerprint.deviceId(devicePublicKey);
    }

    /** The age1… recipient whose identity opened the bundle (one of the manifest's recipients). */
    public String openedFor() {
        return openedFor;
    }

    /**
     * The record entries with their bytes, in archive (= manifest) order. The arrays are the
     * reader's own. Attachments are not held: the manifest lists them ({@code manifest().entries()}),
     * the reader checked their size and hash, and {@link #offset} says where they lie in the payload.
     */
    public List<BundleEntry> entries() {
        return entries;
    }

    public Optional<BundleEntry> entry(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /**
     * Where an entry's content starts in the decrypted payload (the tar stream), for reading it
     * again from a {@link org.tanik.crypto.age.RetainedPayload}; -1 for an unknown path.
     */
    public long offset(String path) {
        return offsets.getOrDefault(path, -1L);
    }

    /** The testimony records, parsed, in archive order. */
    public List<Testimony> testimonies() {
        return testimonies;
    }

    /** Lower-case hex SHA-256 of the whole bundle file as read; the next bundle's previousBundleSha256. */
    public String fileSha256() {
        return fileSha256;
    }
}
