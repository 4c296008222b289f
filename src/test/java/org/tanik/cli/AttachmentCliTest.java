package org.tanik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.model.Json;
import org.tanik.testing.CliRunner;
import org.tanik.volunteer.metadata.TestJpegs;

/** The command line for issue 16: consent set, attachment add/list/export, and sealing refused without consent. */
class AttachmentCliTest {

    @TempDir
    Path home;

    CliRunner cli() {
        return new CliRunner(home).env("TANIK_PASSPHRASE", CliTest.PASS);
    }

    CliRunner.Result ok(String... args) {
        CliRunner.Result r = cli().run(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    String testimony() throws Exception {
        ok("vault", "init");
        Path json = Files.writeString(home.resolve("t.json"), "{\"title\": \"Gözaltı\"}");
        return ok("testimony", "add", "--json", json.toString()).out().strip();
    }

    @Test
    void sealingWithoutConsentIsRefusedUntilConsentIsSet() throws Exception {
        String id = testimony();
        CliRunner.Result refused = cli().run("testimony", "seal", id);
        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).contains("no consent record, so it cannot be sealed");

        Path minimal = Files.writeString(home.resolve("c.json"), "{\"method\": \"oral\", \"scopes\": [\"documentation\"]}");
        assertThat(ok("consent", "set", id.substring(0, 8), "--json", minimal.toString()).out())
                .contains("Consent recorded for " + id + " version 1; it covers: documentation.");
        String shown = ok("testimony", "show", id, "--json").out();
        var consent = Json.mapper().readTree(shown).get("consent");
        assertThat(consent.get("method").asText()).isEqualTo("oral");
        assertThat(consent.get("givenAt").asText()).as("now when absent").matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(ok("testimony", "seal", id).out()).contains("ready to send");
    }

    @Test
    void aFullConsentFileAndEveryMistakeInOne() throws Exception {
        String id = testimony();
        Path form = Files.write(home.resolve("form.jpg"), TestJpegs.plain());
        String formId = ok("attachment", "add", id, form.toString(), "--caption", "signed form").out().strip();
        Path full = Files.writeString(home.resolve("full.json"), """
                {"method": "written", "givenAt": "2026-11-01T09:30:00Z", "takenBy": "G7",
                 "scopes": ["documentation", "partners", "reports-anonymous", "reports-named", "un-courts", "recontact"],
                 "formAttachment": "%s", "note": "no photos in reports"}
                """.formatted(formId.substring(0, 8)));
        ok("consent", "set", id, "--json", full.toString());
        var consent = Json.mapper().readTree(ok("testimony", "show", id, "--json").out()).get("consent");
        assertThat(consent.get("formAttachment").asText()).isEqualTo(formId);
        assertThat(consent.get("scopes")).hasSize(6);
        assertThat(consent.get("givenAt").asText()).isEqualTo("2026-11-01T09:30:00Z");

        assertRefused(id, "{\"method\": \"sung\", \"scopes\": []}", "Unknown consent method \"sung\". The methods are: oral, written.");
        assertRefused(id, "{\"method\": \"oral\", \"scopes\": [\"press\"]}", "Unknown consent scope \"press\". The scopes are: "
                + "documentation, partners, reports-anonymous, reports-named, un-courts, recontact.");
        assertRefused(id, "{\"method\": \"oral\", \"scopes\": [], \"witness\": \"x\"}", "unknown field \"witness\"");
        assertRefused(id, "{\"method\": \"oral\"}", "field scopes is missing or not valid");
        assertRefused(id, "[]", "must be a JSON object");
    }

    private void assertRefused(String id, String json, String message) throws Exception {
        Path file = Files.writeString(home.resolve("bad.json"), json);
        CliRunner.Result r = cli().run("consent", "set", id, "--json", file.toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains(message);
    }

    @Test
    void addReportsMetadataListShowsAndExportWarnsAndNeverOverwrites() throws Exception {
        String id = testimony();
        Path photo = Files.write(home.resolve("IMG_0001.JPG"), TestJpegs.withMetadata());
        CliRunner.Result kept = ok("attachment", "add", id, photo.toString(), "--caption", "Gözaltı yeri");
        assertThat(kept.out().strip()).matches("[0-9a-f-]{36}");
        assertThat(kept.err()).contains("This file reveals more than it shows:", "GPS position: " + TestJpegs.GPS,
                "Camera: " + TestJpegs.CAMERA, "It was kept as it is");
        CliRunner.Result stripped = ok("attachment", "add", id, photo.toString(), "--strip-metadata");
        assertThat(stripped.err()).contains("It was removed before the file was stored.");
        String strippedId = stripped.out().strip();

        String list = ok("attachment", "list", id.substring(0, 8)).out();
        assertThat(list).startsWith("ID").contains(kept.out().strip().substring(0, 8), "image/jpeg", "IMG_0001.JPG",
                "Gözaltı yeri");
        var json = Json.mapper().readTree(ok("attachment", "list", id, "--json").out());
        assertThat(json).hasSize(2);
        assertThat(json.get(1).get("size").asLong()).isEqualTo(TestJpegs.plain().length);

        Path out = home.resolve("out.jpg");
        CliRunner.Result export = ok("attachment", "export", strippedId.substring(0, 8), "--out", out.toString());
        assertThat(export.err()).contains("Warning: " + out + " is a readable copy outside the encrypted vault");
        assertThat(export.out()).contains("Wrote " + out, "SHA-256 " + json.get(1).get("sha256").asText());
        assertThat(Files.readAllBytes(out)).isEqualTo(TestJpegs.plain());
        CliRunner.Result again = cli().run("attachment", "export", strippedId, "--out", out.toString());
        assertThat(again.code()).isNotZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(TestJpegs.plain());
        CliRunner.Result unknown = cli().run("attachment", "export", "ffffffff", "--out", home.resolve("x").toString());
        assertThat(unknown.err()).contains("No attachment ffffffff");
    }
}
