package org.tanik.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tanik.store.db.Database;
import org.tanik.store.vault.KeyFile;
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
    /**
     * Key file format 2 with a duress passphrase and a decoy ("keep" mode), 128 MiB and 2 passes: made
     * with the command line at 7af39bd, as every release from issue 17 to issue 19 made them
     * ({@code vault init}, {@code testimony add}, {@code vault set-duress --yes}, a testimony added
     * in the decoy).
     */
    static final Path FIXTURE_V2 = Path.of("src/test/resources/fixtures/vault-v2-duress");
    static final char[] DURESS_V2 = "fixture duress passphrase piknik üç 2026".toCharArray();

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

    /**
     * The first unlock moves a format-1 vault into a compartment beside chaff and writes key file
     * format 2 with the same passphrase; it keeps opening. Chaff left by an attempt that stopped half
     * way (a crash) is replaced, so the folder ends with exactly two compartments.
     */
    @Test
    void theFirstUnlockMovesAFormat1VaultIntoCompartments() throws Exception {
        try (Stream<Path> files = Files.list(FIXTURE)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        assertThat(KeyFile.read(dir).formatVersion()).isEqualTo(1);
        Path orphan = Files.createDirectories(dir.resolve("0123456789abcdef0123456789abcdef"));
        Files.writeString(orphan.resolve(Database.FILE_NAME), "chaff of an earlier attempt");
        Vaults vaults = new Vaults(Argon2Params.TESTING, Clock.systemUTC());
        vaults.open(dir, PASS).close();

        assertThat(KeyFile.read(dir).formatVersion()).isEqualTo(2);
        assertThat(dir.resolve(Database.FILE_NAME)).doesNotExist();
        assertThat(orphan).doesNotExist();
        assertThat(TestCompartments.all(dir)).hasSize(2);
        try (Stream<Path> top = Files.list(dir)) {
            assertThat(top.map(p -> p.getFileName().toString()).filter(n -> !n.matches("[0-9a-f]{32}")))
                    .containsExactlyInAnyOrder(KeyFile.FILE_NAME, "vault.lock");
        }
        try (VaultSession s = vaults.open(dir, PASS)) {
            assertThat(s.testimonies().list()).hasSize(2);
            assertThat(s.directory()).isEqualTo(TestCompartments.of(dir, PASS));
            assertThat(s.vaultDirectory()).isEqualTo(dir);
        }
    }

    /**
     * A format-2 vault with a decoy, from before issue 19, keeps opening with both passphrases on the
     * current code; a change of the real passphrase keeps its cost (128 MiB, 2 passes: see security.md,
     * "Key derivation cost") and the decoy's slot byte for byte.
     */
    @Test
    void aFormat2VaultWithADecoyOpensAndKeepsItsDecoyThroughAPassphraseChange() throws Exception {
        try (Stream<Path> files = Files.walk(FIXTURE_V2)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = dir.resolve(FIXTURE_V2.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        KeyFile before = KeyFile.read(dir);
        assertThat(before.formatVersion()).isEqualTo(2);
        Vaults vaults = new Vaults(Argon2Params.DEFAULT, Clock.systemUTC());
        int real;
        try (VaultSession s = vaults.open(dir, PASS.clone())) {
            assertThat(s.testimonies().list()).extracting(t -> t.title()).containsExactly("Fixture 2: gözaltı");
            real = s.slot();
        }
        try (VaultSession s = vaults.open(dir, DURESS_V2.clone())) {
            assertThat(s.testimonies().list()).extracting(t -> t.title()).containsExactly("Piknik notları");
        }

        char[] changed = "the fixture's new passphrase after issue 19".toCharArray();
        vaults.changePassphrase(dir, PASS.clone(), changed.clone());

        KeyFile after = KeyFile.read(dir);
        assertThat(after.params()).isEqualTo(new Argon2Params(128 * 1024, 2, 1)).isEqualTo(before.params());
        assertThat(after.slot(1 - real)).isEqualTo(before.slot(1 - real));
        try (VaultSession s = vaults.open(dir, changed.clone())) {
            assertThat(s.testimonies().list()).extracting(t -> t.title()).containsExactly("Fixture 2: gözaltı");
        }
        try (VaultSession s = vaults.open(dir, DURESS_V2.clone())) {
            assertThat(s.testimonies().list()).extracting(t -> t.title()).containsExactly("Piknik notları");
        }
    }
}
