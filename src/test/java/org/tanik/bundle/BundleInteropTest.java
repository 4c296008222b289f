package org.tanik.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.Ed25519Pem;
import org.tanik.crypto.Sha256;
import org.tanik.model.Testimony;
import org.tanik.testing.RequiredTools;

/**
 * The organisation can check a bundle with standard tools alone: age decrypts it, tar lists it with
 * the manifest first, and openssl verifies the device signature. Skipped when a tool is missing,
 * failed instead in CI ({@link RequiredTools}).
 */
class BundleInteropTest {
    private Path dir;
    private List<Testimony> sent;

    @BeforeEach
    void writeBundle() throws Exception {
        RequiredTools.require("age", "tar");
        dir = Tools.scratch("bundle-interop");
        sent = Fixtures.testimonies(4, 21);
        Files.writeString(dir.resolve("identity.txt"), "# organisation key\n" + Fixtures.ORG.encode() + "\n",
                StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("device.pem"), Ed25519Pem.encode(Ed25519.publicKey(Fixtures.DEVICE)),
                StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(dir.resolve("bundle.tanik"))) {
            BundleWriter.write(out, List.of(Fixtures.ORG.recipient()), Fixtures.DEVICE, 1, null, Fixtures.CREATED,
                    TestimonyRecords.toEntries(sent));
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        Tools.delete(dir);
    }

    @Test
    void ageDecryptsAndTarListsTheManifestFirst() throws Exception {
        Tools.Result listed = Tools.run(dir, List.of("sh", "-c", "age -d -i identity.txt bundle.tanik | tar -t"));
        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        assertThat(listed.stderr()).isEmpty();
        List<String> names = listed.stdout().lines().toList();
        assertThat(names.get(0)).isEqualTo("manifest.json");
        assertThat(names.get(1)).isEqualTo("manifest.sig");
        assertThat(names.subList(2, names.size())).containsExactlyElementsOf(
                TestimonyRecords.toEntries(sent).stream().map(BundleEntry::path).toList());
    }

    @Test
    void extractedFilesMatchTheManifestAndTheSignatureVerifiesWithOpenssl() throws Exception {
        RequiredTools.require("openssl");
        Files.createDirectories(dir.resolve("x"));
        Tools.Result extracted = Tools.run(dir, List.of("sh", "-c",
                "age -d -i identity.txt -o bundle.tar bundle.tanik && tar -xf bundle.tar -C x"));
        assertThat(extracted.exitCode()).as(extracted.stderr()).isZero();

        Tools.Result verified = Tools.run(dir, List.of("openssl", "pkeyutl", "-verify", "-rawin", "-pubin",
                "-inkey", "device.pem", "-in", "x/manifest.json", "-sigfile", "x/manifest.sig"));
        assertThat(verified.exitCode()).as(verified.stderr()).isZero();
        assertThat(verified.stdout()).contains("Signature Verified Successfully");

        Manifest m = ManifestJson.decode(Files.readAllBytes(dir.resolve("x/manifest.json")));
        for (ManifestEntry e : m.entries()) {
            byte[] content = Files.readAllBytes(dir.resolve("x").resolve(e.path()));
            assertThat(content).hasSize((int) e.size());
            assertThat(Sha256.hex(content)).isEqualTo(e.sha256());
        }

        // A changed manifest no longer verifies with the standard tool either.
        byte[] changed = Files.readAllBytes(dir.resolve("x/manifest.json"));
        changed[changed.length - 3] ^= 1;
        Files.write(dir.resolve("changed.json"), changed);
        Tools.Result refused = Tools.run(dir, List.of("openssl", "pkeyutl", "-verify", "-rawin", "-pubin",
                "-inkey", "device.pem", "-in", "changed.json", "-sigfile", "x/manifest.sig"));
        assertThat(refused.exitCode()).isNotZero();
    }
}
