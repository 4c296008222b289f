package org.tanik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.AppServices;
import org.tanik.config.AppDirectories;
import org.tanik.crypto.Argon2Params;
import org.tanik.crypto.Ed25519;
import org.tanik.enrolment.Enrolment;
import org.tanik.enrolment.Invitation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Json;
import org.tanik.store.VaultSession;
import org.tanik.testing.CliRunner;
import org.tanik.testing.FakeCourier;
import org.tanik.testing.Invitations;

/** sync send and sync status as their output contract says, against a fake intake. */
class SyncCliTest {

    static final String PASS = CliTest.PASS;
    static final String URL = "https://intake.example.org:8443";

    @TempDir
    Path home;

    final FakeCourier intake = new FakeCourier();

    CliRunner cli() {
        return new CliRunner(home).env("TANIK_PASSPHRASE", PASS).couriers(intake);
    }

    @BeforeEach
    void enrolledWithTwoSealed() throws Exception {
        assertThat(cli().run("vault", "init").code()).isZero();
        AppServices services = AppServices.create(new AppDirectories(home), Argon2Params.TESTING);
        try (VaultSession v = services.vaults().open(services.directories().vault(), PASS.toCharArray())) {
            Invitations org = new Invitations();
            Invitation plain = org.invitation("Org", Invitations.recipients(1), URL);
            Invitation inv = new Invitation(plain.organisation(), plain.recipients(), plain.signingKey(), URL,
                    "sha256/" + Base64.getEncoder().encodeToString(new byte[32]),
                    Base64.getEncoder().encodeToString(Ed25519.publicKey(Ed25519.generatePrivateKey())), "tor-only",
                    plain.issuedAt(), plain.expiresAt());
            new Enrolment(services.clock()).enrol(v, org.file(inv));
        }
        Path json = home.resolve("t.json");
        for (String title : new String[] {"bir", "iki"}) {
            Files.writeString(json, "{\"title\": \"" + title + "\", \"consent\": {\"method\": \"oral\", \"scopes\": [\"documentation\"]}}");
            String id = cli().run("testimony", "add", "--json", json.toString()).out().strip();
            assertThat(cli().run("testimony", "seal", id).code()).isZero();
            if (title.equals("bir")) {
                assertThat(cli().run("bundle", "export", "--out", home.resolve("b1.tanik").toString()).code()).isZero();
            }
        }
    }

    @Test
    void torOnlyWithoutAProxySendsNothingAndSaysWhy() {
        CliRunner.Result r = cli().run("sync", "send");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Nothing was sent: this connection is allowed only through a proxy");
        assertThat(intake.opened).isZero();
        CliRunner.Result status = cli().run("sync", "status");
        assertThat(status.out()).matches("bundle 1 [0-9a-f]{12}: waiting\\R");
        assertThat(status.code()).isEqualTo(1);
    }

    @Test
    void sendPrintsTheRouteFirstThenOneLinePerBundle() throws Exception {
        intake.deliver().fail(new TanikException(Problem.SYNC_TOO_LARGE));
        CliRunner.Result r = cli().run("sync", "send", "--proxy", "socks5://127.0.0.1:9050");
        assertThat(r.err()).isEqualTo("Route: through Tor at 127.0.0.1:9050" + System.lineSeparator());
        String[] lines = r.out().split("\\R");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).matches("bundle 1 [0-9a-f]{12}: delivered 2026-11-02T10:00:00Z");
        assertThat(lines[1]).matches("bundle 2 [0-9a-f]{12}: failed: The bundle is larger than the intake server accepts\\..*");
        assertThat(r.code()).isEqualTo(1);

        JsonNode status = Json.mapper().readTree(cli().run("sync", "status", "--json").out());
        assertThat(status).hasSize(2);
        assertThat(status.get(0).get("state").asText()).isEqualTo("delivered");
        assertThat(status.get(0).get("receivedAt").asText()).isEqualTo("2026-11-02T10:00:00Z");
        assertThat(status.get(0).get("sha256").asText()).startsWith(lines[0].substring(9, 21));
        assertThat(status.get(1).get("state").asText()).isEqualTo("failed");
        assertThat(status.get(1).get("problem").asText()).isEqualTo("sync_too_large");
        assertThat(status.get(1).get("reason").asText()).startsWith("The bundle is larger");

        // The second send tries only what is not delivered, and exits 0 once everything is.
        CliRunner.Result again = cli().run("sync", "send", "--json", "--proxy", "socks5://127.0.0.1:9150");
        assertThat(again.err()).startsWith("Route: through Tor at 127.0.0.1:9150");
        JsonNode sent = Json.mapper().readTree(again.out());
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).get("sequence").asLong()).isEqualTo(2);
        assertThat(sent.get(0).get("state").asText()).isEqualTo("delivered");
        assertThat(again.code()).isZero();
        assertThat(cli().run("sync", "status").code()).isZero();
    }

    @Test
    void anInvalidProxyIsRefused() {
        CliRunner.Result r = cli().run("sync", "send", "--proxy", "http://127.0.0.1:8080");
        assertThat(r.code()).isEqualTo(1);
        assertThat(intake.opened).isZero();
    }
}
