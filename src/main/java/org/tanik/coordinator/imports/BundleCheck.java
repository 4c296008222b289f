package org.tanik.coordinator.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tanik.bundle.BundleException;
import org.tanik.bundle.BundleLimits;
import org.tanik.bundle.BundleReader;
import org.tanik.bundle.EntryPaths;
import org.tanik.bundle.ManifestEntry;
import org.tanik.bundle.VerifiedBundle;
import org.tanik.coordinator.search.SearchIndex;
import org.tanik.crypto.Sha256;
import org.tanik.crypto.age.RetainedPayload;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.model.Testimony;
import org.tanik.store.coordinator.Archive;
import org.tanik.store.coordinator.ArchivePayloads;

/**
 * Reads and verifies one bundle file, deciding nothing: decrypts it with the organisation's identity,
 * checks signature and hashes ({@link BundleReader}), then the organisation's own rules
 * ({@link BundleAcceptance}). The sealed payload streams into a staged archive file meanwhile, so an
 * accepted bundle is stored without being encrypted again. Safe to run on several workers at once.
 */
final class BundleCheck {

    /** Room for the age header and the manifest above the largest payload: a larger file is no bundle. */
    private static final long ENVELOPE = 1 << 20;

    private final ArchivePayloads payloads;
    /** The organisation's current identity first, then those it kept at rotations. */
    private final List<X25519Identity> identities;
    private final BundleAcceptance acceptance;
    private final SearchIndex index;
    private final BundleLimits limits;
    private final QuarantineLimits quarantine;

    /** {@code index} may be null: then no search documents are prepared. */
    BundleCheck(ArchivePayloads payloads, X25519Identity identity, BundleAcceptance acceptance, SearchIndex index,
                BundleLimits limits, QuarantineLimits quarantine) {
        this(payloads, List.of(identity), acceptance, index, limits, quarantine);
    }

    /** With every identity the organisation holds, current first: each is tried on every bundle. */
    BundleCheck(ArchivePayloads payloads, List<X25519Identity> identities, BundleAcceptance acceptance,
                SearchIndex index, BundleLimits limits, QuarantineLimits quarantine) {
        this.payloads = payloads;
        this.identities = List.copyOf(identities);
        this.acceptance = acceptance;
        this.index = index;
        this.limits = limits;
        this.quarantine = quarantine;
    }

    /** Checks a file the coordinator chose. */
    Checked file(Path file, KnownDevices known) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            // age adds a 16-byte tag to every 64 KiB chunk: 4 MiB on a 16 GiB payload.
            if (Files.size(file) > limits.maxTotalBytes() + limits.maxTotalBytes() / 4096 + ENVELOPE) {
                return new Checked.Unread(name, ImportNote.of("import.reason.tooLarge"));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return stream(name, file, in, known);
            }
        } catch (IOException e) {
            return new Checked.Unread(name, ImportNote.of("import.reason.unreadable"));
        }
    }

    /** Checks a bundle held in quarantine, read from where it was kept. */
    Checked held(String name, InputStream in, KnownDevices known) throws IOException {
        return stream(name, null, in, known);
    }

    /** Verifies a bundle while its sealed payload streams into a staged archive file. */
    private Checked stream(String name, Path file, InputStream in, KnownDevices known) throws IOException {
        ArchivePayloads.Staged staged = payloads.stage();
        RetainedPayload retain = new RetainedPayload(staged.sink());
        try {
            // A device not yet approved may be anybody's throw-away key: its bundle is bounded before it is read.
            VerifiedBundle bundle = BundleReader.read(in, identities, limits, known.keys(), retain,
                    key -> known.approvedOrRevoked(key) ? null : quarantine.narrow(limits));
            staged.sync();
            ImportNote refused = acceptance.firstProblem(bundle);
            if (refused != null) {
                staged.close();
                return new Checked.Unacceptable(name, bundle.fileSha256(), bundle, refused);
            }
            List<Archive.Incoming> incoming = incoming(bundle);
            Map<String, SearchIndex.Document> documents = documents(bundle);
            return new Checked.Verified(name, file, bundle.fileSha256(), bundle, staged, retain.key(), retain.size(),
                    incoming, attachments(bundle), documents);
        } catch (BundleException e) {
            staged.close();
            return new Checked.Unverified(name, file == null ? null : sha256(file), e.reason());
        } catch (RuntimeException e) {
            staged.close();
            throw e;
        } finally {
            retain.destroy();
        }
    }

    /** Where each record lies in the payload, with the hash the signed manifest gives it. */
    private static List<Archive.Incoming> incoming(VerifiedBundle bundle) {
        Map<String, String> hashes = new HashMap<>();
        for (ManifestEntry e : bundle.manifest().entries()) {
            hashes.put(e.path(), e.sha256());
        }
        List<Archive.Incoming> out = new ArrayList<>(bundle.testimonies().size());
        for (Testimony t : bundle.testimonies()) {
            String path = EntryPaths.record(t.id(), t.version());
            out.add(new Archive.Incoming(t, bundle.offset(path), bundle.entry(path).orElseThrow().content().length,
                    hashes.get(path)));
        }
        return out;
    }

    /** Where each attachment lies in the payload; the acceptance checked that each is named by its hash. */
    private static List<Archive.IncomingAttachment> attachments(VerifiedBundle bundle) {
        List<Archive.IncomingAttachment> out = new ArrayList<>();
        for (ManifestEntry e : bundle.manifest().entries()) {
            if (EntryPaths.isAttachment(e.path())) {
                out.add(new Archive.IncomingAttachment(e.sha256(), bundle.offset(e.path()), e.size()));
            }
        }
        return out;
    }

    /** The records' search-index documents, prepared here on the worker; empty without an index. */
    private Map<String, SearchIndex.Document> documents(VerifiedBundle bundle) {
        Map<String, SearchIndex.Document> documents = new HashMap<>();
        if (index != null) {
            String bundleId = bundle.manifest().bundleId().toString();
            for (Testimony t : bundle.testimonies()) {
                documents.put(documentKey(t), SearchIndex.prepare(new Archive.Entry(t, bundle.deviceId(), bundleId)));
            }
        }
        return documents;
    }

    /** How {@link Checked.Verified#documents()} names the document of one version. */
    static String documentKey(Testimony t) {
        return t.id() + "/" + t.version();
    }

    /** The hash of a file that failed verification, so that the audit log can name it. */
    private static String sha256(Path file) throws IOException {
        MessageDigest md = Sha256.digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return Sha256.hex(md);
    }
}
