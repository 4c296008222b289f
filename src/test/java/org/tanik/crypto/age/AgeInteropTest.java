package org.tanik.crypto.age;

import org.tanik.testing.RequiredTools;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Interoperability with the reference {@code age} command (skipped when it is not installed). */
class AgeInteropTest {
    private static final int SIZE = 3 * 64 * 1024 + 12345; // several chunks plus a short one
    private Path dir;
    private byte[] plain;

    @BeforeEach
    void setUp() throws Exception {
        RequiredTools.require("age", "age-keygen");
        dir = ExternalTools.scratchDir("interop");
        plain = RoundTripPropertiesTest.data(SIZE, 99);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (dir != null) {
            ExternalTools.deleteTree(dir);
        }
    }

    @Test
    void tanikEncryptsAgeDecrypts() throws Exception {
        X25519Identity id = X25519Identity.generate();
        Path key = dir.resolve("key.txt");
        Files.writeString(key, "# test key\n" + id.encode() + "\n", StandardCharsets.US_ASCII);
        Path enc = dir.resolve("t.age");
        try (OutputStream out = AgeEncryptor.encrypt(List.of(id.recipient()), Files.newOutputStream(enc))) {
            out.write(plain);
        }
        Path dec = dir.resolve("t.out");
        ExternalTools.run(new ProcessBuilder("age", "-d", "-i", key.toString(), "-o", dec.toString(), enc.toString()));
        assertThat(Files.readAllBytes(dec)).isEqualTo(plain);
    }

    @Test
    void tanikArmoredEncryptsAgeDecrypts() throws Exception {
        X25519Identity id = X25519Identity.generate();
        Path key = dir.resolve("key.txt");
        Files.writeString(key, id.encode() + "\n", StandardCharsets.US_ASCII);
        Path enc = dir.resolve("t.age.asc");
        try (OutputStream out = AgeEncryptor.encrypt(List.of(id.recipient()),
                new ArmorOutputStream(Files.newOutputStream(enc)))) {
            out.write(plain);
        }
        Path dec = dir.resolve("t.out");
        ExternalTools.run(new ProcessBuilder("age", "-d", "-i", key.toString(), "-o", dec.toString(), enc.toString()));
        assertThat(Files.readAllBytes(dec)).isEqualTo(plain);
    }

    @Test
    void ageEncryptsTanikDecrypts() throws Exception {
        Path key = dir.resolve("key.txt");
        ExternalTools.run(new ProcessBuilder("age-keygen", "-o", key.toString()));
        String secret = Files.readAllLines(key).stream().filter(l -> l.startsWith("AGE-SECRET-KEY-1")).findFirst()
                .orElseThrow();
        X25519Identity id = X25519Identity.parse(secret);
        Path in = dir.resolve("p.bin");
        Files.write(in, plain);
        for (boolean armor : new boolean[] {false, true}) {
            Path enc = dir.resolve(armor ? "a.age.asc" : "a.age");
            ProcessBuilder pb = armor
                    ? new ProcessBuilder("age", "-a", "-r", id.recipient().encode(), "-o", enc.toString(), in.toString())
                    : new ProcessBuilder("age", "-r", id.recipient().encode(), "-o", enc.toString(), in.toString());
            ExternalTools.run(pb);
            for (CipherBackend b : CipherBackend.values()) {
                try (InputStream d = AgeDecryptor.decrypt(Files.newInputStream(enc), List.of(id), b)) {
                    assertThat(d.readAllBytes()).isEqualTo(plain);
                }
            }
        }
    }

    /**
     * age -p reads the passphrase from the terminal only, so it is driven through a pseudo
     * terminal with util-linux {@code script}; skipped when that is unavailable.
     */
    @Test
    void scryptBothDirections() throws Exception {
        RequiredTools.require("script"); // util-linux: age -p reads the passphrase from a terminal
        char[] pw = "tanik interop passphrase".toCharArray();
        Path in = dir.resolve("p.bin");
        Files.write(in, plain);

        // age -p -> Tanik
        Path enc = dir.resolve("s.age");
        runWithTty("age -p -o " + enc + " " + in, new String(pw) + "\n" + new String(pw) + "\n");
        assertThat(Files.readString(enc, StandardCharsets.ISO_8859_1)).contains("-> scrypt ");
        try (InputStream d = AgeDecryptor.decrypt(Files.newInputStream(enc), List.of(new ScryptIdentity(pw)))) {
            assertThat(d.readAllBytes()).isEqualTo(plain);
        }

        // Tanik -> age -d (work factor 2^14 keeps the test quick)
        Path enc2 = dir.resolve("s2.age");
        try (OutputStream out = AgeEncryptor.encrypt(List.of(new ScryptRecipient(pw, 14)), Files.newOutputStream(enc2))) {
            out.write(plain);
        }
        Path dec = dir.resolve("s2.out");
        runWithTty("age -d -o " + dec + " " + enc2, new String(pw) + "\n");
        assertThat(Files.readAllBytes(dec)).isEqualTo(plain);
    }

    private static void runWithTty(String command, String typed) throws Exception {
        Process p = new ProcessBuilder("script", "-qec", command, "/dev/null")
                .redirectErrorStream(true).start();
        try (OutputStream tty = p.getOutputStream()) {
            // Type each line after a pause, as age opens the terminal and turns echo off first.
            for (String line : typed.split("(?<=\n)")) {
                Thread.sleep(700);
                tty.write(line.getBytes(StandardCharsets.UTF_8));
                tty.flush();
            }
            Thread.sleep(300);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("age finished").isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("age exit status; output: %s", output).isZero();
    }
}
