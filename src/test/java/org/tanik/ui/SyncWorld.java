package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tanik.enrolment.InvitationCodec;
import org.tanik.intake.IntakeServer;
import org.tanik.testing.CliRunner;

/**
 * An organisation with a real intake on loopback and one enrolled volunteer with a sealed
 * testimony, set up through the command line as intake.md tells people to; the desktop tests then
 * play one of the two parts (the volunteer sending, or the coordinator fetching) in the real app.
 */
final class SyncWorld implements AutoCloseable {

    final CliRunner coordinator;
    final CliRunner volunteer;
    final String url;
    final IntakeServer intake;

    /** @param coordinatorHome and volunteerHome: one of them is the desktop test's own home */
    SyncWorld(Path scratch, Path coordinatorHome, Path volunteerHome) throws IOException {
        coordinator = new CliRunner(coordinatorHome).env("TANIK_PASSPHRASE", UiTestSupport.PASSPHRASE);
        volunteer = new CliRunner(volunteerHome).env("TANIK_PASSPHRASE", UiTestSupport.PASSPHRASE);
        CliRunner operator = new CliRunner(scratch.resolve("operator"));
        Path data = scratch.resolve("intake");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        url = "https://127.0.0.1:" + port;
        String init = ok(operator.run("intake", "init", "--data", data.toString(), "--listen", "127.0.0.1:" + port));
        ok(coordinator.run("vault", "init"));
        ok(coordinator.run("org", "init", "--name", "İHD"));
        String added = ok(coordinator.run("org", "add-intake", url, "--pin", line(init, "TLS pin: "), "--key",
                line(init, "Intake key: "), "--route", "direct-allowed"));
        ok(operator.run("intake", "trust", "--data", data.toString(), "--organisation-key",
                line(added, "Organisation key for the intake: ")));
        Path invitation = scratch.resolve("invitation.json");
        ok(coordinator.run("org", "invite", "--out", invitation.toString()));
        ok(volunteer.run("vault", "init"));
        ok(volunteer.run("enrol", invitation.toString(), "--expect-fingerprint",
                new InvitationCodec().read(Files.readAllBytes(invitation)).fingerprint()));
        Path testimony = Files.writeString(scratch.resolve("t.json"), "{\"title\": \"Gözaltı\", \"narrative\": \"n\", \"consent\": {\"method\": \"oral\", \"scopes\": [\"documentation\"]}}");
        ok(volunteer.run("testimony", "seal", ok(volunteer.run("testimony", "add", "--json", testimony.toString())).strip()));
        intake = IntakeServer.start(data, IntakeServer.Options.defaults().log(new PrintStream(PrintStream.nullOutputStream())));
    }

    static String ok(CliRunner.Result r) {
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        return r.out();
    }

    static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length()).strip();
    }

    @Override
    public void close() {
        intake.close();
    }
}
