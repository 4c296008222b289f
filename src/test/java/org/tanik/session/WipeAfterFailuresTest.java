package org.tanik.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.session.CoercionFixture.PASS;
import static org.tanik.session.CoercionFixture.WRONG;
import static org.tanik.session.CoercionFixture.access;
import static org.tanik.session.CoercionFixture.add;
import static org.tanik.session.CoercionFixture.assertProblem;
import static org.tanik.session.CoercionFixture.titles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.error.Problem;
import org.tanik.store.vault.KeyFile;

/** After N wrong passphrases in a row (a new VaultAccess each time, as after a restart) the vault is erased. */
class WipeAfterFailuresTest {

    @TempDir
    Path tmp;

    private Path vaultWipingAfter(int n) {
        Path dir = tmp.resolve("vault");
        try (OpenVault v = access().create(dir, PASS.clone())) {
            add(v, "Gerçek");
            v.setWipeAfter(n);
            assertThat(v.wipeAfter()).isEqualTo(n);
        }
        return dir;
    }

    private static void fail(Path dir, int times) {
        for (int i = 0; i < times; i++) {
            assertProblem(() -> access().unlock(dir, WRONG.clone()), Problem.WRONG_PASSPHRASE);
        }
    }

    private static void edit(Path dir, UnaryOperator<String> change) throws Exception {
        Path key = dir.resolve(KeyFile.FILE_NAME);
        String before = Files.readString(key, StandardCharsets.UTF_8);
        String after = change.apply(before);
        assertThat(after).as("the edit changed the file").isNotEqualTo(before);
        Files.writeString(key, after, StandardCharsets.UTF_8);
    }

    @Test
    void theNthFailureInARowErasesTheVaultAcrossRestarts() {
        Path dir = vaultWipingAfter(5);
        fail(dir, 4);
        assertThat(dir).exists();
        assertThat(KeyFile.read(dir).failures()).isEqualTo(4);
        fail(dir, 1);
        assertThat(dir).doesNotExist();
        assertProblem(() -> access().unlock(dir, PASS.clone()), Problem.NO_VAULT);
    }

    @Test
    void theRightPassphraseStartsTheCountAgain() {
        Path dir = vaultWipingAfter(6);
        fail(dir, 5);
        try (OpenVault v = access().unlock(dir, PASS.clone())) {
            assertThat(titles(v)).containsExactly("Gerçek");
        }
        fail(dir, 5);
        try (OpenVault v = access().unlock(dir, PASS.clone())) {
            assertThat(titles(v)).containsExactly("Gerçek");
            assertThat(v.wipeAfter()).isEqualTo(6);
        }
    }

    @Test
    void aCountEditedByHandLeavesOneGuess() throws Exception {
        Path dir = vaultWipingAfter(10);
        fail(dir, 3);
        edit(dir, s -> s.replaceFirst("\"failures\" : 3", "\"failures\" : 0"));
        fail(dir, 1);
        assertThat(dir).doesNotExist();
    }

    @Test
    void aBrokenTagLeavesOneGuess() throws Exception {
        Path dir = vaultWipingAfter(10);
        edit(dir, s -> s.replaceFirst("(\"tag\" : \")(.)", "$1" + "x"));
        fail(dir, 1);
        assertThat(dir).doesNotExist();
    }

    @Test
    void aRemovedCounterLeavesOneGuessEvenWithThePolicyOff() throws Exception {
        Path dir = vaultWipingAfter(0);
        fail(dir, 7); // off: nothing is counted
        assertThat(dir).exists();
        edit(dir, s -> s.replaceFirst(",\\s*\"wipe\" : \\{[^}]*\\}", ""));
        fail(dir, 1);
        assertThat(dir).doesNotExist();
    }

    @Test
    void withATamperedCounterTheRightPassphraseStillOpensAndTheStrictestPolicyStays() throws Exception {
        Path dir = vaultWipingAfter(0);
        edit(dir, s -> s.replaceFirst("\"after\" : 0", "\"after\" : 999"));
        try (OpenVault v = access().unlock(dir, PASS.clone())) {
            assertThat(titles(v)).containsExactly("Gerçek");
            assertThat(v.wipeAfter()).isEqualTo(5);
        }
        assertThat(KeyFile.read(dir).failures()).isZero();
    }

    @Test
    void fewerThanFiveIsRefusedAndOffIsZero() {
        try (OpenVault v = access().create(tmp.resolve("v"), PASS.clone())) {
            assertThat(v.wipeAfter()).isZero();
            for (int n : new int[] {1, 2, 3, 4, -1}) {
                assertProblem(() -> v.setWipeAfter(n), Problem.WIPE_AFTER_TOO_LOW);
            }
            v.setWipeAfter(5);
            v.setWipeAfter(0);
            assertThat(v.wipeAfter()).isZero();
        }
    }
}
