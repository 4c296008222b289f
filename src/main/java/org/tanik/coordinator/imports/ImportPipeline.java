package org.tanik.coordinator.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.tanik.bundle.BundleLimits;
import org.tanik.coordinator.search.SearchIndex;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.model.ReceivedBundle;
import org.tanik.store.coordinator.CoordinatorStores;
import org.tanik.work.Progress;

/**
 * Imports bundles into the coordinator's archive, in order and each all-or-nothing: decrypt with
 * the organisation's identity, verify signature and hashes, check the device and its sequence,
 * validate every record, then store it with the bundles stored alongside in one transaction. A bad
 * bundle gets its verdict and never stops the batch.
 *
 * <p>The entry point for both faces. Build one per import with the organisation's identity (which
 * the caller destroys afterwards), then call {@link #importFiles}, {@link #importFile} or, after an
 * approval, {@link #releaseHeld}. This class orders the work; {@link BundleCheck} reads and verifies
 * a file, {@link Admission} decides what becomes of it.
 */
public final class ImportPipeline {

    /** At most this many bundles are stored in one transaction. */
    private static final int GROUP = 16;
    /** Bundles are read ahead while their files add up to less than this, beyond one. */
    private static final long AHEAD_BYTES = 64L << 20;

    private final CoordinatorStores stores;
    private final BundleCheck check;
    private final Admission admission;

    public ImportPipeline(CoordinatorStores stores, X25519Identity identity, RecordValidator validator,
                          SearchIndex index, Clock clock, BundleLimits limits) {
        this(stores, identity, validator, index, clock, limits, QuarantineLimits.DEFAULT);
    }

    /**
     * The organisation's recipients are those of {@code identity}: bundles must be addressed to exactly
     * them. {@code index} may be null (the command line keeps none): it is then not updated.
     */
    public ImportPipeline(CoordinatorStores stores, X25519Identity identity, RecordValidator validator,
                          SearchIndex index, Clock clock, BundleLimits limits, QuarantineLimits quarantine) {
        this(stores, identity, List.of(), validator, index, clock, limits, quarantine);
    }

    /**
     * As above, for an organisation that rotated its key: {@code retired} are the identities it kept,
     * tried on every bundle after the current one, so bundles made to an old recipient still import.
     * The caller destroys them all afterwards.
     */
    public ImportPipeline(CoordinatorStores stores, X25519Identity identity, List<X25519Identity> retired,
                          RecordValidator validator, SearchIndex index, Clock clock, BundleLimits limits,
                          QuarantineLimits quarantine) {
        this.stores = stores;
        // Whether an attachment the bundle lacks is archived is decided when the bundle is stored, in
        // order and inside the transaction (Admission), not on a worker that may run ahead of it.
        BundleAcceptance acceptance = new BundleAcceptance(validator, List.of(identity.recipient().encode()),
                retired.stream().map(r -> r.recipient().encode()).toList(), sha256 -> true);
        List<X25519Identity> all = new ArrayList<>();
        all.add(identity);
        all.addAll(retired);
        this.check = new BundleCheck(stores.archive().payloads(), all, acceptance, index, limits, quarantine);
        this.admission = new Admission(stores, index, clock, quarantine);
    }

    /**
     * Imports files in order; {@code progress} hears each verdict once its bundle is committed, and
     * its {@link Progress#cancelled()} is asked between bundles, never inside one. Files are read,
     * decrypted, verified and parsed ahead, on two workers per core, while the single storing thread
     * makes the decisions (device, sequence, storing) strictly in order. The bundles already verified
     * when the storing thread gets to them are stored in one transaction (group commit); each stays
     * all-or-nothing. A failure that is not a bundle's (a full disk) stops the batch and is thrown:
     * the verdicts reported before it are exactly the bundles stored.
     *
     * @return the verdicts, one per file in order (fewer when cancelled)
     */
    public List<ImportResult> importFiles(List<Path> files, Progress<ImportResult> progress) {
        List<ImportResult> results = new ArrayList<>();
        KnownDevices known = knownDevices();
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
            while (results.size() < files.size() && !progress.cancelled()) {
                List<Checked> group = new ArrayList<>();
                try {
                    do {
                        while (submitted < files.size() && ahead.size() < threads + GROUP
                                && (ahead.isEmpty() || aheadBytes < AHEAD_BYTES)) {
                            Path f = files.get(submitted++);
                            long size = sizeOf(f);
                            aheadSizes.add(size);
                            aheadBytes += size;
                            ahead.add(CompletableFuture.supplyAsync(() -> check.file(f, known), workers));
                        }
                        aheadBytes -= aheadSizes.poll();
                        group.add(next(ahead));
                    } while (group.size() < GROUP && !ahead.isEmpty() && ahead.peek().isDone());
                    List<Runnable> then = new ArrayList<>();
                    for (ImportResult r : admitGroup(group, progress, then)) {
                        results.add(r);
                        progress.advanced(results.size(), files.size(), r);
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

    /** Imports one file: its verdict, once committed. */
    public ImportResult importFile(Path file) {
        try (Checked c = check.file(file, knownDevices())) {
            List<Runnable> then = new ArrayList<>();
            ImportResult result = admitGroup(List.of(c), Progress.none(), then).get(0);
            then.forEach(Runnable::run);
            return result;
        }
    }

    /**
     * Imports the bundles a device sent while it was pending, after it was approved (see
     * {@code Volunteers.approve}). A held bundle refused now leaves quarantine, with its verdict in
     * the audit log: it is never held forever.
     */
    public List<ImportResult> releaseHeld(String fingerprint) {
        List<ImportResult> out = new ArrayList<>();
        KnownDevices known = knownDevices();
        for (ReceivedBundle held : stores.bundles().forDevice(fingerprint)) {
            if (held.state() != ReceivedBundle.State.QUARANTINED) {
                continue;
            }
            String name = "bundle " + held.bundleId();
            ImportResult result;
            try (InputStream in = heldFile(held.bundleId()); Checked c = check.held(name, in, known)) {
                result = admission.released(held, c);
            } catch (IOException e) {
                result = admission.heldUnreadable(held, name);
            }
            out.add(result);
        }
        return out;
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0; // the check reports it unreadable
        }
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

    /**
     * Admits bundles in order in one transaction, until cancelled (at least one). The search index
     * follows only committed work: {@code then} receives what to run once the verdicts are reported.
     */
    private List<ImportResult> admitGroup(List<Checked> group, Progress<?> progress, List<Runnable> then) {
        List<ImportResult> results = new ArrayList<>();
        then.addAll(GroupCommit.run(stores, commit -> {
            for (Checked c : group) {
                if (!results.isEmpty() && progress.cancelled()) {
                    break;
                }
                results.add(admission.arrived(c, commit));
            }
        }));
        return results;
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

    private KnownDevices knownDevices() {
        return KnownDevices.of(stores.devices().list());
    }
}
