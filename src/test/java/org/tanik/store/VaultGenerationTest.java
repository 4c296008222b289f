package org.tanik.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.store.VaultTest.PASS;
import static org.tanik.store.VaultTest.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;
import org.tanik.model.TestimonySummary;
import org.tanik.store.VaultSession;
import org.tanik.store.Vaults;
import org.tanik.store.db.Database;
import org.tanik.store.db.VaultGeneration;

/** A database that opens at an earlier state than it was closed with is noticed, and only then. */
class VaultGenerationTest {

    @TempDir
    Path dir;

    @TempDir
    Path scratch;

    final Vaults vaults = new Vaults(Argon2Params.TESTING, Clock.systemUTC());

    private Path db() {
        return TestCompartments.of(dir, PASS).resolve(Database.FILE_NAME);
    }

    @Test
    void aVaultReopenedAsItWasClosedIsNotFlagged() {
        try (VaultSession s = vaults.create(dir, PASS)) {
            assertThat(s.openedEarlierState()).isFalse();
            s.testimonies().create(sample("bir"));
        }
        assertThat(TestCompartments.of(dir, PASS).resolve(VaultGeneration.FILE_NAME)).exists();
        for (int i = 0; i < 3; i++) {
            try (VaultSession s = vaults.open(dir, PASS)) {
                assertThat(s.openedEarlierState()).isFalse();
                s.checkpoint();
            }
        }
    }

    @Test
    void aDatabaseBackAtAnEarlierCloseIsFlaggedOnce() throws IOException {
        try (VaultSession s = vaults.create(dir, PASS)) {
            s.testimonies().create(sample("kept"));
        }
        Path earlier = Files.copy(db(), scratch.resolve("earlier.mv.db"));
        String lost;
        try (VaultSession s = vaults.open(dir, PASS)) {
            lost = s.testimonies().create(sample("lost")).id();
        }
        // As H2 does when its newest commits are damaged: the file as it was at an earlier commit.
        Files.copy(earlier, db(), StandardCopyOption.REPLACE_EXISTING);
        try (VaultSession s = vaults.open(dir, PASS)) {
            assertThat(s.openedEarlierState()).isTrue();
            assertThat(s.testimonies().list()).extracting(TestimonySummary::title).containsExactly("kept");
            assertThat(s.testimonies().list()).noneMatch(t -> t.id().equals(lost));
        }
        // Told once: the state it reopened at is the one now recorded.
        try (VaultSession s = vaults.open(dir, PASS)) {
            assertThat(s.openedEarlierState()).isFalse();
        }
    }

    @Test
    void aCheckpointMarksAnImportSoThatLosingItIsNoticedWithoutAClose() throws IOException {
        vaults.create(dir, PASS).close();
        Path earlier = scratch.resolve("earlier.mv.db");
        try (VaultSession s = vaults.open(dir, PASS)) {
            Files.copy(db(), earlier);
            s.testimonies().create(sample("imported"));
            s.checkpoint();
            // Kept as the mark stood before any close: the checkpoint alone recorded the import.
            Files.copy(TestCompartments.of(dir, PASS).resolve(VaultGeneration.FILE_NAME), scratch.resolve("mark"));
        }
        Files.copy(earlier, db(), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(scratch.resolve("mark"), TestCompartments.of(dir, PASS).resolve(VaultGeneration.FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
        try (VaultSession s = vaults.open(dir, PASS)) {
            assertThat(s.openedEarlierState()).isTrue();
        }
    }

    @Test
    void withoutATrustworthyMarkNothingCanBeToldAndNothingIsClaimed() throws IOException {
        try (VaultSession s = vaults.create(dir, PASS)) {
            s.testimonies().create(sample("bir"));
        }
        Path earlier = Files.copy(db(), scratch.resolve("earlier.mv.db"));
        vaults.open(dir, PASS).close();
        Files.copy(earlier, db(), StandardCopyOption.REPLACE_EXISTING);
        Path mark = TestCompartments.of(dir, PASS).resolve(VaultGeneration.FILE_NAME);
        byte[] good = Files.readAllBytes(mark);

        // A vault made before the mark existed has none.
        Files.delete(mark);
        try (VaultSession s = vaults.open(dir, PASS)) {
            assertThat(s.openedEarlierState()).isFalse();
        }
        // A damaged mark, or one copied from another vault, cannot be authenticated.
        Files.copy(earlier, db(), StandardCopyOption.REPLACE_EXISTING);
        byte[] damaged = good.clone();
        damaged[damaged.length - 1] ^= 1;
        Files.write(mark, damaged);
        try (VaultSession s = vaults.open(dir, PASS)) {
            assertThat(s.openedEarlierState()).isFalse();
        }
        Path other = scratch.resolve("other");
        vaults.create(other, PASS).close();
        vaults.open(other, PASS).close();
        Files.copy(earlier, db(), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(TestCompartments.of(other, PASS).resolve(VaultGeneration.FILE_NAME), mark, StandardCopyOption.REPLACE_EXISTING);
        try (VaultSession s = vaults.open(dir, PASS)) {
            assertThat(s.openedEarlierState()).isFalse();
        }
        // The intact mark still tells.
        Files.copy(earlier, db(), StandardCopyOption.REPLACE_EXISTING);
        Files.write(mark, good);
        try (VaultSession s = vaults.open(dir, PASS)) {
            assertThat(s.openedEarlierState()).isTrue();
        }
    }
}
