package org.tanik.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Ed25519;
import org.tanik.error.TanikException;
import org.tanik.sync.Keys;
import org.tanik.testing.CliRunner;

/** intake init and trust: no vault, no passphrase; the two lines the coordinator copies into org add-intake. */
class IntakeCliTest {

    @TempDir
    Path dir;

    @Test
    void initPrintsThePinAndTheKeyOfTheIntakeItCreated() {
        Path data = dir.resolve("intake");
        CliRunner.Result r = new CliRunner(dir.resolve("home")).run("intake", "init", "--data", data.toString(),
                "--listen", "127.0.0.1:0");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().split("\\R");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).matches("TLS pin: sha256/[A-Za-z0-9+/]{43}=");
        assertThat(lines[1]).matches("Intake key: [A-Za-z0-9+/]{43}=");
        try (IntakeServer server = IntakeServer.start(data, IntakeServer.Options.defaults().listen("127.0.0.1:0"))) {
            assertThat(lines[0]).isEqualTo("TLS pin: " + server.tlsPin());
            assertThat(lines[1]).isEqualTo("Intake key: " + server.intakeKey());
        }
    }

    @Test
    void initRefusesAFolderThatHoldsSomething() throws Exception {
        Path data = dir.resolve("intake");
        Files.createDirectories(data);
        Files.writeString(data.resolve("notes.txt"), "mine");
        CliRunner.Result r = new CliRunner(dir.resolve("home")).run("intake", "init", "--data", data.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(data.toString()).contains("already exists");
        try (var files = Files.list(data)) {
            assertThat(files).containsExactly(data.resolve("notes.txt"));
        }
    }

    @Test
    void trustRecordsTheOrganisationKeyAndRefusesANonKey() throws Exception {
        Path data = dir.resolve("intake");
        CliRunner cli = new CliRunner(dir.resolve("home"));
        assertThat(cli.run("intake", "init", "--data", data.toString()).code()).isZero();
        assertThat(new IntakeFolder(data).config().organisationKey()).isNull();
        String key = Keys.text(Ed25519.publicKey(Ed25519.generatePrivateKey()));
        CliRunner.Result r = cli.run("intake", "trust", "--data", data.toString(), "--organisation-key", key);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(new IntakeFolder(data).config().organisationKey()).isEqualTo(key);
        CliRunner.Result bad = cli.run("intake", "trust", "--data", data.toString(), "--organisation-key", "nokey");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(new IntakeFolder(data).config().organisationKey()).isEqualTo(key);
    }

    @Test
    void intakeJsonIsReadStrictly() throws Exception {
        Path data = dir.resolve("intake");
        IntakeFolder folder = new IntakeFolder(data);
        folder.init("127.0.0.1:8443", null);
        IntakeConfig defaults = folder.config();
        assertThat(defaults.maxBundleBytes()).isEqualTo(2L << 30);
        assertThat(defaults.maxUploadsInFlight()).isEqualTo(64);
        assertThat(defaults.unapprovedQuotaBytes()).isEqualTo(64L << 20);
        assertThat(defaults.approvedQuotaBytes()).isEqualTo(10L << 30);
        assertThat(defaults.uploadExpiryHours()).isEqualTo(24);
        assertThat(defaults.retentionDays()).isEqualTo(7);
        assertThat(defaults.logIpAddresses()).isFalse();

        String json = Files.readString(data.resolve("intake.json"));
        Files.writeString(data.resolve("intake.json"), json.replace("\"retentionDays\"", "\"retentionDay\""),
                StandardCharsets.UTF_8);
        assertThatThrownBy(folder::config).isInstanceOf(TanikException.class)
                .satisfies(e -> assertThat(((TanikException) e).args()).anyMatch(a -> a.contains("\"retentionDay\"")));
        Files.writeString(data.resolve("intake.json"), json.replace("\"retentionDays\" : 7", "\"retentionDays\" : -1"));
        assertThatThrownBy(folder::config).isInstanceOf(TanikException.class);
        Files.writeString(data.resolve("intake.json"), json.replace("\"logIpAddresses\" : false", "\"logIpAddresses\" : \"no\""));
        assertThatThrownBy(folder::config).isInstanceOf(TanikException.class);
    }
}
