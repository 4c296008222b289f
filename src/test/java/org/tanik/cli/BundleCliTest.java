package org.tanik.cli;

import org.tanik.testing.RequiredTools;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.model.Json;
import org.tanik.testing.CliRunner;

/** The organisation, enrolment, bundle and coordinator commands, end to end, as a user types them. */
class BundleCliTest {

    static final String PASS = "yeşil çınar ağacının gölgesi ılık";

    @TempDir
    Path home;

    CliRunner cli() {
        return new CliRunner(home).env("TANIK_PASSPHRASE", PASS);
    }

    String org() {
        return home.resolve("org").toString();
    }

    String vol() {
        return home.resolve("vol").toString();
    }

    CliRunner.Result ok(String... args) {
        CliRunner.Result r = cli().run(args);
        assertThat(r.code()).as("%s: %s", String.join(" ", args), r.err()).isZero();
        return r;
    }

    @Test
    void volunteerToCoordinator() throws Exception {
        ok("vault", "init", "--vault", org());
        assertThat(ok("org", "init", "--name", "İHD", "--vault", org()).out()).contains("age1");
        Path invite = home.resolve("invite.json");
        String orgFingerprint = ok("org", "invite", "--out", invite.toString(), "--vault", org()).out()
                .replaceAll("(?s).*\\(the volunteer must see the same\\): ([\\d ]+)\n.*", "$1").strip();
        assertThat(orgFingerprint).matches("\\d{5}( \\d{5}){5}");

        ok("vault", "init", "--vault", vol());
        // A script joins only with the fingerprint the coordinator read out.
        String enrol = ok("enrol", invite.toString(), "--vault", vol(), "--expect-fingerprint", orgFingerprint).out();
        assertThat(enrol).contains("Joined İHD").contains(orgFingerprint);

        Path t = home.resolve("t.json");
        Files.writeString(t, "{\"title\": \"Sınır dışı\", \"narrative\": \"Anlatı\", \"consent\": {\"method\": \"oral\", \"scopes\": [\"documentation\"]}}");
        String id = ok("testimony", "add", "--json", t.toString(), "--vault", vol()).out().strip();
        assertThat(cli().run("bundle", "export", "--out", home.resolve("none.tanik").toString(), "--vault", vol()).err())
                .contains("nothing new to send");
        ok("testimony", "seal", id, "--vault", vol());
        Path bundle = home.resolve("b1.tanik");
        ok("bundle", "export", "--out", bundle.toString(), "--vault", vol());

        JsonNode verified = Json.mapper().readTree(ok("bundle", "verify", bundle.toString(), "--vault", org()).out());
        assertThat(verified.get("verdict").asText()).isEqualTo("valid");
        assertThat(verified.get("records").asInt()).isEqualTo(1);
        String device = verified.get("device").asText();
        assertThat(device).matches("\\d{5}( \\d{5}){5}");
        String deviceId = device.substring(0, 23); // how the registry and the audit log name the device

        Path identity = home.resolve("org-identity.txt");
        CliRunner.Result exported = ok("org", "export-identity", "--out", identity.toString(), "--vault", org());
        assertThat(exported.err()).contains("WARNING");
        // Letting the organisation's key out of the vault is recorded.
        assertThat(ok("audit", "verify", "--vault", org()).out()).contains("intact: 1 entries");
        Path pem = home.resolve("device.pem");
        ok("device-key", "export", "--pem", "--out", pem.toString(), "--vault", vol());
        assertThat(Files.readString(pem)).startsWith("-----BEGIN PUBLIC KEY-----");
        JsonNode offline = Json.mapper().readTree(cli().run("bundle", "verify", bundle.toString(), "--identity",
                identity.toString(), "--device-key", pem.toString()).out());
        assertThat(offline.get("verdict").asText()).isEqualTo("valid");

        // A flipped byte: a specific reason and a non-zero exit.
        byte[] b = Files.readAllBytes(bundle);
        b[b.length - 40] ^= 1;
        Path broken = Files.write(home.resolve("broken.tanik"), b);
        CliRunner.Result bad = cli().run("bundle", "verify", broken.toString(), "--vault", org());
        assertThat(bad.code()).isEqualTo(1);
        JsonNode badSummary = Json.mapper().readTree(bad.out());
        assertThat(badSummary.get("verdict").asText()).isEqualTo("invalid");
        // A stable code for scripts, and the sentence for people in the chosen language. The byte
        // flipped lies in the last payload chunk, so the reason is known before the CLI runs.
        String english = "The bundle's encrypted content was changed or cut short, so it cannot be trusted.";
        assertThat(badSummary.get("reasonCode").asText()).isEqualTo("PAYLOAD_DAMAGED");
        assertThat(badSummary.get("reason").asText()).isEqualTo(english);
        // Verified offline against a device key that is not the signer's.
        String stranger = java.util.Base64.getEncoder().encodeToString(
                org.tanik.crypto.Ed25519.publicKey(org.tanik.crypto.Ed25519.generatePrivateKey()));
        CliRunner.Result otherDevice = cli().run("bundle", "verify", bundle.toString(), "--identity", identity.toString(),
                "--device-key", stranger);
        assertThat(otherDevice.code()).isEqualTo(1);
        JsonNode other = Json.mapper().readTree(otherDevice.out());
        assertThat(other.get("reasonCode").asText()).isEqualTo("UNEXPECTED_DEVICE");
        assertThat(other.get("reason").asText()).isEqualTo("The bundle was signed by a different device than the one expected.");
        org.tanik.AppServices services = org.tanik.AppServices.create(new org.tanik.config.AppDirectories(home),
                org.tanik.crypto.Argon2Params.TESTING);
        services.settings().save(services.settings().load().withLanguage("tr"));
        JsonNode turkish = Json.mapper().readTree(cli().run("bundle", "verify", broken.toString(), "--vault", org()).out());
        assertThat(turkish.get("reasonCode").asText()).isEqualTo("PAYLOAD_DAMAGED");
        assertThat(turkish.get("reason").asText())
                .isEqualTo("Paketin şifreli içeriği değiştirilmiş ya da yarıda kesilmiş; bu yüzden güvenilemez.");
        assertThat(Json.mapper().readTree(cli().run("bundle", "verify", bundle.toString(), "--identity", identity.toString(),
                "--device-key", stranger).out()).get("reason").asText())
                .isEqualTo("Paket, beklenen cihazdan başka bir cihaz tarafından imzalanmış.");
        assertThat(cli().run("bundle", "verify", bundle.toString(), "--identity", identity.toString()).err().strip())
                .isEqualTo("Girdi geçerli değil: --identity ile birlikte beklediğiniz cihazın anahtarı da --device-key ile "
                        + "verilmeli");
        services.settings().save(services.settings().load().withLanguage("en"));

        // Coordinator: quarantine, approve, re-import, revoke, audit.
        assertThat(ok("import", bundle.toString(), "--vault", org()).out()).contains("b1.tanik: quarantined");
        JsonNode list = Json.mapper().readTree(ok("volunteers", "list", "--json", "--vault", org()).out());
        assertThat(list.get(0).get("fingerprint").asText()).isEqualTo(device);
        assertThat(list.get(0).get("state").asText()).isEqualTo("pending");
        assertThat(ok("volunteers", "approve", device.replace(" ", ""), "--label", "Gönüllü 7", "--vault", org()).out())
                .contains("imported");
        assertThat(ok("import", bundle.toString(), "--vault", org()).out()).contains("b1.tanik: already imported");
        CliRunner.Result mixed = cli().run("import", broken.toString(), bundle.toString(), "--vault", org());
        assertThat(mixed.code()).isEqualTo(1);
        assertThat(mixed.out().lines().toList()).hasSize(2);
        assertThat(mixed.out()).contains("broken.tanik: rejected: ").contains("b1.tanik: already imported");
        ok("volunteers", "revoke", device, "--reason", "laptop seized", "--vault", org());
        list = Json.mapper().readTree(ok("volunteers", "list", "--json", "--vault", org()).out());
        assertThat(list.get(0).get("state").asText()).isEqualTo("revoked");
        assertThat(list.get(0).get("label").asText()).isEqualTo("Gönüllü 7");
        // The last import signed a checkpoint of the log (5 entries); the revocation came after it.
        assertThat(ok("audit", "verify", "--vault", org()).out()).contains("intact")
                .contains("The log reaches the newest checkpoint the organisation signed (5 entries, ")
                .contains("; one entry was added since.");
        assertThat(ok("audit", "archive", "--vault", org()).out())
                .isEqualTo("The archive is intact: one bundle, one record checked against what their devices signed."
                        + System.lineSeparator());
        // The log in words, oldest first; each detail on its own indented line.
        List<String> audit = ok("audit", "list", "--vault", org()).out().lines().toList();
        assertThat(audit.get(0)).startsWith("1  ").contains("  identity.export  ");
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(bundle)));
        assertThat(audit.stream().filter(l -> l.startsWith("    ")).toList()).containsExactly(
                "    The organisation's secret key was written to a file, unencrypted.",
                "    Device " + deviceId + ", bundle number 1: held until the device is approved.",
                "    Label: Gönüllü 7",
                "    Device " + deviceId + ", bundle number 1: one new version archived. File SHA-256: " + sha,
                "    Refused before its device could be known: The bundle's encrypted content was changed or cut short, "
                        + "so it cannot be trusted.",
                "    Reason: laptop seized");
        assertThat(audit).hasSize(12);

        // Interoperability with the standard tools, when installed.
        RequiredTools.require("age", "tar", "openssl");
        Path plain = home.resolve("payload.tar");
        assertThat(run(List.of("age", "-d", "-i", identity.toString(), "-o", plain.toString(), bundle.toString()))).isZero();
        Path unpacked = Files.createDirectories(home.resolve("unpacked"));
        assertThat(run(List.of("tar", "-xf", plain.toString(), "-C", unpacked.toString()))).isZero();
        assertThat(run(List.of("openssl", "pkeyutl", "-verify", "-rawin", "-pubin", "-inkey", pem.toString(), "-in",
                unpacked.resolve("manifest.json").toString(), "-sigfile", unpacked.resolve("manifest.sig").toString())))
                .isZero();
    }

    static int run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
