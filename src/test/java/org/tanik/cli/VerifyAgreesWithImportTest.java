package org.tanik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.bundle.BundleWriter;
import org.tanik.bundle.TestimonyRecords;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.crypto.age.X25519Recipient;
import org.tanik.model.Json;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.testing.CliRunner;

/**
 * {@code bundle verify} never calls valid what {@code import} refuses for its content: a draft, or
 * a bundle also addressed to a key that is not the organisation's (a forged invitation's work).
 */
class VerifyAgreesWithImportTest {

    static final String PASS = "yeşil çınar ağacının gölgesi ılık";
    static final Instant AT = Instant.parse("2026-11-01T08:00:00Z");

    @TempDir
    Path home;
    X25519Recipient org;
    final byte[] device = Ed25519.generatePrivateKey();

    CliRunner cli() {
        return new CliRunner(home).env("TANIK_PASSPHRASE", PASS);
    }

    String vault() {
        return home.resolve("org").toString();
    }

    @BeforeEach
    void organisation() {
        assertThat(cli().run("vault", "init", "--vault", vault()).code()).isZero();
        String out = cli().run("org", "init", "--name", "İHD", "--vault", vault()).out();
        org = X25519Recipient.parse(out.replaceAll("(?s).*(age1[0-9a-z]+).*", "$1"));
    }

    Path bundle(String name, List<X25519Recipient> to, Status status) throws Exception {
        return bundle(name, to, status, "Gözaltı");
    }

    Path bundle(String name, List<X25519Recipient> to, Status status, String title) throws Exception {
        Testimony t = new Testimony(UUID.randomUUID().toString(), 1, status, AT, AT,
                status == Status.SEALED ? AT : null, TestimonyContent.empty().withTitle(title).withNarrative("Anlatı"));
        Path file = home.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            BundleWriter.write(out, to, device, 1, null, AT, TestimonyRecords.toEntries(List.of(t)));
        }
        return file;
    }

    JsonNode verify(Path bundle) throws Exception {
        CliRunner.Result r = cli().run("bundle", "verify", bundle.toString(), "--vault", vault());
        assertThat(r.out()).as("stderr: %s", r.err()).startsWith("{");
        return Json.mapper().readTree(r.out());
    }

    @Test
    void aSealedBundleToTheOrganisationIsValidAndHeld() throws Exception {
        Path ok = bundle("ok.tanik", List.of(org), Status.SEALED);
        assertThat(verify(ok).get("verdict").asText()).isEqualTo("valid");
        CliRunner.Result imported = cli().run("import", ok.toString(), "--vault", vault());
        assertThat(imported.code()).isZero();
        assertThat(imported.out()).contains("quarantined");
    }

    @Test
    void aDraftIsInvalidForBoth() throws Exception {
        Path draft = bundle("draft.tanik", List.of(org), Status.DRAFT);
        JsonNode v = verify(draft);
        assertThat(v.get("verdict").asText()).isEqualTo("invalid");
        assertThat(v.get("reasonCode").asText()).isEqualTo("INVALID_NOT_SEALED");
        assertThat(v.get("reason").asText()).contains("is not sealed");
        CliRunner.Result imported = cli().run("import", draft.toString(), "--vault", vault());
        assertThat(imported.code()).isEqualTo(1);
        assertThat(imported.out()).contains("is not sealed");
    }

    @Test
    void aSecondRecipientIsInvalidForBoth() throws Exception {
        X25519Recipient hostile = X25519Identity.generate().recipient();
        Path forged = bundle("forged.tanik", List.of(org, hostile), Status.SEALED);
        JsonNode v = verify(forged);
        assertThat(v.get("verdict").asText()).isEqualTo("invalid");
        assertThat(v.get("reasonCode").asText()).isEqualTo("OTHER_RECIPIENTS");
        assertThat(v.get("reason").asText()).contains(hostile.encode());
        CliRunner.Result imported = cli().run("import", forged.toString(), "--vault", vault());
        assertThat(imported.code()).isEqualTo(1);
        assertThat(imported.out()).contains("not the organisation's").contains(hostile.encode());
    }

    @Test
    void aTitleBeyondTheModelsLimitIsInvalidForBothAndCannotBeAdded() throws Exception {
        Path huge = bundle("huge.tanik", List.of(org), Status.SEALED, "x".repeat(15 << 20));
        JsonNode v = verify(huge);
        assertThat(v.get("verdict").asText()).isEqualTo("invalid");
        assertThat(v.get("reasonCode").asText()).isEqualTo("INVALID_TOO_LONG");
        assertThat(v.get("reason").asText()).contains("the field title is longer than 1000 characters");
        CliRunner.Result imported = cli().run("import", huge.toString(), "--vault", vault());
        assertThat(imported.code()).isEqualTo(1);
        assertThat(imported.out()).contains("the field title is longer than 1000 characters");

        // A volunteer cannot store one either (it was accepted: a 15 MB title).
        String volunteer = home.resolve("vol").toString();
        assertThat(cli().run("vault", "init", "--vault", volunteer).code()).isZero();
        Path json = home.resolve("t.json");
        Files.writeString(json, "{\"title\": \"" + "x".repeat(15 << 20) + "\", \"narrative\": \"n\"}");
        CliRunner.Result added = cli().run("testimony", "add", "--json", json.toString(), "--vault", volunteer);
        assertThat(added.code()).isEqualTo(1);
        assertThat(added.err()).contains("The field title is longer than Tanik keeps: at most 1000 characters");
        assertThat(cli().run("testimony", "list", "--vault", volunteer).out()).doesNotContain("xxxx");
    }

    @Test
    void theHeldLimitIsAnOptionOfImport() throws Exception {
        Path ok = bundle("ok.tanik", List.of(org), Status.SEALED);
        CliRunner.Result bad = cli().run("import", ok.toString(), "--max-held-mib", "0", "--vault", vault());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("--max-held-mib");
        assertThat(cli().run("import", "--help").out()).contains("--max-held-mib").contains("--max-pending-devices");
    }
}
