package org.tanik.bundle;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tanik.bundle.BundleException.Reason;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.Fingerprint;
import org.tanik.crypto.Sha256;
import org.tanik.crypto.age.AgeDecryptor;
import org.tanik.crypto.age.AgeException;
import org.tanik.crypto.age.CipherBackend;
import org.tanik.crypto.age.Identity;
import org.tanik.crypto.age.RetainedPayload;
import org.tanik.model.Testimony;

/**
 * Opens and verifies a bundle, all or nothing: it returns a {@link VerifiedBundle} only after every
 * check passed, keeps the records in memory (bounded by {@link BundleLimits}), checks attachments
 * as they stream past without keeping them, and writes nothing anywhere except to the caller's
 * {@link RetainedPayload}. The order of checks is the one in bundle-format.md: the manifest is parsed and its
 * limits applied before any entry is read, and its signature and recipient binding are checked
 * before any entry is trusted.
 */
public final class BundleReader {
    private BundleReader() {
    }

    /** Reads and verifies a bundle; the caller's stream is read to its end but not closed. */
    public static VerifiedBundle read(InputStream bundle, List<? extends Identity> identities, BundleLimits limits)
            throws BundleException {
        return read(bundle, identities, limits, List.of());
    }

    /**
     * As {@link #read(InputStream, List, BundleLimits)}; {@code knownDevices} (public keys of enrolled
     * devices) serve only to explain a bad signature: one made by another known device is reported as
     * {@link Reason#SIGNED_BY_OTHER_DEVICE}.
     */
    public static VerifiedBundle read(InputStream bundle, List<? extends Identity> identities, BundleLimits limits,
            Collection<byte[]> knownDevices) throws BundleException {
        return read(bundle, identities, limits, knownDevices, null);
    }

    /**
     * As {@link #read(InputStream, List, BundleLimits, Collection)}; {@code retain} (if not null)
     * keeps the payload key and sealed chunks, so that an archive can read entries again later at
     * {@link VerifiedBundle#offset(String)} without the identity.
     */
    public static VerifiedBundle read(InputStream bundle, List<? extends Identity> identities, BundleLimits limits,
            Collection<byte[]> knownDevices, RetainedPayload retain) throws BundleException {
        return read(bundle, identities, limits, knownDevices, retain, device -> null);
    }

    /**
     * Narrower ceilings for some devices, such as those an organisation has not approved: chosen
     * once the manifest names its device, and applied before any entry is read.
     */
    public interface DeviceLimits {
        /** The narrower limits for this device key, or null to keep the reader's limits. */
        BundleLimits narrower(byte[] devicePublicKey);
    }

    /**
     * As {@link #read(InputStream, List, BundleLimits, Collection, RetainedPayload)}; a manifest that
     * exceeds the {@code deviceLimits} of its device is refused as {@link Reason#OVER_DEVICE_LIMIT}.
     */
    public static VerifiedBundle read(InputStream bundle, List<? extends Identity> identities, BundleLimits limits,
            Collection<byte[]> knownDevices, RetainedPayload retain, DeviceLimits deviceLimits) throws BundleException {
        if (identities.isEmpty()) {
            throw new IllegalArgumentException("at least one identity is required");
        }
        MessageDigest fileHash = Sha256.digest();
        InputStream raw = new BufferedInputStream(new DigestInputStream(new KeepOpen(bundle), fileHash));
        OpenedBy openedBy = new OpenedBy(identities);
        try (InputStream plain = AgeDecryptor.decrypt(
                // KeepOpen again: SequenceInputStream closes each part it finishes, and raw is drained below.
                new SequenceInputStream(new ByteArrayInputStream(AgeHeaderScan.prefix(raw)), new KeepOpen(raw)),
                openedBy.identities(), CipherBackend.JDK, retain)) {
            TarReader tar = new TarReader(plain, limits.maxTotalBytes());

            byte[] manifestBytes = readManifest(tar, limits);
            Manifest manifest = ManifestJson.decode(manifestBytes);
            checkLimits(manifest, limits);
            byte[] device = manifest.devicePublicKey();
            BundleLimits narrower = deviceLimits.narrower(device);
            if (narrower != null) {
                try {
                    checkLimits(manifest, narrower);
                } catch (BundleException e) {
                    throw new BundleException(Reason.OVER_DEVICE_LIMIT, e.detail());
                }
            }
            byte[] signature = readSignature(tar);
            checkSignature(device, manifestBytes, signature, knownDevices);
            String openedFor = openedBy.recipient();
            if (openedFor == null || !manifest.recipients().contains(openedFor)) {
                throw new BundleException(Reason.RECIPIENT_NOT_LISTED);
            }

            List<BundleEntry> records = new ArrayList<>(manifest.entries().size());
            Map<String, Long> offsets = new HashMap<>();
            List<Testimony> testimonies = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (ManifestEntry expected : manifest.entries()) {
                BundleEntry e = readEntry(tar, expected, manifest, seen);
                offsets.put(expected.path(), tar.lastContentOffset());
                if (e != null) {
                    records.add(e);
                    testimonies.add(TestimonyRecords.parse(e));
                }
            }
            TarReader.Header extra = tar.next();
            if (extra != null) {
                throw unexpected(extra, manifest, seen, null);
            }
            tar.expectEnd();
            raw.transferTo(java.io.OutputStream.nullOutputStream()); // normally nothing left: age read to its end
            return new VerifiedBundle(manifest, manifestBytes, signature, device, Fingerprint.device(device),
                    openedFor, records, offsets, testimonies, Sha256.hex(fileHash));
        } catch (IOException e) {
            throw fromIo(e);
        }
    }

    private static byte[] readManifest(TarReader tar, BundleLimits limits) throws IOException, BundleException {
        TarReader.Header h = tar.next();
        if (h == null) {
            throw new BundleException(Reason.MANIFEST_MISSING);
        }
        if (!h.name().equals(EntryPaths.MANIFEST)) {
            throw EntryPaths.isSafe(h.name()) ? new BundleException(Reason.MANIFEST_MISSING)
                    : new BundleException(Reason.UNSAFE_PATH);
        }
        if (h.size() > limits.maxManifestSize()) {
            throw new BundleException(Reason.ENTRY_TOO_LARGE, "maxManifestSize");
        }
        return tar.content(h.size());
    }

    private static byte[] readSignature(TarReader tar) throws IOException, BundleException {
        TarReader.Header h = tar.next();
        if (h == null || !h.name().equals(EntryPaths.SIGNATURE) || h.size() != Ed25519.SIGNATURE_BYTES) {
            if (h != null && !EntryPaths.isSafe(h.name())) {
                throw new BundleException(Reason.UNSAFE_PATH);
            }
            throw new BundleException(Reason.SIGNATURE_MISSING);
        }
        return tar.content(h.size());
    }

    /** Refuses a manifest whose declared contents exceed the limits, before reading any of it. */
    private static void checkLimits(Manifest m, BundleLimits limits) throws BundleException {
        if (m.entries().size() > limits.maxEntryCount()) {
            throw new BundleException(Reason.TOO_MANY_ENTRIES, "maxEntryCount");
        }
        long total = 0;
        long records = 0;
        for (ManifestEntry e : m.entries()) {
            // Records are held in memory until the end; attachments stream past, so they have a ceiling of their own.
            boolean record = EntryPaths.isRecord(e.path());
            if (e.size() > (record ? limits.maxEntrySize() : limits.maxAttachmentSize())) {
                throw new BundleException(Reason.ENTRY_TOO_LARGE, e.path());
            }
            records += record ? e.size() : 0;
            total += TarWriter.BLOCK + e.size() + TarWriter.padding(e.size()); // no overflow: both bounded
        }
        if (total > limits.maxTotalBytes()) {
            throw new BundleException(Reason.TOO_MUCH_DATA, "maxTotalBytes");
        }
        if (records > limits.maxRecordBytes()) {
            throw new BundleException(Reason.TOO_MUCH_DATA, "maxRecordBytes");
        }
    }

    private static void checkSignature(byte[] device, byte[] manifest, byte[] signature,
            Collection<byte[]> knownDevices) throws BundleException {
        if (Ed25519.verify(device, manifest, signature)) {
            return;
        }
        for (byte[] other : knownDevices) {
            if (!Arrays.equals(other, device) && Ed25519.verify(other, manifest, signature)) {
                throw new BundleException(Reason.SIGNED_BY_OTHER_DEVICE, Fingerprint.device(other));
            }
        }
        throw new BundleException(Reason.BAD_SIGNATURE);
    }

    private static BundleEntry readEntry(TarReader tar, ManifestEntry expected, Manifest manifest, Set<String> seen)
            throws IOException, BundleException {
        TarReader.Header h = tar.next();
        if (h == null) {
            throw new BundleException(Reason.ENTRY_MISSING, expected.path());
        }
        if (!h.name().equals(expected.path())) {
            throw unexpected(h, manifest, seen, expected.path());
        }
        seen.add(h.name());
        // The manifest's size is within the limits (checked), so reading it is bounded.
        if (h.size() != expected.size()) {
            throw new BundleException(Reason.ENTRY_SIZE_MISMATCH, expected.path());
        }
        if (!EntryPaths.isRecord(expected.path())) {
            // An attachment is checked as it streams past and never held: documents and audio can be large.
            MessageDigest sha = Sha256.digest();
            tar.digestContent(h.size(), sha);
            if (!Sha256.hex(sha).equals(expected.sha256())) {
                throw new BundleException(Reason.ENTRY_HASH_MISMATCH, expected.path());
            }
            return null;
        }
        byte[] content = tar.content(h.size());
        if (!Sha256.hex(content).equals(expected.sha256())) {
            throw new BundleException(Reason.ENTRY_HASH_MISMATCH, expected.path());
        }
        return new BundleEntry(expected.path(), content);
    }

    /**
     * Classifies a header that is not the one expected next: a repeat, an unsafe name, a listed entry
     * arriving early (so the expected one is missing or out of place), or one the manifest never listed.
     */
    private static BundleException unexpected(TarReader.Header h, Manifest manifest, Set<String> seen,
            String expectedPath) {
        String name = h.name();
        if (name.equals(EntryPaths.MANIFEST) || name.equals(EntryPaths.SIGNATURE) || seen.contains(name)) {
            return new BundleException(Reason.DUPLICATE_ENTRY, name);
        }
        if (!EntryPaths.isAllowed(name)) {
            return new BundleException(Reason.UNSAFE_PATH); // no detail: the name may hold anything
        }
        if (expectedPath != null && isListed(manifest, name)) {
            return new BundleException(Reason.ENTRY_MISSING, expectedPath);
        }
        return new BundleException(Reason.ENTRY_NOT_IN_MANIFEST, name);
    }

    private static boolean isListed(Manifest m, String path) {
        for (ManifestEntry e : m.entries()) {
            if (e.path().equals(path)) {
                return true;
            }
        }
        return false;
    }

    /** Age failures keep their meaning; any other I/O failure is the source's. */
    private static BundleException fromIo(IOException e) {
        if (e instanceof AgeException a) {
            Reason r = switch (a.kind()) {
                case NO_MATCH -> Reason.WRONG_RECIPIENT;
                case HEADER, HMAC, ARMOR -> Reason.HEADER_DAMAGED;
                case PAYLOAD -> Reason.PAYLOAD_DAMAGED;
                case TRUNCATED -> Reason.TRUNCATED;
            };
            return new BundleException(r, null, e);
        }
        return new BundleException(Reason.READ_FAILED, null, e);
    }

    /** The reader does not own the caller's stream. */
    private static final class KeepOpen extends FilterInputStream {
        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // left to the caller
        }
    }
}
