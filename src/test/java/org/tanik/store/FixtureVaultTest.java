package org.tanik.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;
import org.tanik.model.Status;
import org.tanik.model.Testimony;

/**
 * Vaults made by released formats must keep opening. Each fixture is a real vault made with the
 * command line of its release (key file format 1, schema 3 here); new releases add fixtures, never
 * replace them.
 */
class FixtureVaultTest {

    static final Path FIXTURE = Path.of("src/test/resources/fixtures/vault-v1-schema3");
    static final char[] PASS = "fixture vault passphrase şğıİ 2026".toCharArray();

    @TempDir
    Path dir;

    @Test
    void vaultOfKeyFormat1Schema3Opens() throws Exception {
        try (Stream<Path> files = Files.list(FIXTURE)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        try (VaultSession s = new Vaults(Argon2Params.TESTING, Clock.systemUTC()).open(dir, PASS)) {
            assertThat(s.testimonies().list()).hasSize(2);
            Testimony sealed = s.testimonies().latest("981fbc68-5070-4687-b215-0ec00ab54b0c");
            assertThat(sealed.status()).isEqualTo(Status.SEALED);
            assertThat(sealed.content().title()).isEqualTo("Fixture: gözaltı");
            assertThat(sealed.content().narrative()).isEqualTo("Fixture anlatı şğıİ");
            assertThat(sealed.content().incidents().get(0).acts().get(0).place().province()).isEqualTo("34");
            assertThat(s.device().fingerprint()).matches("\\d{5}( \\d{5}){5}");
        }
    }
}
