package org.tanik.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.Main;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.Random;
import org.tanik.crypto.Sha256;
import org.tanik.enrolment.Invitation;
import org.tanik.enrolment.InvitationCodec;
import org.tanik.sync.Keys;
import org.tanik.sync.Wire;
import org.tanik.testing.Invitations;

/**
 * {@code intake serve} as a separate process, killed with SIGKILL in the middle of an upload and
 * started again: HEAD reports every chunk that was acknowledged, the upload resumes, and the stored
 * file is the one sent. Then SIGTERM stops it; what it wrote to standard error holds request lines
 * and no address.
 */
class IntakeKillTest {

    private static final Pattern LISTENING = Pattern.compile("Intake listening on https://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    private record Child(Process process, int port, Path stderr) {
    }

    private Child serve(Path data, int round) throws Exception {
        Path stderr = dir.resolve("stderr-" + round + ".txt");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "intake", "serve",
                "--data", data.toString()).redirectError(stderr.toFile());
        pb.environment().put("TANIK_HOME", dir.resolve("home").toString());
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("first line of intake serve (stderr: %s)", stderr).isNotNull();
        Matcher m = LISTENING.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        return new Child(p, Integer.parseInt(m.group(1)), stderr);
    }

    @Test
    void killedMidUploadItResumesFromWhatWasStored() throws Exception {
        byte[] organisation = Ed25519.generatePrivateKey();
        Path data = dir.resolve("intake");
        IntakeFolder folder = new IntakeFolder(data);
        folder.init("127.0.0.1:0", Keys.text(Ed25519.publicKey(organisation)));
        byte[] device = Ed25519.generatePrivateKey();
        byte[] bundle = Random.bytes(1_000_000);
        String sha = Sha256.hex(bundle);
        int chunk = 100_000;

        Child first = serve(data, 1);
        String location;
        try (TestIntakeClient client = new TestIntakeClient(folder.certificatePem(), first.port(), Clock.systemUTC())) {
            Instant now = Instant.now();
            Invitation inv = new Invitation("Organisation", Invitations.recipients(1), Ed25519.publicKey(organisation),
                    null, null, null, null, now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(7)));
            byte[] file = new InvitationCodec().write(inv, organisation);
            assertThat(client.send("POST", Wire.REGISTER, Map.of("Content-Digest", TestIntakeClient.contentDigest(file)),
                    file, device).status()).isEqualTo(204);
            location = client.create(device, bundle.length, sha).header("Location");
            assertThat(client.resume(device, location, Arrays.copyOf(bundle, 600_000), 0, chunk).status()).isEqualTo(204);
        }
        first.process().toHandle().destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

        Child second = serve(data, 2);
        try (TestIntakeClient client = new TestIntakeClient(folder.certificatePem(), second.port(), Clock.systemUTC())) {
            TestIntakeClient.Answer head = client.head(device, location);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Upload-Offset")).isEqualTo("600000");
            TestIntakeClient.Answer last = client.resume(device, location, bundle, 600_000, chunk);
            assertThat(last.status()).isEqualTo(204);
            assertThat(last.header(Wire.RECEIPT_HEADER)).isNotNull();
        }
        assertThat(Files.readAllBytes(data.resolve("blobs").resolve(sha))).isEqualTo(bundle);

        second.process().destroy(); // SIGTERM: the shutdown hook stops Jetty and closes the index
        assertThat(second.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (Path stderr : new Path[]{first.stderr(), second.stderr()}) {
            String log = Files.readString(stderr);
            assertThat(log).contains("intake: PATCH /files/").contains(" 204 ");
            // Request lines only: no client address or port, no slf4j or Jetty warning.
            assertThat(log.lines().filter(l -> !l.startsWith("intake: "))).as(log).isEmpty();
            assertThat(log).doesNotContain("127.0.0.1").doesNotContainPattern("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b");
        }
        // and the index reopens after the clean stop
        try (IntakeServer again = IntakeServer.start(data, IntakeServer.Options.defaults().listen("127.0.0.1:0"))) {
            assertThat(again.port()).isPositive();
        }
    }
}
