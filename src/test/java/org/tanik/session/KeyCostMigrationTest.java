package org.tanik.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.session.CoercionFixture.DURESS;
import static org.tanik.session.CoercionFixture.PASS;
import static org.tanik.session.CoercionFixture.WRONG;
import static org.tanik.session.CoercionFixture.add;
import static org.tanik.session.CoercionFixture.assertProblem;
import static org.tanik.session.CoercionFixture.titles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;
import org.tanik.error.Problem;
import org.tanik.store.Vaults;
import org.tanik.store.vault.KeyFile;

/**
 * Issue 19: a passphrase change raises the Argon2id cost of the slot it re-keys to the application's
 * current parameters, and leaves the other slot exactly as it was. The other slot may be a decoy, the
 * real vault (a change made with the duress passphrase) or random bytes, and the change must not
 * tell which: the same steps give the same kind of file in all three cases.
 */
class KeyCostMigrationTest {

    /** The cost a vault was made with (cheap, as every test's). */
    static final Argon2Params OLD = Argon2Params.TESTING;
    /** The cost the application now asks for. */
    static final Argon2Params NEW = new Argon2Params(2048, 2, 1);
    static final char[] NEW_PASS = "a new passphrase for the same vault 42 ç".toCharArray();
    static final char[] NEW_DURESS = "another picnic by the lake with friends öş".toCharArray();

    @TempDir
    Path tmp;

    static VaultAccess access(Argon2Params params) {
        return new VaultAccess(new Vaults(params, Clock.systemUTC()));
    }

    private Path vault(String name, boolean withDecoy) {
        Path dir = tmp.resolve(name);
        try (OpenVault real = access(OLD).create(dir, PASS.clone())) {
            add(real, "Gerçek");
            if (withDecoy) {
                real.setDuress(DURESS.clone(), false, decoy -> add(decoy, "Piknik"));
            }
        }
        return dir;
    }

    private static int slotOpenedBy(Path dir, char[] passphrase) {
        return KeyFile.read(dir).open(passphrase.clone()).orElseThrow().index();
    }

    @Test
    void aChangeRaisesTheSlotItReKeysAndLeavesTheOtherByteForByte() {
        Path dir = vault("plain", false);
        KeyFile before = KeyFile.read(dir);
        int mine = slotOpenedBy(dir, PASS);
        int other = 1 - mine;
        assertThat(before.params(mine)).isEqualTo(OLD).isEqualTo(before.params(other));

        access(NEW).changePassphrase(dir, PASS.clone(), NEW_PASS.clone());

        KeyFile after = KeyFile.read(dir);
        assertThat(after.params(mine)).isEqualTo(NEW);
        assertThat(after.salt(mine)).isNotEqualTo(before.salt(mine)).hasSize(16);
        assertThat(after.params(other)).isEqualTo(OLD);
        assertThat(after.salt(other)).isEqualTo(before.salt(other));
        assertThat(after.slot(other)).isEqualTo(before.slot(other));
        assertThat(slotOpenedBy(dir, NEW_PASS)).isEqualTo(mine);
        try (OpenVault real = access(NEW).unlock(dir, NEW_PASS.clone())) {
            assertThat(titles(real)).containsExactly("Gerçek");
        }
        assertProblem(() -> access(NEW).unlock(dir, PASS.clone()), Problem.WRONG_PASSPHRASE);
        assertProblem(() -> access(NEW).unlock(dir, WRONG.clone()), Problem.WRONG_PASSPHRASE);
    }

    @Test
    void aChangeAtTheCurrentCostKeepsOneSaltForBothSlots() {
        Path dir = tmp.resolve("new");
        access(NEW).create(dir, PASS.clone()).close();
        access(NEW).changePassphrase(dir, PASS.clone(), NEW_PASS.clone());
        KeyFile file = KeyFile.read(dir);
        // Both slots under one salt and cost: an unlock derives once, as before issue 19.
        assertThat(file.params(0)).isEqualTo(NEW).isEqualTo(file.params(1));
        assertThat(file.salt(0)).isEqualTo(file.salt(1));
    }

    @Test
    void withADuressPassphraseBothCompartmentsKeepOpeningWhicheverPassphraseIsChanged() {
        Path dir = vault("decoy", true);
        int realSlot = slotOpenedBy(dir, PASS);
        byte[] decoySlotBytes = KeyFile.read(dir).slot(1 - realSlot);

        access(NEW).changePassphrase(dir, PASS.clone(), NEW_PASS.clone());
        KeyFile afterReal = KeyFile.read(dir);
        assertThat(afterReal.params(realSlot)).isEqualTo(NEW);
        assertThat(afterReal.params(1 - realSlot)).isEqualTo(OLD);
        assertThat(afterReal.slot(1 - realSlot)).isEqualTo(decoySlotBytes);
        try (OpenVault decoy = access(NEW).unlock(dir, DURESS.clone())) {
            assertThat(titles(decoy)).containsExactly("Piknik");
        }
        byte[] realSlotBytes = afterReal.slot(realSlot);

        // Under coercion: the change is made with the duress passphrase, in the decoy.
        access(NEW).changePassphrase(dir, DURESS.clone(), NEW_DURESS.clone());
        KeyFile afterDecoy = KeyFile.read(dir);
        assertThat(afterDecoy.params(1 - realSlot)).isEqualTo(NEW);
        assertThat(afterDecoy.slot(realSlot)).isEqualTo(realSlotBytes);
        try (OpenVault decoy = access(NEW).unlock(dir, NEW_DURESS.clone())) {
            assertThat(titles(decoy)).containsExactly("Piknik");
            assertThat(decoy.duressState()).isEqualTo(DuressState.NONE);
        }
        try (OpenVault real = access(NEW).unlock(dir, NEW_PASS.clone())) {
            assertThat(titles(real)).containsExactly("Gerçek");
            assertThat(real.duressState()).isEqualTo(DuressState.KEEP_REAL);
        }
        // Both slots now share the current cost; a second round derives once for both.
        assertThat(afterDecoy.params(0)).isEqualTo(afterDecoy.params(1));
        assertThat(afterDecoy.salt(0)).isEqualTo(afterDecoy.salt(1));
    }

    @Test
    void aChangeLooksTheSameWithoutADecoyAndWhenMadeInOne() throws Exception {
        Path plain = vault("plain", false);
        Path coerced = vault("coerced", true);
        KeyFile plainBefore = KeyFile.read(plain);
        KeyFile coercedBefore = KeyFile.read(coerced);
        int plainChanged = slotOpenedBy(plain, PASS);
        int coercedChanged = slotOpenedBy(coerced, DURESS);

        access(NEW).changePassphrase(plain, PASS.clone(), NEW_PASS.clone());
        access(NEW).changePassphrase(coerced, DURESS.clone(), NEW_DURESS.clone());

        for (var c : new Object[][] {{plain, plainBefore, plainChanged}, {coerced, coercedBefore, coercedChanged}}) {
            Path dir = (Path) c[0];
            KeyFile before = (KeyFile) c[1];
            int changed = (int) c[2];
            KeyFile after = KeyFile.read(dir);
            assertThat(after.params(changed)).as(dir.toString()).isEqualTo(NEW);
            assertThat(after.salt(changed)).as(dir.toString()).isNotEqualTo(before.salt(changed));
            assertThat(after.params(1 - changed)).as(dir.toString()).isEqualTo(OLD);
            assertThat(after.salt(1 - changed)).as(dir.toString()).isEqualTo(before.salt(1 - changed));
            assertThat(after.slot(1 - changed)).as(dir.toString()).isEqualTo(before.slot(1 - changed));
        }
        assertThat(CoercionFixture.shape(coerced)).isEqualTo(CoercionFixture.shape(plain));
        assertThat(Files.size(coerced.resolve(KeyFile.FILE_NAME))).isEqualTo(Files.size(plain.resolve(KeyFile.FILE_NAME)));
        assertThat(shapeOf(coerced)).isEqualTo(shapeOf(plain));
        // The real vault behind the coerced change still opens.
        try (OpenVault real = access(NEW).unlock(coerced, PASS.clone())) {
            assertThat(titles(real)).containsExactly("Gerçek");
        }
    }

    /**
     * The key file as text with every value that is random by nature (ids, salts, slots, tags) as X,
     * and the slots' parameter sets in a fixed order (which slot was re-keyed is random either way).
     */
    private static String shapeOf(Path dir) throws Exception {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(dir.resolve(KeyFile.FILE_NAME).toFile());
        ArrayNode kdfs = (ArrayNode) root.path("wrap").path("slotKdf");
        List<String> sorted = new ArrayList<>();
        kdfs.forEach(k -> sorted.add(((ObjectNode) k.deepCopy()).put("salt", "X").toString()));
        Collections.sort(sorted);
        ((ObjectNode) root.get("wrap")).put("slotKdf", String.join(",", sorted));
        return root.toPrettyString().replaceAll("\"[^\"]*\"\\s*$|[A-Za-z0-9+/=-]{16,}", "X");
    }

    @Test
    void settingAndClearingADuressPassphraseGiveItsSlotTheCurrentCost() {
        Path dir = tmp.resolve("v");
        access(OLD).create(dir, PASS.clone()).close();
        int realSlot = slotOpenedBy(dir, PASS);
        try (OpenVault real = access(NEW).unlock(dir, PASS.clone())) {
            real.setDuress(DURESS.clone(), false, decoy -> add(decoy, "Piknik"));
        }
        assertThat(KeyFile.read(dir).params(1 - realSlot)).isEqualTo(NEW);
        assertThat(KeyFile.read(dir).params(realSlot)).isEqualTo(OLD);
        try (OpenVault decoy = access(NEW).unlock(dir, DURESS.clone())) {
            assertThat(titles(decoy)).containsExactly("Piknik");
        }
        try (OpenVault real = access(NEW).unlock(dir, PASS.clone())) {
            real.clearDuress();
        }
        assertThat(KeyFile.read(dir).params(1 - realSlot)).isEqualTo(NEW);
        assertProblem(() -> access(NEW).unlock(dir, DURESS.clone()), Problem.WRONG_PASSPHRASE);
        access(NEW).unlock(dir, PASS.clone()).close();
    }
}
