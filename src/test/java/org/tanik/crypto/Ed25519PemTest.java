package org.tanik.crypto;

import org.tanik.testing.RequiredTools;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class Ed25519PemTest {
    private static final byte[] KEY = Ed25519.publicKey(Ed25519.generatePrivateKey());

    @Test
    void roundTrip() {
        String pem = Ed25519Pem.encode(KEY);
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(Ed25519Pem.parse(pem)).isEqualTo(KEY);
        assertThat(Ed25519Pem.parse(pem.replace("\n", "\r\n"))).isEqualTo(KEY);
    }

    @Test
    void refusesAnythingElse() {
        String pem = Ed25519Pem.encode(KEY);
        String body = pem.split("\n")[1];
        byte[] der = Base64.getDecoder().decode(body);
        byte[] x25519 = der.clone();
        x25519[8] = 0x6e; // OID 1.3.101.110: an X25519 key, not Ed25519
        byte[] notAPoint = der.clone();
        Arrays.fill(notAPoint, 12, 44, (byte) 0xff);
        for (String bad : new String[] {
            pem.trim(), "x" + pem, pem + "x", pem + pem, pem.replace("PUBLIC KEY", "PRIVATE KEY"),
            pem.replace(body, body.substring(0, 40) + "\n" + body.substring(40)),
            pem.replace(body, Base64.getEncoder().encodeToString(x25519)),
            pem.replace(body, Base64.getEncoder().encodeToString(Arrays.copyOf(der, 43))),
            pem.replace(body, Base64.getEncoder().encodeToString(notAPoint)),
            pem.replace(body, body.substring(0, 59) + "!"), ""}) {
            assertThatThrownBy(() -> Ed25519Pem.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Ed25519Pem.encode(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesOpensslBothWays() throws Exception {
        RequiredTools.require("openssl");
        Path base = Path.of("target", "scratch");
        Files.createDirectories(base);
        Path dir = Files.createTempDirectory(base, "pem");
        try {
            run(dir, "openssl", "genpkey", "-algorithm", "ed25519", "-out", "k.pem");
            run(dir, "openssl", "pkey", "-in", "k.pem", "-pubout", "-out", "pub.pem");
            String opensslPem = Files.readString(dir.resolve("pub.pem"), StandardCharsets.US_ASCII);
            byte[] key = Ed25519Pem.parse(opensslPem);
            assertThat(Ed25519Pem.encode(key)).isEqualTo(opensslPem);

            byte[] message = "manifest bytes".getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve("m"), message);
            run(dir, "openssl", "pkeyutl", "-sign", "-rawin", "-inkey", "k.pem", "-in", "m", "-out", "sig");
            assertThat(Ed25519.verify(key, message, Files.readAllBytes(dir.resolve("sig")))).isTrue();
        } finally {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
