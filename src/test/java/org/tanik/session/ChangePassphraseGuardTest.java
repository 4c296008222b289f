package org.tanik.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.session.CoercionFixture.DURESS;
import static org.tanik.session.CoercionFixture.PASS;
import static org.tanik.session.CoercionFixture.WRONG;
import static org.tanik.session.CoercionFixture.access;
import static org.tanik.session.CoercionFixture.add;
import static org.tanik.session.CoercionFixture.assertProblem;
import static org.tanik.session.CoercionFixture.titles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;
import org.tanik.error.Problem;
import org.tanik.store.Vaults;
import org.tanik.store.vault.KeyFile;

/**
 * What a passphrase change must not do: give one passphrase two slots (a decoy set to erase could
 * then erase the real vault), let wrong guesses past the wipe policy, or raise the cost of one slot
 * only (an examiner could then tell which slots were re-keyed, and so that a decoy exists).
 */
class ChangePassphraseGuardTest {

    static final char[] NEW_PASS = "a new passphrase for the same vault 42 ç".toCharArray();

    @TempDir
    Path tmp;

    private Path vaultWithDecoy(boolean eraseReal) {
        return CoercionFixture.vaultWithDecoy(tmp.resolve("vault"), eraseReal, "Gerçek");
    }

    @Test
    void theRealPassphraseCannotBecomeTheDuressPassphraseNorTheOtherWayRound() throws Exception {
        Path dir = vaultWithDecoy(true);
        byte[] before = Files.readAllBytes(dir.resolve(KeyFile.FILE_NAME));
        assertProblem(() -> access().changePassphrase(dir, PASS.clone(), DURESS.clone()), Problem.PASSPHRASE_IN_USE);
        assertProblem(() -> access().changePassphrase(dir, DURESS.clone(), PASS.clone()), Problem.PASSPHRASE_IN_USE);
        assertThat(Files.readAllBytes(dir.resolve(KeyFile.FILE_NAME))).isEqualTo(before);
        try (OpenVault real = access().unlock(dir, PASS.clone())) {
            assertThat(titles(real)).containsExactly("Gerçek");
        }
        // Changing to the same passphrase it already has is no clash.
        access().changePassphrase(dir, PASS.clone(), PASS.clone());
        try (OpenVault real = access().unlock(dir, PASS.clone())) {
            assertThat(titles(real)).containsExactly("Gerçek");
        }
    }

    @Test
    void wrongOldPassphrasesCountTowardsTheWipePolicy() {
        Path dir = tmp.resolve("vault");
        try (OpenVault v = access().create(dir, PASS.clone())) {
            add(v, "Gerçek");
            v.setWipeAfter(5);
        }
        for (int i = 0; i < 2; i++) {
            assertProblem(() -> access().changePassphrase(dir, WRONG.clone(), NEW_PASS.clone()), Problem.WRONG_PASSPHRASE);
        }
        assertThat(KeyFile.read(dir).failures()).isEqualTo(2);
        // The right one resets the count, as an unlock does.
        access().changePassphrase(dir, PASS.clone(), NEW_PASS.clone());
        assertThat(KeyFile.read(dir).failures()).isZero();
        for (int i = 0; i < 4; i++) {
            assertProblem(() -> access().changePassphrase(dir, WRONG.clone(), PASS.clone()), Problem.WRONG_PASSPHRASE);
        }
        assertThat(dir).exists();
        assertProblem(() -> access().changePassphrase(dir, WRONG.clone(), PASS.clone()), Problem.WRONG_PASSPHRASE);
        assertThat(dir).doesNotExist();
    }

    @Test
    void aChangeWhileTheVaultIsOpenStillWorks() {
        Path dir = tmp.resolve("vault");
        try (OpenVault v = access().create(dir, PASS.clone())) {
            add(v, "Gerçek");
            access().changePassphrase(dir, PASS.clone(), NEW_PASS.clone());
        }
        try (OpenVault v = access().unlock(dir, NEW_PASS.clone())) {
            assertThat(titles(v)).containsExactly("Gerçek");
        }
    }

    @Test
    void aChangeKeepsTheCostAndSaltOfTheFileWhateverTheApplicationNowAsks() throws Exception {
        Path dir = vaultWithDecoy(false);
        KeyFile before = KeyFile.read(dir);
        Argon2Params dearer = new Argon2Params(2048, 2, 1);
        new VaultAccess(new Vaults(dearer, Clock.systemUTC())).changePassphrase(dir, PASS.clone(), NEW_PASS.clone());
        KeyFile after = KeyFile.read(dir);
        assertThat(after.params()).isEqualTo(before.params()).isEqualTo(Argon2Params.TESTING);
        assertThat(after.salt()).isEqualTo(before.salt());
        try (OpenVault decoy = access().unlock(dir, DURESS.clone())) {
            assertThat(titles(decoy)).containsExactly("Piknik notları");
        }
    }
}
