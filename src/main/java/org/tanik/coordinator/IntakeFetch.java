package org.tanik.coordinator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.coordinator.imports.QuarantineLimits;
import org.tanik.crypto.Sha256;
import org.tanik.enrolment.Organisation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.AtomicFiles;
import org.tanik.model.Device;
import org.tanik.model.DeviceState;
import org.tanik.session.OpenVault;
import org.tanik.store.coordinator.AuditDetail;
import org.tanik.store.coordinator.CoordinatorStores;
import org.tanik.store.coordinator.IntakeLedger;
import org.tanik.sync.AllowList;
import org.tanik.sync.Connection;
import org.tanik.sync.IntakeAddress;
import org.tanik.sync.Keys;
import org.tanik.sync.ProxyAddress;
import org.tanik.work.Progress;

/**
 * The coordinator fetches what volunteers sent to the organisation's intake: publishes the signed
 * allow-list, lists the finished bundles after the cursor, downloads each into
 * {@code <vault>/incoming/<sha256>.part} (resumable; renamed {@code <sha256>.tanik} when complete),
 * imports them through {@link CoordinatorDesk#importFiles} (the usual verdicts; the organisation
 * key's lifecycle, quarantine, audit and checkpoint stay there), ties the uploading transport key to
 * the device the bundle verified as, then acknowledges it, advances the cursor and deletes the file.
 *
 * <p>What is acknowledged: a bundle the archive now holds (imported, already imported, held in
 * quarantine), and a bundle refused for a reason of its own that no later attempt can change (not
 * authentic for the organisation, too large, a replay, a revoked device, bad records). Such a
 * refused bundle's file is kept in {@code incoming/refused/} for the coordinator to look at, so a bad
 * bundle never blocks the queue. Not acknowledged, and tried again at the next fetch: a bundle refused
 * because too many devices wait for approval, or because the disk would not give it back; its file
 * stays in {@code incoming/} and the cursor waits before it.
 */
public final class IntakeFetch {

    /** Refusals that another attempt may turn into an import: the bundle stays on the intake. */
    private static final Set<String> RETRY = Set.of("import.reason.tooManyPending", "import.reason.unreadable");
    /** At most this many bundles are downloaded before they are imported together. */
    private static final int BATCH = 16;
    private static final long BATCH_BYTES = 64L << 20;

    /**
     * How a fetch would reach the intake, to show before it starts.
     *
     * @param proxy "HOST:PORT" of the SOCKS proxy, or null for a direct connection
     */
    public record Plan(String url, String proxy, String route) {
        public boolean direct() {
            return proxy == null;
        }
    }

    /** What a fetch did: each bundle's verdict, and whether it was stopped before the end. */
    public record Result(List<ImportResult> verdicts, boolean cancelled) {
        public Result {
            verdicts = List.copyOf(verdicts);
        }

        public int fetched() {
            return verdicts.size();
        }
    }

    private final OpenVault vault;
    private final CoordinatorDesk desk;
    private final IntakeLink.Opener links;
    private final Clock clock;

    IntakeFetch(OpenVault vault, CoordinatorDesk desk, IntakeLink.Opener links, Clock clock) {
        this.vault = vault;
        this.desk = desk;
        this.links = links;
        this.clock = clock;
    }

    /**
     * The route a fetch would take with this proxy ({@code socks5://HOST:PORT}, or blank) and the
     * "only through the proxy" setting; refused as {@code SYNC_PROXY_REQUIRED} when the intake's route
     * or address needs a proxy and none is given.
     */
    public Plan plan(String proxy, boolean proxyOnly) {
        IntakeAddress intake = intake();
        Connection c = Connection.plan(intake, proxy, proxyOnly);
        return new Plan(intake.url().toString(), c.proxy().map(ProxyAddress::hostAndPort).orElse(null),
                intake.route().code());
    }

    /**
     * Fetches and imports every finished bundle after the cursor. {@code progress} hears each verdict
     * once its bundle is committed (done of the bundles listed so far); a cancel is heard between
     * bundles (and between a download's chunks, which are kept for resuming). A failure of the
     * connection stops the fetch: everything settled before it stays settled, a download resumes
     * next time.
     */
    public Result fetch(String proxy, boolean proxyOnly, QuarantineLimits quarantine, Progress<ImportResult> progress) {
        Organisation org = Organisation.require(vault.store());
        IntakeAddress intake = intake();
        Connection connection = Connection.plan(intake, proxy, proxyOnly);
        Run run = new Run(quarantine, progress);
        try (IntakeLink link = org.withSigningKey(key -> links.open(intake, connection, key, clock))) {
            run.link = link;
            link.publish(allowList(org));
            run.all();
            if (run.tied) {
                // A device revoked meanwhile may just have shown its transport key: tell the intake now.
                link.publish(allowList(org));
            }
        }
        return new Result(run.verdicts, run.stopped);
    }

    /** The signed allow-list as it stands, with a serial higher than any before. */
    String allowList(Organisation org) {
        AllowList list = currentList(stores().intake().nextSerial());
        return org.withSigningKey(list::sign);
    }

    /**
     * Approved: the transport keys of approved devices; revoked: those of revoked devices. A key that
     * uploaded bundles of two devices is in neither (unless one of them is revoked): the audit log
     * said so when it was seen.
     */
    AllowList currentList(long serial) {
        Map<String, Set<String>> keys = stores().intake().keys();
        Map<String, DeviceState> states = new java.util.HashMap<>();
        for (Device d : stores().devices().list()) {
            states.put(d.id(), d.state());
        }
        Set<String> approved = new TreeSet<>();
        Set<String> revoked = new TreeSet<>();
        keys.forEach((key, devices) -> {
            if (devices.stream().anyMatch(d -> states.get(d) == DeviceState.REVOKED)) {
                revoked.add(key);
            } else if (devices.size() == 1 && states.get(devices.iterator().next()) == DeviceState.APPROVED) {
                approved.add(key);
            }
        });
        return new AllowList(serial, clock.instant(), List.copyOf(approved), List.copyOf(revoked));
    }

    private IntakeAddress intake() {
        return Organisation.require(vault.store()).intake()
                .orElseThrow(() -> new TanikException(Problem.SYNC_NOT_CONFIGURED));
    }

    private CoordinatorStores stores() {
        return vault.store().coordinator();
    }

    /** One fetch: the pages listed, the batches downloaded and imported, what is settled. */
    private final class Run {
        final QuarantineLimits quarantine;
        final Progress<ImportResult> progress;
        final List<ImportResult> verdicts = new ArrayList<>();
        final Path incoming = vault.directory().resolve("incoming");
        IntakeLink link;
        /** Bundles listed in this run so far: the progress's total. */
        int listed;
        /** Once a bundle stays unsettled, the stored cursor waits before it for the next fetch. */
        boolean holding;
        boolean stopped;
        boolean tied;

        Run(QuarantineLimits quarantine, Progress<ImportResult> progress) {
            this.quarantine = quarantine;
            this.progress = progress;
        }

        void all() {
            createDirectories(incoming);
            long after = stores().intake().cursor();
            while (!stopped) {
                List<IntakeLink.Stored> page = link.list(after);
                if (page.isEmpty()) {
                    return;
                }
                listed += page.size();
                for (int i = 0; i < page.size() && !stopped; ) {
                    List<IntakeLink.Stored> batch = new ArrayList<>();
                    long bytes = 0;
                    while (i < page.size() && batch.size() < BATCH && (batch.isEmpty() || bytes < BATCH_BYTES)) {
                        IntakeLink.Stored s = page.get(i++);
                        if (!Sha256.isHex(s.sha256()) || s.cursor() <= after) {
                            // Names a file here and orders the queue: an intake saying otherwise is broken or hostile.
                            throw new TanikException(Problem.SYNC_REFUSED, "malformed");
                        }
                        after = s.cursor();
                        batch.add(s);
                        bytes += s.size();
                    }
                    importBatch(download(batch));
                }
            }
        }

        /** Downloads what is not here yet; stops early (keeping what arrived) when cancelled. */
        private List<IntakeLink.Stored> download(List<IntakeLink.Stored> batch) {
            List<IntakeLink.Stored> ready = new ArrayList<>();
            for (IntakeLink.Stored s : batch) {
                if (progress.cancelled()) {
                    stopped = true;
                    break;
                }
                Path complete = complete(s);
                if (!Files.exists(complete)) {
                    Path part = incoming.resolve(s.sha256() + ".part");
                    try {
                        if (!Files.exists(part)) {
                            AtomicFiles.createOwnerOnly(part).close();
                        }
                        link.download(s, part, progress::cancelled);
                    } catch (TanikException e) {
                        if (progress.cancelled()) {
                            stopped = true; // the part stays: the next fetch resumes it
                            break;
                        }
                        throw e;
                    } catch (IOException e) {
                        throw AtomicFiles.failure(e, part);
                    }
                    finish(part, complete, s);
                }
                ready.add(s);
            }
            return ready;
        }

        /** Checks the whole file against its listed SHA-256 once more, then gives it its final name. */
        private void finish(Path part, Path complete, IntakeLink.Stored s) {
            try {
                if (!s.sha256().equals(sha256(part)) || Files.size(part) != s.size()) {
                    Files.deleteIfExists(part);
                    throw new TanikException(Problem.SYNC_DOWNLOAD_DAMAGED, s.sha256().substring(0, 12));
                }
                Files.move(part, complete, StandardCopyOption.ATOMIC_MOVE);
                AtomicFiles.syncDirectory(incoming);
            } catch (IOException e) {
                throw AtomicFiles.failure(e, complete);
            }
        }

        /** Imports through the desk; each verdict, once committed, settles its bundle. */
        private void importBatch(List<IntakeLink.Stored> ready) {
            if (ready.isEmpty()) {
                return;
            }
            List<Path> files = ready.stream().map(this::complete).toList();
            int base = verdicts.size();
            desk.importFiles(files, quarantine, new Progress<>() {
                @Override
                public void advanced(int done, int total, ImportResult r) {
                    settle(ready.get(done - 1), r);
                    verdicts.add(r);
                    progress.advanced(base + done, Math.max(listed, base + done), r);
                }

                @Override
                public boolean cancelled() {
                    return progress.cancelled();
                }
            });
            if (verdicts.size() - base < ready.size()) {
                stopped = true; // cancelled between bundles: the rest stay downloaded, for the next fetch
            }
        }

        /** After the import committed: tie the transport key, acknowledge, advance the cursor, tidy up. */
        private void settle(IntakeLink.Stored s, ImportResult r) {
            boolean held = r.verdict() == ImportResult.Verdict.IMPORTED || r.verdict() == ImportResult.Verdict.QUARANTINED
                    || r.verdict() == ImportResult.Verdict.ALREADY_IMPORTED;
            // Only the first arrival of a bundle ties its uploader's key to the device that signed it: a
            // copy uploaded again (by anyone who got hold of the file) must not earn that key approval.
            boolean firstArrival = r.verdict() != ImportResult.Verdict.ALREADY_IMPORTED;
            if (held && firstArrival && r.device() != null) {
                tie(s.device(), r.device());
            }
            boolean retry = !held && r.reason() != null && RETRY.contains(r.reason().key());
            if (retry) {
                holding = true; // stays downloaded and unacknowledged; the cursor waits before it
                return;
            }
            link.acknowledge(s.sha256());
            if (!holding) {
                stores().intake().advance(s.cursor());
            }
            Path file = complete(s);
            try {
                if (held) {
                    Files.deleteIfExists(file);
                } else {
                    Path refused = createDirectories(incoming.resolve("refused"));
                    Files.move(file, refused.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw AtomicFiles.failure(e, file);
            }
        }

        /** Records which device a transport key's bundle verified as; a second device for one key is audited. */
        private void tie(String keyId, String device) {
            if (Keys.fromKeyId(keyId) == null) {
                return;
            }
            IntakeLedger ledger = stores().intake();
            Instant now = clock.instant();
            stores().inTransaction(() -> {
                if (ledger.tie(keyId, device, now)) {
                    tied = true;
                    Set<String> devices = ledger.devicesOf(keyId);
                    if (devices.size() > 1) {
                        stores().audit().append("intake.sharedkey", keyId, AuditDetail.of("audit.detail.transportKeyShared",
                                keyId, String.join(", ", devices)));
                    }
                }
            });
        }

        private Path complete(IntakeLink.Stored s) {
            return incoming.resolve(s.sha256() + ".tanik");
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw AtomicFiles.failure(e, dir);
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = Sha256.digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return Sha256.hex(digest);
    }
}
