package org.tanik.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.session.CoercionFixture.DURESS;
import static org.tanik.session.CoercionFixture.PASS;
import static org.tanik.session.CoercionFixture.WRONG;
import static org.tanik.session.CoercionFixture.access;
import static org.tanik.session.CoercionFixture.add;
import static org.tanik.session.CoercionFixture.assertProblem;
import static org.tanik.session.CoercionFixture.filesContaining;
import static org.tanik.session.CoercionFixture.forms;
import static org.tanik.session.CoercionFixture.shape;
import static org.tanik.session.CoercionFixture.slotOf;
import static org.tanik.session.CoercionFixture.tempDir;
import static org.tanik.session.CoercionFixture.titles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.error.Problem;
import org.tanik.store.vault.KeyFile;
import org.tanik.testing.LeakScanner;

/** The duress passphrase opens a decoy; "erase" mode destroys the real vault, "keep" mode leaves it. */
class DuressTest {

    @TempDir
    Path tmp;

    private Path vaultWithDecoy(boolean eraseReal, String realTitle) {
        return CoercionFixture.vaultWithDecoy(tmp.resolve("vault"), eraseReal, realTitle);
    }

    @Test
    void theDuressPassphraseOpensTheDecoyWhoseTestimoniesAreItsOwn() {
        Path dir = vaultWithDecoy(false, "Gerçek tanıklık");
        Path realCompartment;
        try (OpenVault real = access().unlock(dir, PASS.clone())) {
            realCompartment = real.directory();
        }
        try (OpenVault decoy = access().unlock(dir, DURESS.clone())) {
            assertThat(titles(decoy)).containsExactly("Piknik notları");
            assertThat(decoy.duressState()).isEqualTo(DuressState.NONE);
            assertThat(decoy.directory()).isNotEqualTo(realCompartment);
            assertThat(decoy.vaultDirectory()).isEqualTo(dir);
            add(decoy, "Added in the decoy");
        }
        try (OpenVault real = access().unlock(dir, PASS.clone())) {
            assertThat(titles(real)).containsExactly("Gerçek tanıklık");
        }
        assertProblem(() -> access().unlock(dir, WRONG.clone()), Problem.WRONG_PASSPHRASE);
    }

    @Test
    void inKeepModeTheRealVaultOpensIntactAfterTheDecoy() {
        Path dir = vaultWithDecoy(false, "Gerçek tanıklık");
        byte[] realSlot = slotOf(dir, PASS);
        try (OpenVault decoy = access().unlock(dir, DURESS.clone())) {
            assertThat(titles(decoy)).containsExactly("Piknik notları");
        }
        assertThat(slotOf(dir, PASS)).isEqualTo(realSlot);
        try (OpenVault real = access().unlock(dir, PASS.clone())) {
            assertThat(titles(real)).containsExactly("Gerçek tanıklık");
            assertThat(real.duressState()).isEqualTo(DuressState.KEEP_REAL);
        }
    }

    @Test
    void inEraseModeTheRealVaultIsGoneAfterTheDecoyOpens() throws Exception {
        String marker = "REAL-MARKER-" + UUID.randomUUID();
        LeakScanner scanner = LeakScanner.watch(List.of(marker));
        Path dir = vaultWithDecoy(true, marker);
        byte[] realKeyFile = Files.readAllBytes(dir.resolve(KeyFile.FILE_NAME));
        byte[] realSlot = slotOf(dir, PASS);
        // The search can find what it looks for: the real slot is in the key file now.
        int[] read = {0};
        assertThat(filesContaining(dir, forms(realSlot).get(1), read)).containsExactly(dir.resolve(KeyFile.FILE_NAME));

        try (OpenVault decoy = access().unlock(dir, DURESS.clone())) {
            assertThat(titles(decoy)).containsExactly("Piknik notları");
        } // locking waits for the erase, which runs off the unlock's path

        assertProblem(() -> access().unlock(dir, PASS.clone()), Problem.WRONG_PASSPHRASE);
        for (byte[] needle : List.of(realKeyFile, forms(realSlot).get(0), forms(realSlot).get(1))) {
            assertThat(filesContaining(dir, needle, read)).isEmpty();
        }
        assertThat(read[0]).isGreaterThan(3);
        int[] scanned = {0};
        assertThat(scanner.findIn(List.of(tempDir()), scanned)).isEmpty();
        assertThat(scanned[0]).isPositive();
        // The decoy still opens, and the folder has the shape of any vault.
        try (OpenVault decoy = access().unlock(dir, DURESS.clone())) {
            assertThat(titles(decoy)).containsExactly("Piknik notları");
        }
        assertThat(CoercionFixture.count(dir, "[0-9a-f]{32}")).isEqualTo(2);
    }

    @Test
    void theMarkerScanFindsAMarkerThatIsOnDisk() throws Exception {
        String marker = "CONTROL-MARKER-" + UUID.randomUUID();
        LeakScanner scanner = LeakScanner.watch(List.of(marker));
        Files.writeString(tmp.resolve("plain.txt"), marker, StandardCharsets.UTF_8);
        int[] scanned = {0};
        assertThat(scanner.findIn(List.of(tempDir()), scanned)).isNotEmpty();
    }

    @Test
    void changingThePassphraseKeepsTheDecoy() {
        Path dir = vaultWithDecoy(false, "Gerçek");
        char[] next = "a new passphrase for the real vault ğş".toCharArray();
        access().changePassphrase(dir, PASS.clone(), next.clone());
        assertProblem(() -> access().unlock(dir, PASS.clone()), Problem.WRONG_PASSPHRASE);
        try (OpenVault real = access().unlock(dir, next.clone())) {
            assertThat(titles(real)).containsExactly("Gerçek");
        }
        try (OpenVault decoy = access().unlock(dir, DURESS.clone())) {
            assertThat(titles(decoy)).containsExactly("Piknik notları");
        }
    }

    @Test
    void aDuressPassphraseThatOpensTheVaultOrIsWeakIsRefused() {
        try (OpenVault real = access().create(tmp.resolve("v"), PASS.clone())) {
            assertProblem(() -> real.setDuress(PASS.clone(), false, d -> { }), Problem.DURESS_OPENS_VAULT);
            assertProblem(() -> real.setDuress("password1".toCharArray(), false, d -> { }), Problem.WEAK_PASSPHRASE);
            assertThat(real.duressState()).isEqualTo(DuressState.NONE);
        }
    }

    @Test
    void clearingTheDuressPassphrasePutsChaffBack() {
        Path dir = vaultWithDecoy(false, "Gerçek");
        try (OpenVault real = access().unlock(dir, PASS.clone())) {
            real.clearDuress();
            assertThat(real.duressState()).isEqualTo(DuressState.NONE);
        }
        assertProblem(() -> access().unlock(dir, DURESS.clone()), Problem.WRONG_PASSPHRASE);
        assertThat(CoercionFixture.count(dir, "[0-9a-f]{32}")).isEqualTo(2);
        try (OpenVault real = access().unlock(dir, PASS.clone())) {
            assertThat(titles(real)).containsExactly("Gerçek");
        }
    }

    @Test
    void aFillThatFailsLeavesTheVaultAsItWas() {
        Path dir = tmp.resolve("v");
        try (OpenVault real = access().create(dir, PASS.clone())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> real.setDuress(DURESS.clone(), false, d -> {
                throw new IllegalStateException("samples failed");
            })).hasMessage("samples failed");
            assertThat(real.duressState()).isEqualTo(DuressState.NONE);
        }
        assertThat(CoercionFixture.count(dir, "[0-9a-f]{32}")).isEqualTo(2);
        assertProblem(() -> access().unlock(dir, DURESS.clone()), Problem.WRONG_PASSPHRASE);
    }

    @Test
    void aDecoyCannotSetADuressPassphrase() {
        Path dir = vaultWithDecoy(false, "Gerçek");
        try (OpenVault decoy = access().unlock(dir, DURESS.clone())) {
            assertProblem(() -> decoy.setDuress("yet another long passphrase here 99".toCharArray(), true, d -> { }),
                    Problem.DURESS_UNAVAILABLE);
        }
        try (OpenVault real = access().unlock(dir, PASS.clone())) {
            assertThat(titles(real)).containsExactly("Gerçek");
        }
    }

    @Test
    void withAndWithoutADecoyTheFolderAndKeyFileHaveTheSameShape() throws Exception {
        Path plain = tmp.resolve("plain");
        access().create(plain, PASS.clone()).close();
        access().unlock(plain, PASS.clone()).close();
        Path withDecoy = vaultWithDecoy(false, "Gerçek");
        access().unlock(withDecoy, PASS.clone()).close();

        assertThat(shape(withDecoy)).isEqualTo(shape(plain));
        KeyFile a = KeyFile.read(plain);
        KeyFile b = KeyFile.read(withDecoy);
        assertThat(a.slotCount()).isEqualTo(2).isEqualTo(b.slotCount());
        assertThat(a.slot(0)).hasSameSizeAs(a.slot(1)).hasSameSizeAs(b.slot(0)).hasSameSizeAs(b.slot(1));
        assertThat(Files.size(plain.resolve(KeyFile.FILE_NAME))).isEqualTo(Files.size(withDecoy.resolve(KeyFile.FILE_NAME)));
        String shapeA = Files.readString(plain.resolve(KeyFile.FILE_NAME)).replaceAll("\"[^\"]*\"\\s*$|[A-Za-z0-9+/=-]{16,}", "X");
        String shapeB = Files.readString(withDecoy.resolve(KeyFile.FILE_NAME)).replaceAll("\"[^\"]*\"\\s*$|[A-Za-z0-9+/=-]{16,}", "X");
        assertThat(shapeB).isEqualTo(shapeA);
    }
}
