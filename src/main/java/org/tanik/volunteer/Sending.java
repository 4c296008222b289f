package org.tanik.volunteer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tanik.crypto.Secrets;
import org.tanik.enrolment.Enrolment;
import org.tanik.enrolment.Invitation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.store.volunteer.OutboxLedger;
import org.tanik.sync.Connection;
import org.tanik.sync.IntakeAddress;
import org.tanik.sync.ProxyAddress;
import org.tanik.sync.Receipt;
import org.tanik.work.Progress;

/**
 * Sending the outbox to the organisation's intake, when the volunteer asks (or has turned automatic
 * sending on). The route is decided once, by {@link Connection#plan}, both for what the volunteer
 * is shown before sending ({@link #route()}) and for the connection made: a proxy that is needed
 * and missing means nothing is attempted. A bundle is delivered only with a verified receipt for
 * exactly its file; its outbox copy is deleted then, the row and receipt stay.
 */
public final class Sending {

    /** What the volunteer sees of a bundle. */
    public enum State { WAITING, SENDING, DELIVERED, FAILED }

    /**
     * One exported bundle as the outbox shows it.
     *
     * @param problem why the last attempt failed (a sentence the faces translate), if it did
     */
    public record Bundle(String bundleId, long sequence, String sha256, long size, State state, Instant receivedAt,
                         Optional<TanikException> problem, int attempts, Instant nextAttempt) {

        /** The first 12 hex digits of the file's SHA-256, as the lists show it. */
        public String shortSha256() {
            return sha256.substring(0, Math.min(12, sha256.length()));
        }
    }

    /**
     * The way bundles will travel, as the volunteer is told before sending.
     *
     * @param proxy  "HOST:PORT" of the SOCKS proxy (Tor), or empty for a direct connection
     * @param intake the intake's address
     */
    public record RoutePlan(Optional<String> proxy, String intake) {

        public boolean direct() {
            return proxy.isEmpty();
        }
    }

    /**
     * The volunteer's sync preferences (from the settings, or {@code --proxy} for one run).
     *
     * @param proxy     {@code socks5://HOST:PORT}, or empty for none
     * @param proxyOnly never connect except through the proxy
     */
    public record Options(String proxy, boolean proxyOnly) {

        public Options {
            proxy = proxy == null ? "" : proxy.trim();
        }
    }

    /** How far a send has got: which bundle (1-based of how many) and its bytes. */
    public record Step(Bundle bundle, long bytesSent, long bytesTotal) {
    }

    /** Failures about one bundle; anything else (the route, the network, the device) stops the run. */
    private static final Set<Problem> ONE_BUNDLE = Set.of(Problem.SYNC_TOO_LARGE, Problem.SYNC_RECEIPT_INVALID,
            Problem.SYNC_REFUSED);
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LAST_RETRY = Duration.ofHours(1);

    private final OpenVault open;
    private final VaultSession vault;
    private final Clock clock;
    private final Courier.Factory couriers;
    private final Options options;
    private volatile boolean active;

    public Sending(OpenVault vault, Clock clock, Courier.Factory couriers, Options options) {
        this.open = vault;
        this.vault = vault.store();
        this.clock = clock;
        this.couriers = couriers;
        this.options = options;
    }

    /** The same sending with another proxy for this run ({@code --proxy}); blank keeps the setting. */
    public Sending withProxy(String proxy) {
        return proxy == null || proxy.isBlank() ? this
                : new Sending(open, clock, couriers, new Options(proxy, options.proxyOnly()));
    }

    /**
     * Automatic sending: only ever through the configured proxy, never direct, whatever the
     * organisation's route policy allows.
     */
    public Sending automatic() {
        return new Sending(open, clock, couriers, new Options(options.proxy(), true));
    }

    /** Checks a proxy address as typed in the settings; returns it in its one written form. */
    public static String checkProxy(String text) {
        return text == null || text.isBlank() ? "" : ProxyAddress.parse(text).toString();
    }

    /** Every exported bundle and its state, oldest first. */
    public List<Bundle> status() {
        return vault.outbox().list().stream().map(this::bundle).toList();
    }

    /** How many sealed versions are not in a bundle yet (a send exports them first). */
    public int unexported() {
        return vault.exports().pending().size();
    }

    /** When the next automatic attempt is due: now if something waits, else the earliest retry time. */
    public Optional<Instant> due() {
        if (unexported() > 0) {
            return Optional.of(clock.instant());
        }
        return vault.outbox().list().stream().filter(e -> e.state() != OutboxLedger.State.DELIVERED)
                .map(e -> e.nextAttempt() == null ? clock.instant() : e.nextAttempt()).min(Comparator.naturalOrder());
    }

    /**
     * The route a send would take now, for the volunteer to confirm. Throws SYNC_NOT_CONFIGURED
     * when the organisation gave no intake, SYNC_PROXY_REQUIRED when a proxy is needed and none is set.
     */
    public RoutePlan route() {
        IntakeAddress intake = intake();
        Connection c = plan(intake);
        return new RoutePlan(c.proxy().map(ProxyAddress::hostAndPort), intake.url().toString());
    }

    /**
     * Exports what is sealed but not yet in a bundle, then sends every bundle not yet delivered.
     * Returns the bundles of this run with their outcome. The route is planned before anything
     * else: when it is refused, nothing is exported, marked or attempted.
     */
    public List<Bundle> send(Progress<Step> progress) {
        IntakeAddress intake = intake();
        Connection connection = plan(intake);
        byte[] invitationFile = new Enrolment(clock).invitationFile(vault)
                .orElseThrow(() -> new TanikException(Problem.NOT_ENROLLED));
        try {
            if (unexported() > 0) {
                new Outbox(open, clock).exportForSending();
            }
            List<OutboxLedger.Entry> todo = vault.outbox().list().stream()
                    .filter(e -> e.state() != OutboxLedger.State.DELIVERED).toList();
            if (todo.isEmpty()) {
                return List.of();
            }
            active = true;
            byte[] key = vault.transport().privateKey();
            try (Courier courier = couriers.open(intake, connection, key)) {
                return sendAll(courier, invitationFile, todo, progress);
            } finally {
                Secrets.wipe(key);
                active = false;
            }
        } finally {
            Secrets.wipe(invitationFile);
        }
    }

    private List<Bundle> sendAll(Courier courier, byte[] invitationFile, List<OutboxLedger.Entry> todo,
                                 Progress<Step> progress) {
        OutboxLedger ledger = vault.outbox();
        List<String> run = todo.stream().map(OutboxLedger.Entry::bundleId).toList();
        TanikException stop = null;
        boolean registered = false;
        for (int i = 0; i < todo.size(); i++) {
            OutboxLedger.Entry e = todo.get(i);
            if (stop != null) {
                fail(e, stop);
                continue;
            }
            if (progress.cancelled()) {
                break; // the rest simply wait
            }
            ledger.sending(e.bundleId());
            int index = i;
            Bundle current = bundle(ledger.get(e.bundleId()).orElseThrow());
            progress.advanced(index, todo.size(), new Step(current, 0, e.size()));
            try {
                if (!registered) {
                    courier.register(invitationFile);
                    registered = true;
                }
                Path copy = Outbox.outboxFolder(vault).resolve(e.fileName());
                Courier.Delivered d = courier.upload(copy, e.sha256(), e.resumeFrom(), new Courier.Upload() {
                    @Override
                    public void created(String uploadPath) {
                        ledger.uploadStarted(e.bundleId(), uploadPath);
                    }

                    @Override
                    public void moved(long done, long total) {
                        progress.advanced(index, todo.size(), new Step(current, done, total));
                    }

                    @Override
                    public boolean cancelled() {
                        return progress.cancelled();
                    }
                });
                deliver(e, d);
                Outbox.deleteQuietly(copy);
            } catch (TanikException failure) {
                if (failure.problem() == Problem.SYNC_CANCELLED) {
                    ledger.interrupted(e.bundleId());
                    break;
                }
                fail(e, failure);
                if (!ONE_BUNDLE.contains(failure.problem())) {
                    stop = failure;
                }
            } catch (RuntimeException unexpected) {
                ledger.interrupted(e.bundleId());
                throw unexpected;
            }
            progress.advanced(index + 1, todo.size(), new Step(bundle(ledger.get(e.bundleId()).orElseThrow()),
                    e.size(), e.size()));
        }
        return run.stream().map(id -> bundle(ledger.get(id).orElseThrow())).toList();
    }

    /** Checked again here whatever the courier said: only a receipt for exactly this file marks it delivered. */
    private void deliver(OutboxLedger.Entry e, Courier.Delivered d) {
        Receipt r = d.receipt();
        if (r == null || !r.covers(e.sha256(), e.size())) {
            throw new TanikException(Problem.SYNC_RECEIPT_INVALID);
        }
        String kept = d.token() != null ? d.token() : r.sha256() + " " + r.size() + " " + r.receivedAt();
        vault.outbox().delivered(e.bundleId(), r.sha256(), r.size(), r.receivedAt(), kept);
    }

    private void fail(OutboxLedger.Entry e, TanikException why) {
        int attempts = e.attempts() + 1;
        vault.outbox().failed(e.bundleId(), why.problem().name(), why.args(), clock.instant().plus(backoff(attempts)));
    }

    /** 1 minute after the first failure, doubling, at most an hour. */
    static Duration backoff(int attempts) {
        Duration d = FIRST_RETRY;
        for (int i = 1; i < attempts && d.compareTo(LAST_RETRY) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : d;
    }

    private IntakeAddress intake() {
        Invitation inv = new Enrolment(clock).require(vault);
        return inv.intake().orElseThrow(() -> new TanikException(Problem.SYNC_NOT_CONFIGURED));
    }

    private Connection plan(IntakeAddress intake) {
        return Connection.plan(intake, options.proxy(), options.proxyOnly());
    }

    private Bundle bundle(OutboxLedger.Entry e) {
        State state = switch (e.state()) {
            case WAITING -> State.WAITING;
            // A row left "sending" by a send that is not running (a crash, another process) waits.
            case SENDING -> active ? State.SENDING : State.WAITING;
            case DELIVERED -> State.DELIVERED;
            case FAILED -> State.FAILED;
        };
        Optional<TanikException> problem = Optional.ofNullable(e.problem()).map(code -> problem(code, e.problemArgs()));
        return new Bundle(e.bundleId(), e.sequence(), e.sha256(), e.size(), state, e.receivedAt(),
                state == State.FAILED ? problem : Optional.empty(), e.attempts(), e.nextAttempt());
    }

    private static TanikException problem(String code, List<String> args) {
        Problem p;
        try {
            p = Problem.valueOf(code);
        } catch (IllegalArgumentException unknown) {
            return new TanikException(Problem.IO_FAILURE, code);
        }
        return new TanikException(p, args.toArray(new String[0]));
    }
}
