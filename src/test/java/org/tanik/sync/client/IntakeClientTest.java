package org.tanik.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.Sha256;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.sync.Connection;
import org.tanik.sync.IntakeAddress;
import org.tanik.sync.ProxyAddress;
import org.tanik.sync.Receipt;
import org.tanik.sync.Refusal;
import org.tanik.sync.Route;
import org.tanik.sync.TlsPin;

class IntakeClientTest {

    private static final int CHUNK = 64 * 1024;

    @TempDir
    Path dir;
    private final byte[] deviceKey = Ed25519.generatePrivateKey();
    private final List<IntakeClient> clients = new ArrayList<>();
    private FakeIntake intake;

    @BeforeEach
    void start() throws Exception {
        intake = new FakeIntake();
    }

    @AfterEach
    void stop() {
        clients.forEach(IntakeClient::close);
        intake.close();
    }

    private IntakeClient client(String host, int port, String pin, Optional<ProxyAddress> proxy) {
        IntakeAddress address = new IntakeAddress(URI.create("https://" + host + ":" + port), pin,
                intake.receiptPublicKey(), Route.DIRECT_ALLOWED);
        IntakeClient c = new IntakeClient(address, new Connection(proxy), deviceKey, Clock.systemUTC())
                .chunkSize(CHUNK).retryPause(Duration.ofMillis(10));
        clients.add(c);
        return c;
    }

    private IntakeClient direct() {
        return client("127.0.0.1", intake.port(), intake.pin, Optional.empty());
    }

    private static TanikException failure(ThrowingCallable call) {
        TanikException e = catchThrowableOfType(TanikException.class, call);
        assertThat(e).as("a TanikException").isNotNull();
        return e;
    }

    private Path bundle(int size, long seed) throws Exception {
        byte[] content = new byte[size];
        new java.util.Random(seed).nextBytes(content);
        Path file = dir.resolve("b" + seed + ".tanik");
        Files.write(file, content);
        return file;
    }

    // ---- pinning ----

    @Test
    void thePinnedKeyIsTrustedThoughItsCertificateIsSelfSignedForAnotherName() {
        byte[] invitation = "{\"format\":\"tanik-invitation\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        direct().register(invitation);
        assertThat(intake.registered).isEqualTo(invitation);
    }

    @Test
    void anotherKeyIsRefusedAsInterceptionBeforeAByteOfTheRequestIsSent() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        IntakeClient wrongPin = client("127.0.0.1", intake.port(), TlsPin.of(g.generateKeyPair().getPublic()),
                Optional.empty());
        Path file = bundle(3 * CHUNK, 1);

        assertThat(failure(() -> wrongPin.register(new byte[] {1, 2, 3})).problem()).isEqualTo(Problem.SYNC_PIN_MISMATCH);
        assertThat(failure(() -> wrongPin.upload(file, Sha256.hex(Files.readAllBytes(file)), Optional.empty(),
                Transfer.NONE)).problem()).isEqualTo(Problem.SYNC_PIN_MISMATCH);
        assertThat(intake.requests).hasValue(0);
        assertThat(intake.registered).isNull();
        assertThat(intake.patchBytes).hasValue(0);
    }

    // ---- the proxy ----

    @Test
    void theIntakesNameGoesToTheProxyAndNeverToTheLocalResolver() throws Exception {
        String onion = "tanikintakeexampleonionaddressxxxxxxxxxxxxxxxxxxxxxxxx.onion";
        InetSocketAddress real = new InetSocketAddress(InetAddress.getLoopbackAddress(), intake.port());
        try (Socks5Stub proxy = new Socks5Stub(Map.of("intake.invalid", real, onion, real))) {
            Optional<ProxyAddress> tor = Optional.of(new ProxyAddress("127.0.0.1", proxy.port()));
            for (String host : List.of("intake.invalid", onion)) {
                // Neither name resolves on any machine, and the client's own resolver refuses every
                // name: the request can only have succeeded by handing the name to the proxy.
                client(host, intake.port(), intake.pin, tor).register(new byte[] {7});
            }
            assertThat(proxy.asked).containsExactly(new Socks5Stub.Asked(3, "intake.invalid", intake.port()),
                    new Socks5Stub.Asked(3, onion, intake.port()));
            assertThat(intake.hosts).containsExactly("intake.invalid:" + intake.port(), onion + ":" + intake.port());
            // Asked for a user name, the client never gives the person's login name.
            assertThat(proxy.users).isNotEmpty().allSatisfy(u -> assertThat(u).isNotEqualTo(System.getProperty("user.name"))
                    .matches("[0-9a-f]{32}"));
        }
    }

    @Test
    void aProxyThatIsDownMeansNotSentAndNoDirectAttempt() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        // The intake's address is a real listening socket: a direct attempt would reach it.
        try (ServerSocket direct = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            IntakeClient c = client("127.0.0.1", direct.getLocalPort(), intake.pin,
                    Optional.of(new ProxyAddress("127.0.0.1", dead)));
            Path file = bundle(CHUNK, 2);

            TanikException e = failure(() -> c.register(new byte[] {1}));
            assertThat(e.problem()).isEqualTo(Problem.SYNC_PROXY_UNREACHABLE);
            assertThat(e.args()).containsExactly("127.0.0.1:" + dead);
            assertThat(failure(() -> c.upload(file, Sha256.hex(Files.readAllBytes(file)), Optional.empty(),
                    Transfer.NONE)).problem()).isEqualTo(Problem.SYNC_PROXY_UNREACHABLE);

            // A connection made would already be in the backlog: nothing is there to accept.
            direct.setSoTimeout(300);
            assertThatThrownBy(direct::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aProxyThatCannotReachTheIntakeIsNotCalledDown() throws Exception {
        try (Socks5Stub proxy = new Socks5Stub(Map.of())) {
            IntakeClient c = client("intake.invalid", intake.port(), intake.pin,
                    Optional.of(new ProxyAddress("127.0.0.1", proxy.port())));
            assertThat(failure(() -> c.register(new byte[] {1})).problem()).isEqualTo(Problem.SYNC_UNREACHABLE);
            assertThat(proxy.asked).hasSize(1);
        }
    }

    // ---- uploads ----

    @ParameterizedTest
    @ValueSource(ints = {30, 90})
    void aCutUploadResumesFromTheIntakesOffsetSendingAtMostOneChunkTwice(int percent) throws Exception {
        Path file = bundle(16 * CHUNK + 1000, percent);
        byte[] content = Files.readAllBytes(file);
        intake.cutAt = content.length * (long) percent / 100 + 123;

        Receipt receipt = direct().upload(file, Sha256.hex(content), Optional.empty(), Transfer.NONE);

        assertThat(intake.cuts).hasValue(1);
        assertThat(intake.stored.get(Sha256.hex(content))).isEqualTo(content);
        assertThat(receipt.covers(Sha256.hex(content), content.length)).isTrue();
        long twice = intake.patchBytes.get() - content.length;
        System.out.printf("cut at %d%%: %d bytes sent twice (chunk %d)%n", percent, twice, CHUNK);
        assertThat(twice).isPositive().isLessThanOrEqualTo(CHUNK);
    }

    @Test
    void anOffsetMismatchAsksTheIntakeAndGoesOn() throws Exception {
        Path file = bundle(4 * CHUNK, 8);
        byte[] content = Files.readAllBytes(file);
        intake.conflictOnce = true;
        direct().upload(file, Sha256.hex(content), Optional.empty(), Transfer.NONE);
        assertThat(intake.conflictOnce).isFalse();
        assertThat(intake.stored.get(Sha256.hex(content))).isEqualTo(content);
    }

    @Test
    void anIntakeThatKeepsCuttingTheConnectionIsUnreachableAfterBoundedRetries() throws Exception {
        Path file = bundle(4 * CHUNK, 9);
        intake.cutEveryPatch = true;
        assertThat(failure(() -> direct().upload(file, Sha256.hex(Files.readAllBytes(file)), Optional.empty(),
                Transfer.NONE)).problem()).isEqualTo(Problem.SYNC_UNREACHABLE);
        assertThat(intake.cuts).hasValue(IntakeClient.RETRIES + 1);
    }

    @Test
    void theSameBundleAgainGetsTheSameReceiptWithoutAnotherUpload() throws Exception {
        Path file = bundle(3 * CHUNK, 3);
        String sha = Sha256.hex(Files.readAllBytes(file));
        IntakeClient c = direct();
        Receipt first = c.upload(file, sha, Optional.empty(), Transfer.NONE);
        Receipt again = c.upload(file, sha, Optional.empty(), Transfer.NONE);
        assertThat(again).isEqualTo(first);
        assertThat(intake.creations).hasValue(1);
        assertThat(intake.patchBytes).hasValue(Files.size(file));
    }

    @Test
    void aCancelledUploadResumesAfterARestartFromWhereItStopped() throws Exception {
        Path file = bundle(8 * CHUNK, 4);
        String sha = Sha256.hex(Files.readAllBytes(file));
        AtomicReference<String> created = new AtomicReference<>();
        List<Long> moved = new ArrayList<>();
        Transfer stopAfterThree = new Transfer() {
            @Override
            public void created(String uploadPath) {
                created.set(uploadPath);
            }

            @Override
            public void moved(long done, long total) {
                moved.add(done);
            }

            @Override
            public boolean cancelled() {
                return moved.size() > 3;
            }
        };
        assertThat(failure(() -> direct().upload(file, sha, Optional.empty(), stopAfterThree)).problem())
                .isEqualTo(Problem.SYNC_CANCELLED);
        assertThat(intake.patchBytes).hasValue(3L * CHUNK);

        Receipt receipt = direct().upload(file, sha, Optional.of(created.get()), Transfer.NONE);
        assertThat(receipt.covers(sha, Files.size(file))).isTrue();
        assertThat(intake.creations).hasValue(1);
        assertThat(intake.patchBytes).hasValue(Files.size(file));
    }

    @Test
    void anUploadTheIntakeForgotIsStartedAnew() throws Exception {
        Path file = bundle(2 * CHUNK, 5);
        String sha = Sha256.hex(Files.readAllBytes(file));
        direct().upload(file, sha, Optional.of("/files/expired"), Transfer.NONE);
        assertThat(intake.creations).hasValue(1);
        assertThat(intake.stored).containsKey(sha);
    }

    @Test
    void aReceiptSignedByAnotherKeyIsNotADelivery() throws Exception {
        intake.receiptSigner = Ed25519.generatePrivateKey();
        Path file = bundle(2 * CHUNK, 6);
        String sha = Sha256.hex(Files.readAllBytes(file));
        assertThat(failure(() -> direct().upload(file, sha, Optional.empty(), Transfer.NONE)).problem())
                .isEqualTo(Problem.SYNC_RECEIPT_INVALID);
        assertThat(failure(() -> direct().receipt(sha)).problem()).isEqualTo(Problem.SYNC_RECEIPT_INVALID);
    }

    @Test
    void aReceiptForAnotherFileIsNotADelivery() throws Exception {
        Path file = bundle(2 * CHUNK, 7);
        String sha = Sha256.hex(Files.readAllBytes(file));
        intake.receiptSize = Files.size(file) + 1;
        assertThat(failure(() -> direct().upload(file, sha, Optional.empty(), Transfer.NONE)).problem())
                .isEqualTo(Problem.SYNC_RECEIPT_INVALID);
        // Asked again, the stored receipt still names another size: still not delivered.
        assertThat(failure(() -> direct().upload(file, sha, Optional.empty(), Transfer.NONE)).problem())
                .isEqualTo(Problem.SYNC_RECEIPT_INVALID);
    }

    // ---- refusals ----

    @Test
    void eachRefusalCodeIsItsOwnProblem() {
        Map<Refusal, Problem> own = Map.of(Refusal.UNKNOWN_DEVICE, Problem.SYNC_UNKNOWN_DEVICE,
                Refusal.REVOKED_DEVICE, Problem.SYNC_DEVICE_REVOKED, Refusal.STALE_TIME, Problem.SYNC_CLOCK,
                Refusal.TOO_LARGE, Problem.SYNC_TOO_LARGE, Refusal.QUOTA_EXCEEDED, Problem.SYNC_QUOTA,
                Refusal.BUSY, Problem.SYNC_BUSY, Refusal.NOT_ORGANISATION, Problem.SYNC_NOT_ORGANISATION,
                Refusal.INVITATION_REFUSED, Problem.SYNC_INVITATION_REFUSED);
        IntakeClient c = direct();
        for (Refusal r : Refusal.values()) {
            intake.refuseAll = r;
            TanikException e = failure(() -> c.register(new byte[] {1}));
            if (own.containsKey(r)) {
                assertThat(e.problem()).as(r.code()).isEqualTo(own.get(r));
            } else {
                assertThat(e.problem()).as(r.code()).isEqualTo(Problem.SYNC_REFUSED);
                assertThat(e.args()).containsExactly(r.code());
            }
        }
        // Without the header (another server in between), the status is all there is.
        intake.refusalHeader = false;
        intake.refuseAll = Refusal.TOO_LARGE;
        assertThat(failure(() -> c.register(new byte[] {1})).problem()).isEqualTo(Problem.SYNC_TOO_LARGE);
        intake.refuseAll = Refusal.REVOKED_DEVICE;
        TanikException e = failure(() -> c.register(new byte[] {1}));
        assertThat(e.problem()).isEqualTo(Problem.SYNC_REFUSED);
        assertThat(e.args()).containsExactly("http-403");
    }

    // ---- the organisation ----

    @Test
    void theOrganisationPublishesListsDownloadsResumingAndAcknowledges() throws Exception {
        List<byte[]> bundles = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bundles.add(Files.readAllBytes(bundle(CHUNK + i, 10 + i)));
            intake.hold(bundles.get(i));
        }
        IntakeClient c = direct();
        c.publish("allow.list");
        assertThat(intake.published).isEqualTo("allow.list");

        List<Stored> all = c.list(0);
        assertThat(all).extracting(Stored::cursor).containsExactly(1L, 2L, 3L);
        assertThat(c.list(2)).extracting(Stored::cursor).containsExactly(3L);
        Stored first = all.get(0);
        byte[] content = intake.stored.get(first.sha256());
        assertThat(first.size()).isEqualTo(content.length);

        // Half of it arrived before a cut: only the rest is asked for.
        Path partial = dir.resolve(first.sha256() + ".part");
        Files.write(partial, java.util.Arrays.copyOf(content, content.length / 2));
        AtomicInteger moves = new AtomicInteger();
        c.download(first, partial, new Transfer() {
            @Override
            public void moved(long done, long total) {
                moves.incrementAndGet();
            }
        });
        assertThat(Files.readAllBytes(partial)).isEqualTo(content);
        assertThat(intake.downloadBytes).hasValue(content.length - content.length / 2);
        assertThat(moves).hasPositiveValue();

        c.acknowledge(first.sha256());
        assertThat(intake.acknowledged).containsExactly(first.sha256());
    }

    @Test
    void aListedSizeTheDiskCannotHoldIsRefusedBeforeAByteIsWritten() throws Exception {
        intake.hold(Files.readAllBytes(bundle(CHUNK, 21)));
        IntakeClient c = direct();
        Stored s = c.list(0).get(0);
        Stored huge = new Stored(s.cursor(), s.sha256(), Long.MAX_VALUE / 2, s.receivedAt(), s.device());
        Path partial = dir.resolve("huge.part");
        assertThat(failure(() -> c.download(huge, partial, Transfer.NONE)).problem()).isEqualTo(Problem.DISK_FULL);
        assertThat(partial).doesNotExist();
        assertThat(intake.downloadBytes).hasValue(0);
    }

    @Test
    void aDownloadThatDoesNotMatchItsHashIsDeleted() throws Exception {
        intake.hold(Files.readAllBytes(bundle(CHUNK, 20)));
        intake.damage = true;
        IntakeClient c = direct();
        Stored s = c.list(0).get(0);
        Path partial = dir.resolve("x.part");
        assertThat(failure(() -> c.download(s, partial, Transfer.NONE)).problem())
                .isEqualTo(Problem.SYNC_DOWNLOAD_DAMAGED);
        assertThat(partial).doesNotExist();
    }
}
