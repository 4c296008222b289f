package org.tanik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.AppServices;
import org.tanik.config.AppDirectories;
import org.tanik.coordinator.CoordinatorDesk;
import org.tanik.coordinator.FakeIntake;
import org.tanik.crypto.Argon2Params;
import org.tanik.model.Vocabulary;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.testing.CliRunner;
import org.tanik.testing.Organisations;
import picocli.CommandLine;

/**
 * {@code org add-intake} and {@code intake fetch} at the command line: what they print. The fetch's
 * verdict lines are import's own: the same bundles imported by {@code import} in another vault print the same lines.
 */
class IntakeFetchCliTest {

    static final String PIN = "sha256/" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    static final String KEY = java.util.Base64.getEncoder().encodeToString(
            org.tanik.crypto.Ed25519.publicKey(org.tanik.crypto.Ed25519.generatePrivateKey()));

    @TempDir
    Path dir;

    @Test
    void addIntakePrintsTheOrganisationKeyAndTheOperatorsCommand() {
        Organisations orgs = new Organisations(dir.resolve("vaults"), Clock.systemUTC()).createOrganisation("İHD");
        CliRunner cli = new CliRunner(dir.resolve("home")).env("TANIK_PASSPHRASE", new String(Organisations.PASS));
        CliRunner.Result r = cli.run("org", "add-intake", "https://intake.example.org", "--pin", PIN, "--key", KEY,
                "--vault", orgs.orgDir().toString());
        assertThat(r.code()).as(r.err()).isZero();
        String orgKey;
        try (VaultSession vault = orgs.openOrg()) {
            orgKey = java.util.Base64.getEncoder().encodeToString(
                    org.tanik.enrolment.Organisation.require(vault).signingPublicKey());
        }
        assertThat(r.out()).isEqualTo("Organisation key for the intake: " + orgKey + "\n"
                + "Give the intake's operator this command, to run on the intake: tanik intake trust --data DIR "
                + "--organisation-key " + orgKey + "\n");

        CliRunner.Result http = cli.run("org", "add-intake", "http://intake.example.org", "--pin", PIN, "--key", KEY,
                "--vault", orgs.orgDir().toString());
        assertThat(http.code()).isEqualTo(Cli.PROBLEM);
        CliRunner.Result route = cli.run("org", "add-intake", "https://intake.example.org", "--pin", PIN, "--key", KEY,
                "--route", "sometimes", "--vault", orgs.orgDir().toString());
        assertThat(route.code()).isEqualTo(Cli.PROBLEM);
    }

    @Test
    void fetchPrintsTheRouteThenImportsVerdictLinesThenHowManyCame() {
        Clock clock = Clock.systemUTC();
        Organisations orgs = new Organisations(dir.resolve("vaults"), clock).createOrganisation("İHD");
        Organisations other = new Organisations(dir.resolve("other"), clock).createOrganisation("Other");
        FakeIntake intake = new FakeIntake();
        String transportKey = FakeIntake.transportKey();
        Path a1;
        Path a2;
        try (VaultSession a = orgs.volunteer("a")) {
            Organisations.sealed(a, "A1");
            a1 = orgs.export(a, "a1.tanik");
            Organisations.sealed(a, "A2");
            a2 = orgs.export(a, "a2.tanik");
        }
        Path strangers;
        try (VaultSession stranger = other.volunteer("s")) {
            Organisations.sealed(stranger, "S");
            strangers = other.export(stranger, "s.tanik");
        }
        intake.upload(strangers, transportKey);
        intake.upload(a1, transportKey);
        intake.upload(a2, transportKey);
        try (OpenVault org = new OpenVault(orgs.openOrg())) {
            new CoordinatorDesk(org, Vocabulary.load(), clock, intake).organisation()
                    .addIntake("https://intake.example.org", PIN, KEY, "direct-allowed");
        }

        Run run = fetch(orgs.orgDir(), intake);
        assertThat(run.code).as("a refused bundle is a problem to look at, as with import").isEqualTo(Cli.PROBLEM);
        assertThat(run.err).isEqualTo("Route: directly to https://intake.example.org\n");
        List<String> lines = run.out.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("[0-9a-f]{64}\\.tanik: rejected: .+");
        assertThat(lines.get(1)).matches("[0-9a-f]{64}\\.tanik: quarantined \\(device .+ is not approved yet\\)");
        assertThat(lines.get(3)).isEqualTo("fetched 3 bundle(s) from the intake");
        assertThat(intake.acknowledged()).hasSize(3);

        // The line import prints for the same file, but for the file's name.
        CliRunner.Result imported = new CliRunner(dir.resolve("home")).env("TANIK_PASSPHRASE", new String(Organisations.PASS))
                .run("import", "--vault", orgs.orgDir().toString(), strangers.toString());
        assertThat(imported.out()).isEqualTo("s.tanik" + lines.get(0).substring(lines.get(0).indexOf(':')) + "\n");

        Run again = fetch(orgs.orgDir(), intake);
        assertThat(again.out).isEqualTo("fetched 0 bundle(s) from the intake\n");
        assertThat(again.code).isZero();
    }

    @Test
    void theSettingsRuleOnlyThroughTheProxyHoldsForTheFetchToo() {
        Organisations orgs = new Organisations(dir.resolve("vaults"), Clock.systemUTC()).createOrganisation("İHD");
        FakeIntake intake = new FakeIntake();
        try (OpenVault org = new OpenVault(orgs.openOrg())) {
            new CoordinatorDesk(org, Vocabulary.load(), Clock.systemUTC(), intake).organisation()
                    .addIntake("https://intake.example.org", PIN, KEY, "direct-allowed");
        }
        AppServices services = AppServices.create(new AppDirectories(dir.resolve("home")), Argon2Params.TESTING);
        services.settings().save(services.settings().load().withSync("", true, false));
        Run refused = fetch(orgs.orgDir(), intake);
        assertThat(refused.code).isNotZero();
        assertThat(refused.err).as("no route was even announced").isEmpty();
        assertThat(intake.calls()).as("nothing connected").isEmpty();

        services.settings().save(services.settings().load().withSync("socks5://127.0.0.1:9050", true, false));
        assertThat(fetch(orgs.orgDir(), intake).err).startsWith("Route: through Tor at 127.0.0.1:9050");
    }

    record Run(int code, String out, String err) {
    }

    private Run fetch(Path vault, FakeIntake intake) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal t = new Terminal(new PrintWriter(out), new PrintWriter(err),
                Map.of(CommandContext.PASSPHRASE_ENV, new String(Organisations.PASS)), prompt -> null);
        AppServices services = AppServices.create(new AppDirectories(dir.resolve("home")), Argon2Params.TESTING);
        CommandContext ctx = new CommandContext(services, t, Locale.ENGLISH);
        int code = new CommandLine(new IntakeFetchCommand(ctx, intake)).execute("--vault", vault.toString());
        t.out().flush();
        t.err().flush();
        return new Run(code, out.toString(), err.toString());
    }
}
