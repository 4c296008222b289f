package org.tanik.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.tanik.crypto.Ed25519;
import org.tanik.enrolment.Invitation;
import org.tanik.enrolment.InvitationCodec;
import org.tanik.sync.AllowList;
import org.tanik.sync.Keys;
import org.tanik.sync.Wire;
import org.tanik.testing.Invitations;
import org.tanik.testing.MutableClock;

/** An intake in a temp folder with a known organisation key, a movable clock and captured request lines. */
final class IntakeFixture implements AutoCloseable {

    final byte[] organisationKey = Ed25519.generatePrivateKey();
    final MutableClock clock = new MutableClock(Instant.now());
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    final IntakeFolder folder;
    IntakeServer server;
    TestIntakeClient client;
    private long serial;

    IntakeFixture(Path dir, boolean trusted, UnaryOperator<IntakeConfig> config, boolean unsigned) throws Exception {
        folder = new IntakeFolder(dir.resolve("intake"));
        folder.init("127.0.0.1:0", trusted ? Keys.text(Ed25519.publicKey(organisationKey)) : null);
        folder.config(config.apply(folder.config()));
        start(unsigned);
    }

    IntakeFixture(Path dir) throws Exception {
        this(dir, true, c -> c, false);
    }

    void start(boolean unsigned) throws Exception {
        IntakeServer.Options options = IntakeServer.Options.defaults().listen("127.0.0.1:0").clock(clock)
                .log(new PrintStream(log, true, StandardCharsets.UTF_8)).sweepEvery(Duration.ofHours(1));
        server = IntakeServer.start(folder.dir(), unsigned ? options.acceptUnsignedUploadsForTests() : options);
        client = new TestIntakeClient(folder.certificatePem(), server.port(), clock);
    }

    void restart() throws Exception {
        client.close();
        server.close();
        start(false);
    }

    /**
     * The request lines so far, once one containing {@code fragment} is there: Jetty writes a line
     * after the response has gone, so the client may read the answer before the line exists.
     */
    String logOnce(String fragment) throws InterruptedException {
        for (int i = 0; i < 200 && !log().contains(fragment); i++) {
            Thread.sleep(50);
        }
        return log();
    }

    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    byte[] invitation(byte[] signingKey, Instant expiresAt) {
        Instant issued = expiresAt.minus(Duration.ofDays(14));
        Invitation inv = new Invitation("Organisation", Invitations.recipients(1), Ed25519.publicKey(signingKey),
                "https://127.0.0.1:" + server.port(), server.tlsPin(), server.intakeKey(), "direct-allowed", issued, expiresAt);
        return new InvitationCodec().write(inv, signingKey);
    }

    TestIntakeClient.Answer register(byte[] deviceKey, byte[] invitationFile) throws IOException {
        return client.send("POST", Wire.REGISTER, Map.of("Content-Type", "application/json", "Content-Digest",
                TestIntakeClient.contentDigest(invitationFile)), invitationFile, deviceKey);
    }

    /** A new transport key, registered with a valid invitation. */
    byte[] registeredDevice() throws IOException {
        byte[] key = Ed25519.generatePrivateKey();
        TestIntakeClient.Answer a = register(key, invitation(organisationKey, clock.instant().plus(Duration.ofDays(7))));
        if (a.status() != 204) {
            throw new AssertionError("registration refused: " + a.status() + " " + a.text());
        }
        return key;
    }

    TestIntakeClient.Answer publish(String token) throws IOException {
        byte[] body = token.getBytes(StandardCharsets.US_ASCII);
        return client.send("PUT", Wire.DEVICES, Map.of("Content-Type", "text/plain", "Content-Digest",
                TestIntakeClient.contentDigest(body)), body, organisationKey);
    }

    TestIntakeClient.Answer allowList(List<byte[]> approved, List<byte[]> revoked) throws IOException {
        serial++;
        return publish(new AllowList(serial, clock.instant(), approved.stream().map(k -> Keys.keyId(Ed25519.publicKey(k))).toList(),
                revoked.stream().map(k -> Keys.keyId(Ed25519.publicKey(k))).toList()).sign(organisationKey));
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
