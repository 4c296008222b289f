package org.tanik.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.session.CoercionFixture.PASS;
import static org.tanik.session.CoercionFixture.access;
import static org.tanik.session.CoercionFixture.add;
import static org.tanik.session.CoercionFixture.assertProblem;
import static org.tanik.session.CoercionFixture.filesContaining;
import static org.tanik.session.CoercionFixture.forms;
import static org.tanik.session.CoercionFixture.tempDir;
import static org.tanik.session.CoercionFixture.titles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.error.Problem;
import org.tanik.store.vault.KeyFile;

/** Erasing destroys the key file first; afterwards nothing opens and the folder is gone. */
class EraseTest {

    @TempDir
    Path tmp;

    /** The whole key file, each slot (raw and Base64), the salt and the vault id: none may be left. */
    private static List<byte[]> keyMaterial(Path dir) throws Exception {
        List<byte[]> needles = new ArrayList<>();
        needles.add(Files.readAllBytes(dir.resolve(KeyFile.FILE_NAME)));
        KeyFile file = KeyFile.read(dir);
        for (int i = 0; i < file.slotCount(); i++) {
            needles.addAll(forms(file.slot(i)));
        }
        needles.addAll(forms(file.salt()));
        needles.add(file.vaultId().getBytes(StandardCharsets.US_ASCII));
        return needles;
    }

    private static void assertNowhere(List<byte[]> needles, Path... roots) {
        int[] read = {0};
        for (byte[] needle : needles) {
            for (Path root : roots) {
                assertThat(filesContaining(root, needle, read)).isEmpty();
            }
        }
        assertThat(read[0]).as("files read").isPositive();
    }

    @Test
    void afterEraseTheKeyFileBytesAreNowhereAndTheFolderIsGone() throws Exception {
        Path dir = tmp.resolve("vault");
        try (OpenVault v = access().create(dir, PASS.clone())) {
            add(v, "Silinecek");
        }
        List<byte[]> needles = keyMaterial(dir);
        int[] read = {0};
        // The search finds what is there: the whole key file, and a slot as the file writes it (Base64).
        assertThat(filesContaining(dir, needles.get(0), read)).containsExactly(dir.resolve(KeyFile.FILE_NAME));
        assertThat(filesContaining(dir, needles.get(2), read)).containsExactly(dir.resolve(KeyFile.FILE_NAME));

        access().erase(dir);

        assertThat(dir).doesNotExist();
        assertNowhere(needles, tmp, tempDir());
        assertThat(access().exists(dir)).isFalse();
        assertProblem(() -> access().unlock(dir, PASS.clone()), Problem.NO_VAULT);
    }

    @Test
    void aVaultOpenHereOrElsewhereIsNotErased() {
        Path dir = tmp.resolve("vault");
        try (OpenVault v = access().create(dir, PASS.clone())) {
            add(v, "Kalacak");
            assertProblem(() -> access().erase(dir), Problem.VAULT_ALREADY_OPEN);
        }
        try (OpenVault v = access().unlock(dir, PASS.clone())) {
            assertThat(titles(v)).containsExactly("Kalacak");
        }
    }

    @Test
    void eraseAndCloseErasesTheOpenVault() throws Exception {
        Path dir = tmp.resolve("vault");
        access().create(dir, PASS.clone()).close();
        List<byte[]> needles = keyMaterial(dir);
        OpenVault v = access().unlock(dir, PASS.clone());
        v.eraseAndClose();
        assertThat(v.isOpen()).isFalse();
        assertThat(dir).doesNotExist();
        assertNowhere(needles, tmp, tempDir());
    }

    @Test
    void leftoversOfAnAtomicWriteAreErasedToo() throws Exception {
        Path dir = tmp.resolve("vault");
        access().create(dir, PASS.clone()).close();
        byte[] key = Files.readAllBytes(dir.resolve(KeyFile.FILE_NAME));
        Files.write(dir.resolve("." + KeyFile.FILE_NAME + ".tmp"), key); // as a crash mid-write leaves it
        Files.writeString(tmp.resolve("unrelated.txt"), "a file the erase leaves alone");
        int[] read = {0};
        assertThat(filesContaining(dir, key, read)).hasSize(2);
        access().erase(dir);
        assertThat(dir).doesNotExist();
        assertThat(tmp.resolve("unrelated.txt")).exists();
        assertNowhere(List.of(key), tmp, tempDir());
    }
}
