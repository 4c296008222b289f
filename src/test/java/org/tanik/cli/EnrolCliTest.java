package org.tanik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.AppServices;
import org.tanik.config.AppDirectories;
import org.tanik.crypto.Argon2Params;
import org.tanik.enrolment.Enrolment;
import org.tanik.enrolment.Invitation;
import org.tanik.store.VaultSession;
import org.tanik.testing.CliRunner;
import org.tanik.testing.Invitations;

/**
 * Joining on the command line: nothing is stored before the volunteer confirms (or a script gives the
 * fingerprint it was told), a vault never moves to another organisation key without leaving first, and
 * a name from the invitation file cannot fake a line of the terminal.
 */
class EnrolCliTest {

    static final String PASS = "yeşil çınar ağacının gölgesi ılık";

    @TempDir
    Path home;

    final Invitations ihd = new Invitations();
    final List<String> recipients = Invitations.recipients(2);

    @BeforeEach
    void vault() {
        assertThat(cli().run("vault", "init").code()).isZero();
    }

    CliRunner cli() {
        return new CliRunner(home).env("TANIK_PASSPHRASE", PASS);
    }

    Path write(String name, byte[] invitation) throws IOException {
        return Files.write(home.resolve(name), invitation);
    }

    /** What the vault holds now, read outside the command line. */
    Optional<Invitation> joined() {
        AppServices services = AppServices.create(new AppDirectories(home), Argon2Params.TESTING);
        try (VaultSession v = services.vaults().open(services.directories().vault(), PASS.toCharArray())) {
            return new Enrolment(services.clock()).current(v);
        }
    }

    @Test
    void theVolunteerSeesWhoAndToWhomAndNothingIsStoredWithoutYes() throws Exception {
        Path invite = write("invite.json", ihd.file("İHD", recipients, "https://intake.example.org"));
        CliRunner.Result no = cli().answer("no").run("enrol", invite.toString());
        assertThat(no.code()).isEqualTo(1);
        assertThat(no.out()).contains("Invitation from: İHD", "Organisation fingerprint: " + ihd.fingerprint(),
                "Bundles will be encrypted to 2 recipients", "  " + recipients.get(0), "  " + recipients.get(1),
                "Intake server: https://intake.example.org", "compare the organisation fingerprint with the coordinator")
                .doesNotContain("Joined");
        assertThat(no.err()).contains("Do the fingerprints match? Type yes to join")
                .contains("Nothing was done: it was not confirmed.");
        assertThat(joined()).isEmpty();

        CliRunner.Result nobody = cli().run("enrol", invite.toString());
        assertThat(nobody.code()).isEqualTo(1);
        assertThat(nobody.err()).contains("no terminal", "--expect-fingerprint");
        assertThat(joined()).isEmpty();

        CliRunner.Result yes = cli().answer("yes").run("enrol", invite.toString());
        assertThat(yes.code()).as(yes.err()).isZero();
        assertThat(yes.out()).contains("Joined İHD.", "This device's fingerprint: ");
        assertThat(joined()).map(Invitation::recipients).contains(recipients);
    }

    @Test
    void inTurkishThePromptAndTheWordAreTurkish() throws Exception {
        AppServices services = AppServices.create(new AppDirectories(home), Argon2Params.TESTING);
        services.settings().save(services.settings().load().withLanguage("tr"));
        Path invite = write("invite.json", ihd.file("İHD", recipients.subList(0, 1), null));

        CliRunner.Result no = cli().answer("hayır").run("enrol", invite.toString());
        assertThat(no.code()).isEqualTo(1);
        assertThat(no.out()).contains("Daveti gönderen: İHD", "Kuruluşun parmak izi: " + ihd.fingerprint(),
                "Paketler 1 alıcıya şifrelenecek", recipients.get(0));
        assertThat(no.err()).contains("Parmak izleri aynı mı? Katılmak için evet yazın")
                .contains("Hiçbir şey yapılmadı: onaylanmadı.");
        assertThat(joined()).isEmpty();

        CliRunner.Result evet = cli().answer("Evet").run("enrol", invite.toString());
        assertThat(evet.code()).as(evet.err()).isZero();
        assertThat(evet.out()).contains("İHD kuruluşuna katılındı.");
        assertThat(joined()).isPresent();
    }

    @Test
    void aScriptJoinsOnlyWithTheFingerprintItWasTold() throws Exception {
        Path invite = write("invite.json", ihd.file("İHD", recipients, null));
        String wrong = new Invitations().fingerprint();
        CliRunner.Result mismatch = cli().run("enrol", invite.toString(), "--expect-fingerprint", wrong);
        assertThat(mismatch.code()).isEqualTo(1);
        assertThat(mismatch.err()).contains("Not joined: the organisation fingerprint is " + ihd.fingerprint()
                + ", not the expected " + wrong + ". Nothing was stored.");
        assertThat(joined()).isEmpty();

        CliRunner.Result match = cli().run("enrol", invite.toString(), "--expect-fingerprint",
                ihd.fingerprint().replace(" ", ""));
        assertThat(match.code()).as(match.err()).isZero();
        assertThat(match.out()).contains("The organisation fingerprint is the one expected.", "Joined İHD.");
        assertThat(joined()).isPresent();
    }

    @Test
    void aNameCannotFakeALineOrDriveTheTerminal() throws Exception {
        String fake = "OK: fingerprints match";
        String name = "Evil\u001b[2K\r" + fake + "\n" + fake + "\u202e";
        Path invite = write("invite.json", ihd.file(name, recipients, "https://x.example/\n" + fake));
        CliRunner.Result r = cli().answer("yes").run("enrol", invite.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String all = r.out() + r.err();
        assertThat(all).contains("Joined Evil\\u001b[2K\\u000d" + fake + "\\n" + fake + "\\u202e.");
        assertThat(all).doesNotContain("\u001b", "\r", "\u202e");
        assertThat(all.lines()).as("no line starts with the fake text").noneMatch(l -> l.startsWith(fake))
                .anyMatch(l -> l.startsWith("Invitation from: Evil"));
    }

    @Test
    void anotherOrganisationKeyNeedsLeavingFirst() throws Exception {
        Path first = write("ihd.json", ihd.file("İHD", recipients, null));
        assertThat(cli().run("enrol", first.toString(), "--expect-fingerprint", ihd.fingerprint()).code()).isZero();
        Invitations other = new Invitations();
        // Even under the same name: another key is another organisation, or a forger.
        Path second = write("other.json", other.file("İHD\nOK", Invitations.recipients(1), null));

        CliRunner.Result refused = cli().answer("yes").run("enrol", second.toString(), "--expect-fingerprint",
                other.fingerprint());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("this vault belongs to \"İHD\" (organisation fingerprint " + ihd.fingerprint()
                + ")", "from \"İHD\\nOK\"", other.fingerprint(), "Nothing was changed", "tanik leave-organisation");
        assertThat(refused.out()).doesNotContain("Joined");
        assertThat(joined().orElseThrow().fingerprint()).isEqualTo(ihd.fingerprint());

        // Sealed work not yet sent would go to the next organisation: leaving says so, and asks.
        Path t = Files.writeString(home.resolve("t.json"), "{\"title\": \"Gözaltı\", \"narrative\": \"…\", \"consent\": {\"method\": \"oral\", \"scopes\": [\"documentation\"]}}");
        String id = cli().run("testimony", "add", "--json", t.toString()).out().strip();
        assertThat(cli().run("testimony", "seal", id).code()).isZero();
        CliRunner.Result unasked = cli().run("leave-organisation");
        assertThat(unasked.code()).isEqualTo(1);
        assertThat(unasked.err()).contains("1 sealed testimony version was not sent to \"İHD\" yet", "--yes");
        assertThat(joined()).isPresent();
        CliRunner.Result no = cli().answer("no").run("leave-organisation");
        assertThat(no.err()).contains("Leave this organisation? Type yes to leave");
        assertThat(joined()).isPresent();

        CliRunner.Result left = cli().answer("yes").run("leave-organisation");
        assertThat(left.code()).as(left.err()).isZero();
        assertThat(left.out()).contains("This vault belongs to \"İHD\"", "Left \"İHD\".");
        assertThat(joined()).isEmpty();
        assertThat(cli().run("leave-organisation", "--yes").err()).contains("has not joined an organisation");

        CliRunner.Result joinedOther = cli().run("enrol", second.toString(), "--expect-fingerprint", other.fingerprint());
        assertThat(joinedOther.code()).as(joinedOther.err()).isZero();
        assertThat(joined().orElseThrow().fingerprint()).isEqualTo(other.fingerprint());
    }

    @Test
    void aRenewedInvitationFromTheSameKeySaysWhatChanged() throws Exception {
        Path first = write("ihd.json", ihd.file("İHD", recipients.subList(0, 1), null));
        assertThat(cli().run("enrol", first.toString(), "--expect-fingerprint", ihd.fingerprint()).code()).isZero();

        Path same = write("same.json", ihd.file("İHD", recipients.subList(0, 1), null));
        CliRunner.Result again = cli().run("enrol", same.toString(), "--expect-fingerprint", ihd.fingerprint());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("This renews the invitation", "Nothing else changed: only its dates.");

        Path renewed = write("renewed.json", ihd.file("İHD", recipients, "https://intake.example.org"));
        CliRunner.Result r = cli().answer("yes").run("enrol", renewed.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("This renews the invitation", "Bundles will be encrypted to 2 recipients",
                        "The recipients changed; until now bundles were encrypted to:\n  " + recipients.get(0) + "\n",
                        "The intake server changed; until now: none", "Joined İHD.")
                .doesNotContain("only its dates");
        assertThat(joined().orElseThrow().recipients()).isEqualTo(recipients);
    }
}
