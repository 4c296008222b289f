package org.tanik.coordinator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.tanik.bundle.BundleException;
import org.tanik.bundle.BundleLimits;
import org.tanik.bundle.BundleReader;
import org.tanik.bundle.EntryPaths;
import org.tanik.bundle.ManifestEntry;
import org.tanik.bundle.VerifiedBundle;
import org.tanik.coordinator.search.SearchIndex;
import org.tanik.crypto.Secrets;
import org.tanik.crypto.age.RetainedPayload;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.model.Device;
import org.tanik.model.DeviceState;
import org.tanik.model.ReceivedBundle;
import org.tanik.model.ReviewState;
import org.tanik.model.Testimony;
import org.tanik.store.coordinator.Archive;
import org.tanik.store.coordinator.ArchivePayloads;
import org.tanik.store.coordinator.AuditDetail;
import org.tanik.store.coordinator.CoordinatorStores;

/**
 * Imports bundles into the coordinator's archive, in order and each all-or-nothing: decrypt with
 * the organisation's identity, verify signature and hashes, check the device and its sequence,
 * validate every record, then store it with the bundles stored alongside in one transaction. A bad
 * bundle gets its verdict and never stops the batch.
 */
public final class Importer {

    /** Receives each verdict once it is committed, for progress displays. */
    public interface Progress {
        void done(int index, int total, ImportResult result);
    }

    private final CoordinatorStores stores;
    private final X25519Identity identity;
    private final BundleAcceptance acceptance;
    private final SearchIndex index;
    private final Clock clock;
    private final BundleLimits limits;
    private final QuarantineLimits quarantine;

    public Importer(CoordinatorStores stores, X25519Identity identity, RecordValidator validator, SearchIndex index,
                    Clock clock, BundleLimits limits) {
        this(stores, identity, validator, index, clock, limits, QuarantineLimits.DEFAULT);
    }

    /** The organisation's recipients are those of {@code identity}: bundles must be addressed to exactly them. */
    public Importer(CoordinatorStores stores, X25519Identity identity, RecordValidator validator, SearchIndex index,
                    Clock clock, BundleLimits limits, QuarantineLimits quarantine) {
        this.stores = stores;
        this.identity = identity;
        this.acceptance = new BundleAcceptance(validator, List.of(identity.recipient().encode()));
        this.index = index;
        this.clock = clock;
        this.limits = limits;
        this.quarantine = quarantine;
    }

    /** At most this many bundles are stored in one transaction. */
    private static final int GROUP = 16;
    /** Bundles are read ahead while their files add up to less than this, beyond one. */
    private static final long AHEAD_BYTES = 64L << 20;

    /**
     * Imports files in order; {@code cancelled} is checked between bundles, never inside one. Files
     * are read, decrypted, verified and parsed ahead, on two workers per core, while
     * the single storing thread makes the decisions (device, sequence, storing) strictly in order.
     * The bundles already verified when the storing thread gets to them are stored in one
     * transaction (group commit); each stays all-or-nothing, and its verdict is reported once it
     * is committed.
     */
    public List<ImportResult> importFiles(List<Path> files, Progress progress, BooleanSupplier cancelled) {
        List<ImportResult> results = new ArrayList<>();
        Known known = knownDevices();
        // Two workers per core: a worker waiting for its staged payload to reach the disk leaves the core to another.
        int threads = Math.max(1, Math.min(files.size(), Math.min(8, 2 * Runtime.getRuntime().availableProcessors())));
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tanik-import-verify");
            t.setDaemon(true);
            return t;
        });
        // Bounded look-ahead: each checked bundle holds its plaintext in memory until it is stored.
        Deque<CompletableFuture<Checked>> ahead = new ArrayDeque<>();
        Deque<Long> aheadSizes = new ArrayDeque<>();
        int submitted = 0;
        long aheadBytes = 0;
        try {
            while (results.size() < files.size() && !cancelled.getAsBoolean()) {
                List<Checked> group = new ArrayList<>();
                try {
                    do {
                        while (submitted < files.size() && ahead.size() < threads + GROUP
                                && (ahead.isEmpty() || aheadBytes < AHEAD_BYTES)) {
                            Path f = files.get(submitted++);
                            long size = sizeOf(f);
                            aheadSizes.add(size);
                            aheadBytes += size;
                            ahead.add(CompletableFuture.supplyAsync(() -> check(f, known), workers));
                        }
                        aheadBytes -= aheadSizes.poll();
                        group.add(next(ahead));
                    } while (group.size() < GROUP && !ahead.isEmpty() && ahead.peek().isDone());
                    List<Runnable> then = new ArrayList<>();
                    for (ImportResult r : admitGroup(group, cancelled, then)) {
                        results.add(r);
                        progress.done(results.size() - 1, files.size(), r);
                    }
                    // The index follows once the verdicts are out: if it fails, what was stored is still said.
                    then.forEach(Runnable::run);
                } finally {
                    group.forEach(Checked::close);
                }
            }
        } finally {
            // Cancelled or failed: let the bundles checked ahead finish, then drop what they staged.
            for (CompletableFuture<Checked> f : ahead) {
                f.thenAccept(Checked::close);
            }
            workers.shutdown();
        }
        return results;
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0; // check() reports it unreadable
        }
    }

    /**
     * Admits bundles in order in one transaction, until {@code cancelled} (at least one). Payload
     * renames are made durable before the rows commit; if anything fails, none of the group is
     * stored and the payloads it renamed are removed. The search index follows only committed work:
     * {@code then} receives what to run once the verdicts are reported.
     */
    private List<ImportResult> admitGroup(List<Checked> group, BooleanSupplier cancelled, List<Runnable> then) {
        List<ImportResult> results = new ArrayList<>();
        then.addAll(storing((afterCommit, renamed) -> {
            for (Checked c : group) {
                if (!results.isEmpty() && cancelled.getAsBoolean()) {
                    break;
                }
                results.add(admit(c, afterCommit, renamed));
            }
        }));
        return results;
    }

    /** Admissions made in one transaction: what to do once it commits, and the payloads they renamed. */
    private interface Admissions {
        void run(List<Runnable> afterCommit, List<String> renamed);
    }

    /** Runs the admissions in one transaction; returns what to do now that it committed. */
    private List<Runnable> storing(Admissions work) {
        List<Runnable> afterCommit = new ArrayList<>();
        List<String> renamed = new ArrayList<>();
        try {
            stores.inTransaction(() -> {
                work.run(afterCommit, renamed);
                if (!renamed.isEmpty()) {
                    stores.archive().payloads().syncDirectory();
                }
            });
        } catch (RuntimeException e) {
            renamed.forEach(id -> {
                stores.archive().payloads().discard(id);
                stores.archive().payloads().dropHeld(id);
            });
            throw e;
        }
        return afterCommit;
    }

    /** The next checked bundle; a failure that is not the bundle's (a full disk) stops the batch as itself. */
    private static Checked next(Deque<CompletableFuture<Checked>> ahead) {
        try {
            return ahead.poll().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    public ImportResult importFile(Path file) {
        try (Checked c = check(file, knownDevices())) {
            List<Runnable> then = new ArrayList<>();
            ImportResult result = admitGroup(List.of(c), () -> false, then).get(0);
            then.forEach(Runnable::run);
            return result;
        }
    }

    /**
     * A file read and verified, or the reason it could not be: the part of an import that needs no
     * decision. A verified bundle's payload is staged in the archive folder, with its key.
     */
    private static final class Checked implements AutoCloseable {
        final String name;
        final Path file;
        final String sha;
        final VerifiedBundle bundle;
        final ImportNote failure;
        final BundleException error;
        final ArchivePayloads.Staged staged;
        final byte[] payloadKey;
        final long payloadSize;
        /** Why a record breaks the rules (the first found, on the worker); null when all are valid. */
        ImportNote invalid;
        /** Where each record lies in the staged payload, found on the worker; null unless all are valid. */
        List<Archive.Incoming> incoming;
        /** Search-index documents of the bundle's records, prepared on the worker; empty without an index. */
        final Map<String, SearchIndex.Document> documents = new HashMap<>();

        Checked(String name, Path file, String sha, VerifiedBundle bundle, ImportNote failure, BundleException error,
                ArchivePayloads.Staged staged, byte[] payloadKey, long payloadSize) {
            this.name = name;
            this.file = file;
            this.sha = sha;
            this.bundle = bundle;
            this.failure = failure;
            this.error = error;
            this.staged = staged;
            this.payloadKey = payloadKey;
            this.payloadSize = payloadSize;
        }

        static Checked failed(String name, ImportNote why) {
            return new Checked(name, null, null, null, why, null, null, null, 0);
        }

        /** Drops the staged payload unless it was committed, and wipes the key. */
        @Override
        public void close() {
            if (staged != null) {
                staged.close();
            }
            Secrets.wipe(payloadKey);
        }
    }

    private Checked check(Path file, Known known) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            if (Files.size(file) > limits.maxTotalBytes() + (1 << 20)) {
                return Checked.failed(name, ImportNote.of("import.reason.tooLarge"));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return check(name, file, in, known);
            }
        } catch (IOException e) {
            return Checked.failed(name, ImportNote.of("import.reason.unreadable"));
        }
    }

    /** Verifies a bundle while its sealed payload streams into a staged archive file. */
    private Checked check(String name, Path file, InputStream in, Known known) throws IOException {
        ArchivePayloads.Staged staged = stores.archive().payloads().stage();
        RetainedPayload retain = new RetainedPayload(staged.sink());
        try {
            // A device not yet approved may be anybody's throw-away key: its bundle is bounded before it is read.
            VerifiedBundle bundle = BundleReader.read(in, List.of(identity), limits, known.keys(), retain,
                    key -> known.approvedOrRevoked(key) ? null : quarantine.narrow(limits));
            staged.sync();
            Checked c = new Checked(name, file, bundle.fileSha256(), bundle, null, null, staged, retain.key(),
                    retain.size());
            c.invalid = acceptance.firstProblem(bundle);
            if (c.invalid == null) {
                c.incoming = incoming(bundle);
            }
            if (index != null && c.invalid == null) {
                String bundleId = bundle.manifest().bundleId().toString();
                for (Testimony t : bundle.testimonies()) {
                    c.documents.put(t.id() + "/" + t.version(),
                            SearchIndex.prepare(new Archive.Entry(t, bundle.deviceId(), bundleId)));
                }
            }
            return c;
        } catch (BundleException e) {
            staged.close();
            return new Checked(name, file, file == null ? null : sha256(file), null, null, e, null, null, 0);
        } catch (RuntimeException e) {
            staged.close();
            throw e;
        } finally {
            retain.destroy();
        }
    }

    /** The registry's device keys as an import starts: to explain signatures, and to bound unapproved devices. */
    private record Known(List<byte[]> keys, Set<String> trusted) {
        boolean approvedOrRevoked(byte[] key) {
            return trusted.contains(Base64.getEncoder().encodeToString(key));
        }
    }

    private Known knownDevices() {
        List<Device> devices = stores.devices().list();
        Set<String> trusted = new HashSet<>();
        for (Device d : devices) {
            if (d.state() != DeviceState.PENDING) {
                trusted.add(Base64.getEncoder().encodeToString(d.publicKey()));
            }
        }
        return new Known(devices.stream().map(Device::publicKey).toList(), trusted);
    }

    /** A checked file's verdict: refused, already known, or admitted; call inside the group's transaction. */
    private ImportResult admit(Checked c, List<Runnable> afterCommit, List<String> renamed) {
        if (c.failure != null) {
            return ImportResult.rejected(c.name, c.failure);
        }
        Optional<ReceivedBundle> known = stores.bundles().byFileHash(c.sha);
        if (known.isPresent()) {
            ReceivedBundle b = known.get();
            return new ImportResult(c.name, b.state() == ReceivedBundle.State.QUARANTINED
                    ? ImportResult.Verdict.QUARANTINED : ImportResult.Verdict.ALREADY_IMPORTED, null, b.bundleId(),
                    b.device(), b.sequence(), b.recordCount(), List.of());
        }
        if (c.error != null) {
            audit("import.rejected", c.sha.substring(0, 16),
                    AuditDetail.of("audit.detail.rejectedUnverified", AuditDetail.of(c.error.reason().key())));
            return ImportResult.rejected(c.name, ImportNote.of(c.error.reason()));
        }
        return admit(c, null, afterCommit, renamed);
    }

    /** Imports the bundles a device sent while it was pending, after it was approved. */
    /**
     * Imports the bundles a device sent while it was pending, after it was approved. A held bundle
     * refused now leaves quarantine, with its verdict in the audit log: it is never held forever.
     */
    public List<ImportResult> releaseHeld(String fingerprint) {
        List<ImportResult> out = new ArrayList<>();
        Known known = knownDevices();
        for (ReceivedBundle held : stores.bundles().forDevice(fingerprint)) {
            if (held.state() != ReceivedBundle.State.QUARANTINED) {
                continue;
            }
            String name = "bundle " + held.bundleId();
            ImportResult result;
            try (InputStream in = heldFile(held.bundleId()); Checked c = check(name, null, in, known)) {
                result = c.error != null ? reject(name, held.bundleId(), held.device(), held.sequence(),
                        ImportNote.of(c.error.reason())) : admitHeld(c, held);
            } catch (IOException e) {
                result = reject(name, held.bundleId(), held.device(), held.sequence(),
                        ImportNote.of("import.reason.unreadable"));
            }
            if (result.verdict() == ImportResult.Verdict.REJECTED) {
                stores.inTransaction(() -> stores.bundles().remove(held.bundleId()));
                stores.archive().payloads().dropHeld(held.bundleId());
            }
            out.add(result);
        }
        return out;
    }

    /** The held file of a quarantined bundle: beside the database, or in it for vaults made before. */
    private InputStream heldFile(String bundleId) throws IOException {
        Optional<InputStream> file = stores.archive().payloads().held(bundleId);
        if (file.isPresent()) {
            return file.get();
        }
        return new ByteArrayInputStream(stores.bundles().legacyHeldFile(bundleId)
                .orElseThrow(() -> new IOException("no held file")));
    }

    private ImportResult admitHeld(Checked c, ReceivedBundle held) {
        ImportResult[] result = new ImportResult[1];
        storing((afterCommit, renamed) -> result[0] = admit(c, held, afterCommit, renamed)).forEach(Runnable::run);
        stores.archive().payloads().dropHeld(held.bundleId());
        return result[0];
    }

    /** Decides on one bundle and stores it; call inside the group's transaction. */
    private ImportResult admit(Checked c, ReceivedBundle held, List<Runnable> afterCommit, List<String> renamed) {
        VerifiedBundle bundle = c.bundle;
        String name = c.name;
        String sha = c.sha;
        String bundleId = bundle.manifest().bundleId().toString();
        String fp = bundle.deviceId();
        long seq = bundle.manifest().sequence();
        Instant now = now();
        Optional<ReceivedBundle> sameId = held == null ? stores.bundles().byId(bundleId) : Optional.empty();
        if (sameId.isPresent()) {
            // The same signed content in another file (encrypted again, perhaps by someone else) is no replay.
            if (stores.archive().holdsSigned(bundleId, bundle.manifestBytes(), bundle.signature())) {
                ReceivedBundle b = sameId.get();
                return new ImportResult(name, ImportResult.Verdict.ALREADY_IMPORTED, null, bundleId, b.device(),
                        b.sequence(), b.recordCount(), List.of(ImportNote.of("import.note.sameSigned", bundleId)));
            }
            return reject(name, bundleId, fp, seq, ImportNote.of("import.reason.replayId"));
        }
        // A device is its public key: the short id only names the row, and a row whose key differs is not this device.
        Device device = stores.devices().findByKey(bundle.devicePublicKey()).orElse(null);
        if (device == null && stores.devices().find(fp).isPresent()) {
            return reject(name, bundleId, fp, seq, ImportNote.of("import.reason.deviceKeyMismatch"));
        }
        if (c.invalid != null) {
            return reject(name, bundleId, fp, seq, c.invalid);
        }
        if (device == null || device.state() == DeviceState.PENDING) {
            if (held == null) {
                if (device == null && stores.devices().countPending() >= quarantine.maxPendingDevices()) {
                    return reject(name, bundleId, fp, seq,
                            ImportNote.of("import.reason.tooManyPending", quarantine.maxPendingDevices()));
                }
                if (!stores.archive().payloads().hold(bundleId, c.file, sha)) {
                    return ImportResult.rejected(name, ImportNote.of("import.reason.unreadable"));
                }
                renamed.add(bundleId);
                stores.inTransaction(() -> {
                    stores.devices().seen(fp, bundle.devicePublicKey(), now, seq);
                    stores.bundles().add(new ReceivedBundle(bundleId, sha, fp, seq, bundle.manifest().createdAt(), now, null,
                            ReceivedBundle.State.QUARANTINED, bundle.testimonies().size(), false));
                    stores.audit().append("import.quarantined", bundleId, AuditDetail.of("audit.detail.quarantined", fp, seq));
                });
            }
            return new ImportResult(name, ImportResult.Verdict.QUARANTINED, null, bundleId, fp, seq,
                    bundle.testimonies().size(), List.of());
        }
        List<ImportNote> notes = new ArrayList<>();
        boolean flagged = false;
        if (device.state() == DeviceState.REVOKED) {
            if (bundle.manifest().createdAt().isAfter(device.revokedAt())) {
                return reject(name, bundleId, fp, seq, ImportNote.of("import.reason.revoked"));
            }
            // A seized key can backdate createdAt, not the sequence: nothing newer than what arrived before the revocation.
            if (seq > device.lastSequence()) {
                return reject(name, bundleId, fp, seq,
                        ImportNote.of("import.reason.revokedSequence", seq, device.lastSequence()));
            }
            flagged = true;
            notes.add(ImportNote.of("import.note.flagged", device.revokeReason()));
        }
        Optional<ReceivedBundle> sameSequence = stores.bundles().bySequence(fp, seq);
        if (sameSequence.isPresent() && (held == null || !sameSequence.get().bundleId().equals(bundleId))) {
            return reject(name, bundleId, fp, seq, ImportNote.of("import.reason.replaySequence", seq));
        }
        notes.addAll(sequenceNotes(fp, seq, bundle.manifest().previousBundleSha256(), device.lastSequence()));
        boolean flag = flagged;
        List<Archive.Incoming> incoming = c.incoming;
        List<Testimony> added = new ArrayList<>();
        // The payload is made final first: a crash before the commit leaves only a file no row points to.
        c.staged.commit(bundleId);
        renamed.add(bundleId);
        stores.inTransaction(() -> {
            stores.devices().seen(fp, bundle.devicePublicKey(), now, seq);
            if (held == null) {
                stores.bundles().add(new ReceivedBundle(bundleId, sha, fp, seq, bundle.manifest().createdAt(), now,
                        now, ReceivedBundle.State.IMPORTED, bundle.testimonies().size(), flag));
            } else {
                stores.bundles().markImported(bundleId, now, bundle.testimonies().size(), flag);
            }
            added.addAll(stores.archive().addBundle(new Archive.StoredBundle(bundleId, fp, c.payloadKey,
                    c.payloadSize, bundle.manifestBytes(), bundle.signature()), incoming));
            stores.devices().imported(fp, seq);
            stores.audit().append("import", bundleId, AuditDetail.of(flag ? "audit.detail.importFlagged"
                    : "audit.detail.import", fp, seq, (long) added.size(), sha));
        });
        Map<String, SearchIndex.Document> documents = c.documents;
        afterCommit.add(() -> refreshIndex(added, documents, fp, bundleId));
        return new ImportResult(name, ImportResult.Verdict.IMPORTED, null, bundleId, fp, seq, added.size(), notes);
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

    /** Gaps and late arrivals, reported per device; the previous-hash link is checked when known. */
    private List<ImportNote> sequenceNotes(String fp, long seq, String previousSha, long lastSequence) {
        List<ImportNote> notes = new ArrayList<>();
        if (seq == lastSequence + 2) {
            notes.add(ImportNote.of("import.note.gapOne", lastSequence + 1));
        } else if (seq > lastSequence + 2) {
            notes.add(ImportNote.of("import.note.gapMany", lastSequence + 1, seq - 1));
        } else if (seq < lastSequence) {
            notes.add(ImportNote.of("import.note.late", seq, lastSequence));
        }
        if (seq > 1) {
            stores.bundles().bySequence(fp, seq - 1).ifPresent(prev -> {
                if (!prev.fileSha256().equals(previousSha)) {
                    notes.add(ImportNote.of("import.note.chain", seq - 1));
                }
            });
        }
        return notes;
    }

    /** Puts newly archived versions in the index when they are the newest of their testimony. */
    private void refreshIndex(List<Testimony> added, Map<String, SearchIndex.Document> prepared, String device,
                              String bundleId) {
        if (index == null) {
            return;
        }
        List<Testimony> newer = added.stream().filter(t -> index.indexedVersion(t.id()) < t.version()).toList();
        Map<String, ReviewState> states = stores.reviews().states(newer.stream().map(Testimony::id).toList());
        for (Testimony t : newer) {
            SearchIndex.Document doc = prepared.get(t.id() + "/" + t.version());
            index.put(doc != null ? doc : SearchIndex.prepare(new Archive.Entry(t, device, bundleId)),
                    states.getOrDefault(t.id(), ReviewState.NEW));
        }
    }

    private ImportResult reject(String name, String bundleId, String fp, long seq, ImportNote reason) {
        audit("import.rejected", bundleId, AuditDetail.of("audit.detail.rejected", fp, seq,
                new AuditDetail(reason.key(), new ArrayList<>(reason.args()))));
        return new ImportResult(name, ImportResult.Verdict.REJECTED, reason, bundleId, fp, seq, 0, List.of());
    }

    private void audit(String action, String subject, AuditDetail detail) {
        stores.inTransaction(() -> stores.audit().append(action, subject, detail));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
