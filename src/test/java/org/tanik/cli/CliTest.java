package org.tanik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.AppServices;
import org.tanik.config.AppDirectories;
import org.tanik.crypto.Argon2Params;
import org.tanik.model.Json;
import org.tanik.testing.CliRunner;
import org.tanik.testing.LeakScanner;

class CliTest {

    static final String PASS = "yeşil çınar ağacının gölgesi ılık";
    static final String NEW_PASS = "mavi deniz kıyısında İzmir akşamı";

    @TempDir
    Path home;

    CliRunner cli() {
        return new CliRunner(home).env("TANIK_PASSPHRASE", PASS);
    }

    String vault() {
        return home.resolve("vault").toString();
    }

    @Test
    void initAddListShowSeal() throws Exception {
        assertThat(cli().run("vault", "init").code()).isZero();
        Path json = home.resolve("t.json");
        Files.writeString(json, "{\"title\": \"Başlık\", \"narrative\": \"Anlatı\", \"consent\": {\"method\": \"oral\", \"scopes\": [\"documentation\"]}}");
        CliRunner.Result add = cli().run("testimony", "add", "--json", json.toString());
        assertThat(add.code()).as(add.err()).isZero();
        String id = add.out().strip();
        assertThat(id).matches("[0-9a-f-]{36}");

        CliRunner.Result list = cli().run("testimony", "list", "--json");
        assertThat(Json.mapper().readTree(list.out()).get(0).get("title").asText()).isEqualTo("Başlık");
        assertThat(cli().run("testimony", "list").out()).contains("Başlık").contains(id.substring(0, 8));

        CliRunner.Result show = cli().run("testimony", "show", id, "--json");
        assertThat(Json.mapper().readTree(show.out()).get("narrative").asText()).isEqualTo("Anlatı");

        // What show --json prints is accepted by add as a complete testimony.
        Files.writeString(json, show.out());
        CliRunner.Result again = cli().run("testimony", "add", "--json", json.toString());
        assertThat(again.code()).as(again.err()).isZero();

        assertThat(cli().run("testimony", "show", "--help").out()).contains("--at-version").contains("--help");
        assertThat(cli().run("testimony", "seal", id.substring(0, 8)).code()).isZero();
        assertThat(Json.mapper().readTree(cli().run("testimony", "show", id, "--json").out()).get("status").asText())
                .isEqualTo("SEALED");
    }

    @Test
    void aVaultBackAtAnEarlierStateIsReportedOnceOnStderr() throws Exception {
        assertThat(cli().run("vault", "init").code()).isZero();
        Path json = home.resolve("t.json");
        Files.writeString(json, "{\"title\": \"kept\"}");
        assertThat(cli().run("testimony", "add", "--json", json.toString()).code()).isZero();
        org.tanik.store.FallBack.around(home.resolve("vault"), () -> {
            try {
                Files.writeString(json, "{\"title\": \"lost\"}");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertThat(cli().run("testimony", "add", "--json", json.toString()).code()).isZero();
        });

        CliRunner.Result list = cli().run("testimony", "list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("kept").doesNotContain("lost");
        assertThat(list.err().strip()).startsWith("Warning: this vault opened as it was at an earlier save")
                .contains("import the latest bundles again").doesNotContain("\n");
        // Told once: the state it opened at is now the one recorded.
        assertThat(cli().run("testimony", "list").err()).isEmpty();
    }

    @Test
    void helpIsInEnglishWhenEnglishIsChosen() {
        AppServices services = AppServices.create(new AppDirectories(home), Argon2Params.TESTING);
        services.settings().save(services.settings().load().withLanguage("en"));

        assertThat(cli().run("vault", "init", "--help").out()).startsWith("Usage: tanik vault init")
                .contains("Create a new encrypted vault.", "Vault folder (default: the per-user data folder).",
                        "Show this help message and exit.");
        assertThat(cli().run("import", "--help").out())
                .contains("Import bundle files into the organisation's archive", "Bundle files, imported in the order given.");
        assertThat(cli().run("--help").out()).contains("Commands:", "Add, list, show and seal testimonies.");
        assertThat(cli().run("vault").err()).startsWith("Missing command: choose one of [init, change-passphrase, set-duress, clear-duress, erase, wipe-after, backup, restore]");
        CliRunner.Result unknown = cli().run("testimony", "list", "--bogus");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("Unknown option or argument: --bogus\nUsage: tanik testimony list");
        assertThat(cli().run("volunteers", "approve", "123").err()).startsWith("Missing: --label\n");
        assertThat(cli().run("org", "invite", "--out", "x", "--valid-days", "ten").err())
                .startsWith("This is not a valid value for --valid-days: ten\n");
        // A file name from a sender cannot drive the terminal through an error sentence.
        assertThat(cli().run("bundle", "verify", "x.tanik", "--identity", home.resolve("evil\u001b[2J.txt").toString(),
                "--device-key", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").err())
                .startsWith("A file could not be read or written: ").contains("evil\\u001b[2J.txt").doesNotContain("\u001b");
        // What was typed reaches the terminal escaped, as file names do.
        assertThat(cli().run("testimony", "list", "--bo\u001b[2Jgus").err()).startsWith("Unknown option or argument: --bo")
                .doesNotContain("\u001b");
    }

    @Test
    void fullTestimonyJsonRoundTrips() throws Exception {
        cli().run("vault", "init");
        String input = """
                {"title": "Tam", "narrative": "N",
                 "interview": {"date": "2021-03-04", "place": "Berlin", "interviewer": "G7", "languages": ["tr", "ku"], "present": "çevirmen"},
                 "interviewee": {"name": "Takma", "contact": "signal", "relation": "kardeşi"},
                 "incidents": [{"label": "2016 gözaltısı", "acts": [{"type": "arbitrary_detention", "start": "2016-07",
                   "end": "2017", "place": {"province": "06", "district": "Sincan", "facility": "Sincan Cezaevi"},
                   "victims": [{"name": "A", "sex": "FEMALE", "birthYear": 1980, "occupation": "teacher"}],
                   "perpetrators": [{"institution": "police", "unit": "TEM", "rank": "", "name": ""}], "notes": ""}]}]}
                """;
        Path json = home.resolve("full.json");
        Files.writeString(json, input);
        String id = cli().run("testimony", "add", "--json", json.toString()).out().strip();
        String shown = cli().run("testimony", "show", id, "--json").out();
        var tree = Json.mapper().readTree(shown);
        var act = tree.get("incidents").get(0).get("acts").get(0);
        assertThat(act.get("start").asText()).isEqualTo("2016-07");
        assertThat(act.get("end").asText()).isEqualTo("2017");
        assertThat(act.get("victims").get(0).get("occupation").asText()).isEqualTo("teacher");
        assertThat(tree.get("interview").get("languages")).hasSize(2);
        assertThat(cli().run("testimony", "show", id).out()).contains("Arbitrary detention or arrest").contains("Ankara");
    }

    @Test
    void errorsAreOneSentenceOnStderrWithNonZeroExit() throws Exception {
        CliRunner.Result none = cli().run("testimony", "list");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err().strip()).startsWith("There is no vault in").doesNotContain("Exception").doesNotContain("\n");

        cli().run("vault", "init");
        CliRunner.Result wrong = new CliRunner(home).env("TANIK_PASSPHRASE", "not the right passphrase at all")
                .run("testimony", "list");
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err().strip()).isEqualTo("The passphrase is not correct.");

        CliRunner.Result noPass = new CliRunner(home).run("testimony", "list");
        assertThat(noPass.code()).isEqualTo(1);
        assertThat(noPass.err()).contains("No passphrase was given");

        Path bad = home.resolve("bad.json");
        Files.writeString(bad, "{\"title\": \"x\", \"title\": \"y\"}");
        CliRunner.Result dup = cli().run("testimony", "add", "--json", bad.toString());
        assertThat(dup.code()).isEqualTo(1);
        assertThat(dup.err()).contains("not valid");

        assertThat(cli().run("testimony", "show", "00000000").err()).contains("no testimony");
        assertThat(cli().run("vault", "init").err()).contains("already exists");
        assertThat(cli().run("testimony", "frobnicate").code()).isEqualTo(2);
    }

    @Test
    void weakPassphraseRefused() {
        CliRunner.Result r = new CliRunner(home).env("TANIK_PASSPHRASE", "123456").run("vault", "init");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("too easy to guess");
        assertThat(home.resolve("vault").resolve("vault.key")).doesNotExist();
    }

    /** What the JDK reads from "kırmızı …" under a locale that is not UTF-8: each ı becomes U+FFFD. */
    @Test
    void aPassphraseTheLocaleCouldNotReadIsRefusedNotUsed() {
        String mangled = "k\uFFFDrm\uFFFDz\uFFFD elma da\uFFFD yolu 42";
        CliRunner.Result init = new CliRunner(home).env("TANIK_NEW_PASSPHRASE", mangled).env("TANIK_PASSPHRASE", mangled)
                .run("vault", "init");
        assertThat(init.code()).isEqualTo(1);
        assertThat(init.err().strip()).startsWith("The passphrase has letters that this system's language setting cannot read")
                .contains("--passphrase-file").doesNotContain("\n");
        assertThat(home.resolve("vault").resolve("vault.key")).doesNotExist();

        cli().run("vault", "init");
        CliRunner.Result open = new CliRunner(home).env("TANIK_PASSPHRASE", mangled).run("testimony", "list");
        assertThat(open.code()).isEqualTo(1);
        assertThat(open.err()).contains("cannot read").doesNotContain("not correct");
    }

    @Test
    void changePassphraseFromFiles() throws Exception {
        Path oldFile = home.resolve("old.txt");
        Path newFile = home.resolve("new.txt");
        Files.writeString(oldFile, PASS + "\n", StandardCharsets.UTF_8);
        Files.writeString(newFile, NEW_PASS + "\r\n", StandardCharsets.UTF_8);
        CliRunner plain = new CliRunner(home);
        assertThat(plain.run("vault", "init", "--passphrase-file", oldFile.toString()).code()).isZero();
        CliRunner.Result change = plain.run("vault", "change-passphrase", "--passphrase-file", oldFile.toString(),
                "--new-passphrase-file", newFile.toString());
        assertThat(change.code()).as(change.err()).isZero();
        assertThat(plain.run("testimony", "list", "--passphrase-file", oldFile.toString()).code()).isEqualTo(1);
        assertThat(plain.run("testimony", "list", "--passphrase-file", newFile.toString()).code()).isZero();
        // The environment variables work the same way.
        CliRunner env = new CliRunner(home).env("TANIK_PASSPHRASE", NEW_PASS).env("TANIK_NEW_PASSPHRASE", PASS);
        assertThat(env.run("vault", "change-passphrase").code()).isZero();
        assertThat(cli().run("testimony", "list").code()).isZero();
    }

    @Test
    void customVaultDirectory() {
        Path elsewhere = home.resolve("usb stick/vault");
        assertThat(cli().run("vault", "init", "--vault", elsewhere.toString()).code()).isZero();
        assertThat(elsewhere.resolve("vault.key")).exists();
        assertThat(cli().run("testimony", "list", "--vault", elsewhere.toString()).code()).isZero();
    }

    @Test
    void noPlaintextReachesDiskOrTemp() throws Exception {
        List<String> markers = List.of("MARKERtitleşğıİ7731", "MARKERnarrativeĞüŞ9921", "MARKERpersonİzmirlıı5521");
        // The input file is the user's own plaintext, written before the watch starts.
        Path json = home.resolve("input").resolve("m.json");
        Files.createDirectories(json.getParent());
        Files.writeString(json, "{\"title\": \"" + markers.get(0) + "\", \"narrative\": \"" + markers.get(1)
                + "\", \"interviewee\": {\"name\": \"" + markers.get(2) + "\"}, \"incidents\": [{\"label\": \"x\", "
                + "\"acts\": [{\"type\": \"torture\", \"victims\": [{\"name\": \"" + markers.get(2) + "\"}]}]}], "
                + "\"consent\": {\"method\": \"oral\", \"scopes\": [\"documentation\"]}}");
        Path invitation = home.resolve("input").resolve("invite.json");
        Files.write(invitation, new org.tanik.testing.Invitations().file("Org",
                org.tanik.testing.Invitations.recipients(1), null));
        LeakScanner scanner = LeakScanner.watch(markers);
        cli().run("vault", "init");
        String id = cli().run("testimony", "add", "--json", json.toString()).out().strip();
        cli().run("testimony", "seal", id);
        // Every marker reached the vault: read them all back through the program first.
        String shown = cli().run("testimony", "show", id, "--json").out();
        assertThat(shown).contains(markers);
        // The outbox keeps a copy of every exported bundle in the vault folder: ciphertext only.
        assertThat(cli().answer("yes").run("enrol", invitation.toString()).code()).isZero();
        Path usb = Files.createDirectories(home.resolve("usb"));
        CliRunner.Result export = cli().run("bundle", "export", "--out", usb.resolve("b.tanik").toString());
        assertThat(export.code()).as(export.err()).isZero();
        try (var copies = Files.list(org.tanik.store.TestCompartments.of(home.resolve("vault"), PASS.toCharArray()).resolve("outbox"))) {
            assertThat(copies.filter(p -> p.toString().endsWith(".tanik"))).hasSize(1);
        }
        Files.delete(json); // the input file is the user's own plaintext, not the program's
        int[] scanned = {0};
        List<String> hits = scanner.findIn(List.of(home.resolve("vault"), usb), scanned);
        assertThat(scanned[0]).isGreaterThanOrEqualTo(4);
        assertThat(hits).isEmpty();
    }
}
