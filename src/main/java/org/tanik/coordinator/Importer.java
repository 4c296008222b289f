package org.tanik.coordinator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.tanik.bundle.BundleException;
import org.tanik.bundle.BundleLimits;
import org.tanik.bundle.BundleReader;
import org.tanik.bundle.EntryPaths;
import org.tanik.bundle.VerifiedBundle;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.model.Device;
import org.tanik.model.DeviceState;
import org.tanik.model.ReceivedBundle;
import org.tanik.model.Testimony;
import org.tanik.vault.Archive;
import org.tanik.vault.CoordinatorStores;

/**
 * Imports bundles into the coordinator's archive, one at a time and each all-or-nothing: decrypt
 * with the organisation's identity, verify signature and hashes, check the device and its
 * sequence, validate every record, then store everything in one transaction. A bad bundle gets its
 * verdict and never stops the batch.
 */
public final class Importer {

    /** Receives each verdict as soon as it is known, for progress displays. */
    public interface Progress {
        void done(int index, int total, ImportResult result);
    }

    private final CoordinatorStores stores;
    private final X25519Identity identity;
    private final RecordValidator validator;
    private final SearchIndex index;
    private final Clock clock;
    private final BundleLimits limits;

    public Importer(CoordinatorStores stores, X25519Identity identity, RecordValidator validator, SearchIndex index,
                    Clock clock, BundleLimits limits) {
        this.stores = stores;
        this.identity = identity;
        this.validator = validator;
        this.index = index;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * Imports files in order; {@code cancelled} is checked between bundles, never inside one. The
     * next file is read and verified on a worker thread while the current one is stored, so both
     * cores work; the decisions (device, sequence, storing) stay strictly in order.
     */
    public List<ImportResult> importFiles(List<Path> files, Progress progress, BooleanSupplier cancelled) {
        List<ImportResult> results = new ArrayList<>();
        List<byte[]> known = knownDevices();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tanik-import-verify");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<Checked> next = files.isEmpty() ? null
                    : CompletableFuture.supplyAsync(() -> check(files.get(0), known), worker);
            for (int i = 0; i < files.size() && !cancelled.getAsBoolean(); i++) {
                Checked current = next.join();
                int following = i + 1;
                next = following < files.size()
                        ? CompletableFuture.supplyAsync(() -> check(files.get(following), known), worker) : null;
                ImportResult r = admit(current);
                results.add(r);
                progress.done(i, files.size(), r);
            }
        } finally {
            worker.shutdownNow();
        }
        return results;
    }

    public ImportResult importFile(Path file) {
        return admit(check(file, knownDevices()));
    }

    /** A file read and verified, or the reason it could not be: the part of an import that needs no vault. */
    private record Checked(String name, byte[] bytes, String sha, VerifiedBundle bundle, ImportNote failure,
                           BundleException error) {
    }

    private Checked check(Path file, List<byte[]> known) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            if (Files.size(file) > limits.maxTotalBytes() + (1 << 20)) {
                return new Checked(name, null, null, null, ImportNote.of("import.reason.tooLarge"), null);
            }
            return check(name, Files.readAllBytes(file), known);
        } catch (IOException e) {
            return new Checked(name, null, null, null, ImportNote.of("import.reason.unreadable"), null);
        }
    }

    private Checked check(String name, byte[] bytes, List<byte[]> known) {
        String sha = sha256(bytes);
        try {
            return new Checked(name, bytes, sha, BundleReader.read(new ByteArrayInputStream(bytes), List.of(identity),
                    limits, known), null, null);
        } catch (BundleException e) {
            return new Checked(name, bytes, sha, null, null, e);
        }
    }

    private List<byte[]> knownDevices() {
        return stores.devices().list().stream().map(Device::publicKey).toList();
    }

    private ImportResult admit(Checked c) {
        if (c.failure() != null) {
            return ImportResult.rejected(c.name(), c.failure());
        }
        Optional<ReceivedBundle> known = stores.bundles().byFileHash(c.sha());
        if (known.isPresent()) {
            ReceivedBundle b = known.get();
            return new ImportResult(c.name(), b.state() == ReceivedBundle.State.QUARANTINED
                    ? ImportResult.Verdict.QUARANTINED : ImportResult.Verdict.ALREADY_IMPORTED, null, b.bundleId(),
                    b.device(), b.sequence(), b.recordCount(), List.of());
        }
        if (c.error() != null) {
            audit("import.rejected", c.sha().substring(0, 16), c.error().reason().name());
            return ImportResult.rejected(c.name(), ImportNote.of(c.error().reason()));
        }
        return admit(c.name(), c.bundle(), c.bytes(), c.sha(), null);
    }

    /** Imports the bundles a device sent while it was pending, after it was approved. */
    public List<ImportResult> releaseHeld(String fingerprint) {
        List<ImportResult> out = new ArrayList<>();
        for (ReceivedBundle held : stores.bundles().forDevice(fingerprint)) {
            if (held.state() != ReceivedBundle.State.QUARANTINED) {
                continue;
            }
            byte[] bytes = stores.bundles().heldFile(held.bundleId()).orElse(null);
            if (bytes == null) {
                continue;
            }
            String name = "bundle " + held.bundleId();
            try {
                VerifiedBundle bundle = BundleReader.read(new ByteArrayInputStream(bytes), List.of(identity), limits);
                out.add(admit(name, bundle, bytes, held.fileSha256(), held));
            } catch (BundleException e) {
                out.add(ImportResult.rejected(name, ImportNote.of(e.reason())));
            }
        }
        return out;
    }

    private ImportResult admit(String name, VerifiedBundle bundle, byte[] bytes, String sha, ReceivedBundle held) {
        String bundleId = bundle.manifest().bundleId().toString();
        String fp = bundle.deviceFingerprint();
        long seq = bundle.manifest().sequence();
        Instant now = now();
        if (held == null && stores.bundles().byId(bundleId).isPresent()) {
            return reject(name, bundleId, fp, seq, ImportNote.of("import.reason.replayId"));
        }
        Device device = stores.devices().find(fp).orElse(null);
        if (device == null || device.state() == DeviceState.PENDING) {
            if (held == null) {
                stores.inTransaction(() -> {
                    stores.devices().seen(fp, bundle.devicePublicKey(), now, seq);
                    stores.bundles().add(new ReceivedBundle(bundleId, sha, fp, seq, bundle.manifest().createdAt(), now, null,
                            ReceivedBundle.State.QUARANTINED, bundle.testimonies().size(), false), bytes);
                    stores.audit().append("import.quarantined", bundleId, "device " + fp + ", sequence " + seq);
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
            flagged = true;
            notes.add(ImportNote.of("import.note.flagged", device.revokeReason()));
        }
        Optional<ReceivedBundle> sameSequence = stores.bundles().bySequence(fp, seq);
        if (sameSequence.isPresent() && (held == null || !sameSequence.get().bundleId().equals(bundleId))) {
            return reject(name, bundleId, fp, seq, ImportNote.of("import.reason.replaySequence", seq));
        }
        notes.addAll(sequenceNotes(fp, seq, bundle.manifest().previousBundleSha256(), device.lastSequence()));
        String invalid = validator.firstProblem(bundle.testimonies());
        if (invalid != null) {
            return reject(name, bundleId, fp, seq, ImportNote.of("import.reason.invalidRecord", invalid));
        }
        boolean flag = flagged;
        List<Testimony> added = new ArrayList<>();
        stores.inTransaction(() -> {
            stores.devices().seen(fp, bundle.devicePublicKey(), now, seq);
            if (held == null) {
                stores.bundles().add(new ReceivedBundle(bundleId, sha, fp, seq, bundle.manifest().createdAt(), now, now,
                        ReceivedBundle.State.IMPORTED, bundle.testimonies().size(), flag), null);
            } else {
                stores.bundles().markImported(bundleId, now, bundle.testimonies().size(), flag);
            }
            List<Archive.Incoming> incoming = new ArrayList<>();
            for (Testimony t : bundle.testimonies()) {
                incoming.add(new Archive.Incoming(t,
                        bundle.entry(EntryPaths.record(t.id(), t.version())).orElseThrow().content()));
            }
            added.addAll(stores.archive().addAll(incoming, fp, bundleId, now));
            stores.devices().imported(fp, seq);
            stores.audit().append("import", bundleId, "device " + fp + ", sequence " + seq + ", " + added.size()
                    + " new versions, file sha256 " + sha + (flag ? ", flagged" : ""));
        });
        refreshIndex(added, fp, bundleId);
        return new ImportResult(name, ImportResult.Verdict.IMPORTED, null, bundleId, fp, seq, added.size(), notes);
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
    private void refreshIndex(List<Testimony> added, String device, String bundleId) {
        if (index == null) {
            return;
        }
        for (Testimony t : added) {
            if (index.indexedVersion(t.id()) < t.version()) {
                index.put(new Archive.Entry(t, device, bundleId), stores.reviews().state(t.id()));
            }
        }
    }

    private ImportResult reject(String name, String bundleId, String fp, long seq, ImportNote reason) {
        audit("import.rejected", bundleId, "device " + fp + ", sequence " + seq + ": " + reason.text(java.util.Locale.ENGLISH));
        return new ImportResult(name, ImportResult.Verdict.REJECTED, reason, bundleId, fp, seq, 0, List.of());
    }

    private void audit(String action, String subject, String detail) {
        stores.inTransaction(() -> stores.audit().append(action, subject, detail));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
