package org.tanik.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tanik.enrolment.InvitationCodec;
import org.tanik.intake.IntakeServer;
import org.tanik.testing.CliRunner;
import org.tanik.testing.LeakScanner;

/**
 * The whole path of a testimony through the command line, with a real intake on loopback: the
 * organisation sets up its intake, a volunteer joins, records, seals and sends; the intake stores
 * ciphertext; the coordinator fetches and imports; the volunteer's receipt verifies and the outbox
 * says delivered. Then nothing of the testimony is readable on the intake, and its log names no
 * address.
 */
class SyncEndToEndTest {

    private static final String PASS = "yeşil çınar ağacının gölgesi ılık";
    private static final String MARKER = "MARKER-sync-e2e-Diyarbakır-7f3a";
    private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b");

    @Test
    void aTestimonyTravelsFromTheVolunteerThroughTheIntakeIntoTheArchive() throws Exception {
        Path root = Files.createDirectories(LeakScanner.tempDir().resolve("sync-e2e-" + System.nanoTime()));
        // The volunteer's input file holds the marker by design: written before the watch, deleted once read.
        Path testimony = Files.writeString(root.resolve("t.json"),
                "{\"title\": \"Gözaltı\", \"narrative\": \"" + MARKER + "\", \"consent\": {\"method\": \"oral\", \"scopes\": [\"documentation\"]}}");
        LeakScanner scanner = LeakScanner.watch(List.of(MARKER, PASS));
        Path coordHome = root.resolve("coordinator");
        Path volHome = root.resolve("volunteer");
        Path data = root.resolve("intake");
        CliRunner coord = new CliRunner(coordHome).env("TANIK_PASSPHRASE", PASS);
        CliRunner vol = new CliRunner(volHome).env("TANIK_PASSPHRASE", PASS);
        CliRunner operator = new CliRunner(root.resolve("operator"));

        // The intake and the organisation, as intake.md tells the operator and the coordinator.
        int port = freePort();
        CliRunner.Result init = ok(operator.run("intake", "init", "--data", data.toString(), "--listen",
                "127.0.0.1:" + port));
        String pin = line(init.out(), "TLS pin: ");
        String intakeKey = line(init.out(), "Intake key: ");
        assertThat(pin).startsWith("sha256/");
        ok(coord.run("vault", "init"));
        ok(coord.run("org", "init", "--name", "İHD"));
        String url = "https://127.0.0.1:" + port;
        CliRunner.Result added = ok(coord.run("org", "add-intake", url, "--pin", pin, "--key", intakeKey, "--route",
                "direct-allowed"));
        String orgKey = line(added.out(), "Organisation key for the intake: ");
        ok(operator.run("intake", "trust", "--data", data.toString(), "--organisation-key", orgKey));
        Path invitation = root.resolve("invitation.json");
        ok(coord.run("org", "invite", "--out", invitation.toString()));
        String orgFingerprint = new InvitationCodec().read(Files.readAllBytes(invitation)).fingerprint();

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (IntakeServer intake = IntakeServer.start(data,
                IntakeServer.Options.defaults().log(new PrintStream(log, true, StandardCharsets.UTF_8)))) {
            // The volunteer joins, records and sends.
            ok(vol.run("vault", "init"));
            ok(vol.run("enrol", invitation.toString(), "--expect-fingerprint", orgFingerprint));
            String id = ok(vol.run("testimony", "add", "--json", testimony.toString())).out().strip();
            Files.delete(testimony);
            ok(vol.run("testimony", "seal", id));
            CliRunner.Result sent = ok(vol.run("sync", "send"));
            assertThat(sent.err()).contains("Route: directly to " + url);
            assertThat(sent.out()).containsPattern("bundle 1 [0-9a-f]{12}: delivered ");
            assertThat(Files.list(data.resolve("blobs")).count()).isEqualTo(1);

            // The coordinator fetches: the device is new, so its bundle waits for approval, as with a file.
            CliRunner.Result fetched = ok(coord.run("intake", "fetch"));
            assertThat(fetched.out()).contains("quarantined").contains("fetched 1 bundle(s) from the intake");
            String device = line(ok(vol.run("device-key", "show")).out(), "Device fingerprint: ");
            assertThat(ok(coord.run("volunteers", "approve", device.replace(" ", ""), "--label", "Saha 1")).out())
                    .as("the held bundle is released on approval").contains("imported");

            // Fetching again imports nothing twice; the volunteer's outbox says delivered.
            assertThat(ok(coord.run("intake", "fetch")).out()).contains("fetched 0 bundle(s) from the intake");
            assertThat(ok(vol.run("sync", "status")).out()).containsPattern("bundle 1 [0-9a-f]{12}: delivered ");
            // Sending again sends nothing and changes nothing.
            assertThat(Files.list(data.resolve("blobs")).count()).isEqualTo(1);
        }

        String requests = log.toString(StandardCharsets.UTF_8);
        assertThat(requests).as("the intake logged its requests").contains("PATCH").contains("/v1/bundles");
        List<String> withAddress = requests.lines().filter(l -> IPV4.matcher(l).find())
                .filter(l -> !l.contains("Intake listening on")).toList();
        assertThat(withAddress).as("request lines naming an IP address").isEmpty();
        int[] scanned = new int[1];
        assertThat(scanner.findIn(List.of(root), scanned)).as("plaintext testimony or passphrase on disk").isEmpty();
        assertThat(scanned[0]).isPositive();
    }

    private static CliRunner.Result ok(CliRunner.Result r) {
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        return r;
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting '" + prefix + "' in:\n" + out))
                .substring(prefix.length()).strip();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
