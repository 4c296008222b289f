package org.tanik.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assumptions;
import org.tanik.crypto.Random;
import org.tanik.crypto.Sha256;

/**
 * Two tus clients written by others upload to the intake, and the stored file is the one sent:
 * Debian's python3-tuspy and npm's tus-js-client 4.3.1 (both installed by .ci/run). Neither can
 * sign requests, so the intake runs in its test-only unsigned mode; they announce the file's
 * SHA-256 in Upload-Metadata as Tanik does, so the intake checks the whole file too. TLS is real:
 * each client is given the intake's certificate as its CA file (its names include 127.0.0.1), never
 * told to skip verification.
 */
class TusInteropTest {

    /** Where .ci/run installs tus-js-client (npm install --prefix .ci/interop). */
    static final Path NODE_MODULES = Path.of(".ci", "interop", "node_modules");

    @TempDir
    Path dir;
    IntakeFixture intake;
    byte[] file;
    Path source;

    @BeforeEach
    void start() throws Exception {
        intake = new IntakeFixture(dir, true, c -> c, true);
        file = Random.bytes(300_000 + 17);
        source = dir.resolve("bundle.tanik");
        Files.write(source, file);
    }

    @AfterEach
    void stop() {
        intake.close();
    }

    @Test
    void tuspyUploadsAndTheStoredBytesMatch() throws Exception {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        require(run(List.of(python, "-c", "import tusclient"), Map.of()).code == 0,
                "python3-tuspy (import tusclient)");
        String script = String.join("\n",
                "import sys",
                "from tusclient import client",
                "c = client.TusClient(sys.argv[1])",
                "u = c.uploader(sys.argv[2], chunk_size=65536, metadata={'sha256': sys.argv[3], 'filename': 'bundle.tanik'})",
                "u.upload()",
                "print('uploaded', u.url)");
        Result r = run(List.of(python, "-c", script, intake.client.base() + "/files/", source.toString(), Sha256.hex(file)),
                Map.of("REQUESTS_CA_BUNDLE", intake.folder.certificatePem().toString()));
        assertThat(r.code).as("tuspy: %s", r.output).isZero();
        assertStored();
    }

    @Test
    void tusJsClientUploadsAndTheStoredBytesMatch() throws Exception {
        require(run(List.of("node", "--version"), Map.of()).code == 0, "node");
        require(Files.isDirectory(NODE_MODULES.resolve("tus-js-client")), "tus-js-client in " + NODE_MODULES);
        String script = String.join("\n",
                "const tus = require('tus-js-client');",
                "const fs = require('fs');",
                "const [endpoint, path, sha256] = process.argv.slice(1);",
                "const upload = new tus.Upload(fs.readFileSync(path), {",
                "  endpoint, chunkSize: 65536, retryDelays: null, storeFingerprintForResuming: false,",
                "  metadata: { sha256, filename: 'bundle.tanik' },",
                "  onError: (e) => { console.error('failed: ' + e); process.exit(1); },",
                "  onSuccess: () => { console.log('uploaded ' + upload.url); },",
                "});",
                "upload.start();");
        Result r = run(List.of("node", "-e", script, intake.client.base() + "/files/", source.toString(), Sha256.hex(file)),
                Map.of("NODE_EXTRA_CA_CERTS", intake.folder.certificatePem().toString(),
                        "NODE_PATH", NODE_MODULES.toAbsolutePath().toString()));
        assertThat(r.code).as("tus-js-client: %s", r.output).isZero();
        assertStored();
    }

    private void assertStored() throws IOException {
        Path blob = intake.folder.dir().resolve("blobs").resolve(Sha256.hex(file));
        assertThat(blob).exists();
        assertThat(Sha256.hex(Files.readAllBytes(blob))).isEqualTo(Sha256.hex(Files.readAllBytes(source)));
    }

    /** Missing client: a failure when CI is set (an interop test never passes by not running), else a skip. */
    static void require(boolean present, String what) {
        if (present) {
            return;
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci)) {
            fail("CI is set and " + what + " is missing: .ci/run installs it");
        }
        Assumptions.abort(what + " is missing: .ci/run installs it (the test runs in CI)");
    }

    record Result(int code, String output) {
    }

    static Result run(List<String> command, Map<String, String> env) throws InterruptedException {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, String.valueOf(e.getMessage()));
        }
    }
}
