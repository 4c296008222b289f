package org.tanik.crypto.age;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every C2SP CCTV age vector through {@link AgeDecryptor}, once per cipher backend.
 *
 * <p>For "payload failure" vectors the file's {@code payload} hash is the plaintext the
 * reference implementation releases before failing (authentic chunks before the bad one,
 * including an authentic final chunk followed by trailing data). We release exactly the
 * same and assert the same hash.
 */
class AgeVectorsTest {

    /** Features we do not implement, skipped by vector name. */
    private static final Map<String, String> SKIP_PREFIXES = Map.of(
            "hybrid", "post-quantum mlkem768x25519 recipients are not implemented",
            "armor_hybrid", "post-quantum mlkem768x25519 recipients are not implemented");

    @TestFactory
    Stream<DynamicNode> vectors() throws IOException {
        List<Path> files = TestVectors.ageFiles();
        List<DynamicNode> containers = new ArrayList<>();
        for (CipherBackend backend : CipherBackend.values()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (Path f : files) {
                String name = f.getFileName().toString();
                tests.add(DynamicTest.dynamicTest(name, () -> run(f, backend)));
            }
            containers.add(DynamicContainer.dynamicContainer("backend " + backend, tests));
        }
        return containers.stream();
    }

    /**
     * The copy in src/test/resources holds all 143 vectors of CCTV commit 1e3d2860; a shorter
     * list means a broken copy, and the factory above would quietly run fewer cases.
     */
    @Test
    void theWholeVectorSetIsThere() throws IOException {
        List<Path> files = TestVectors.ageFiles();
        assertThat(files).hasSize(143);
        assertThat(files.stream().filter(f -> skipReason(f.getFileName().toString()) == null).count())
                .as("vectors actually run (not post-quantum)").isGreaterThanOrEqualTo(100);
    }

    static String skipReason(String name) {
        for (var e : SKIP_PREFIXES.entrySet()) {
            if (name.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    private static void run(Path file, CipherBackend backend) throws Exception {
        String name = file.getFileName().toString();
        String reason = skipReason(name);
        if (reason != null) {
            System.out.println("age-vectors: SKIP " + name + " [" + backend + "]: " + reason);
            Assumptions.abort(reason);
        }
        AgeVector v = AgeVector.load(file);
        Outcome o = decrypt(v, backend);
        assertThat(o.result).as("outcome of %s (%s)", name, o.message).isEqualTo(v.expect());
        String payload = v.meta().get("payload");
        if (payload != null && (o.result.equals("success") || o.result.equals("payload failure"))) {
            assertThat(HexFormat.of().formatHex(sha256(o.released)))
                    .as("SHA-256 of released plaintext of %s", name).isEqualTo(payload);
        }
        if (!o.result.equals("success") && !o.result.equals("payload failure")) {
            assertThat(o.released).as("no plaintext before a header failure").isEmpty();
        }
    }

    record Outcome(String result, byte[] released, String message) {
    }

    static Outcome decrypt(AgeVector v, CipherBackend backend) throws IOException {
        List<Identity> ids = new ArrayList<>();
        for (String s : v.identities()) {
            ids.add(X25519Identity.parse(s));
        }
        String pass = v.meta().get("passphrase");
        if (pass != null) {
            ids.add(new ScryptIdentity(pass.toCharArray()));
        }
        if (ids.isEmpty()) {
            // Some header-failure vectors name no identity; any identity will do.
            ids.add(X25519Identity.generate());
        }
        ByteArrayOutputStream released = new ByteArrayOutputStream();
        InputStream raw = new ByteArrayInputStream(v.body());
        if ("yes".equals(v.meta().get("armored"))) {
            raw = new ArmorInputStream(raw);
        }
        try (InputStream in = AgeDecryptor.decrypt(raw, ids, backend)) {
            byte[] buf = new byte[7919]; // odd size to exercise partial reads across chunks
            int n;
            while ((n = in.read(buf)) >= 0) {
                released.write(buf, 0, n);
            }
            return new Outcome("success", released.toByteArray(), "");
        } catch (AgeException e) {
            return new Outcome(label(e.kind()), released.toByteArray(),
                    e.getMessage() + (e.getCause() != null ? " / cause: " + e.getCause() : ""));
        }
    }

    static String label(AgeException.Kind k) {
        return switch (k) {
            case NO_MATCH -> "no match";
            case HEADER -> "header failure";
            case HMAC -> "HMAC failure";
            case PAYLOAD, TRUNCATED -> "payload failure";
            case ARMOR -> "armor failure";
        };
    }

    static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }
}
