package org.tanik.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Act;
import org.tanik.model.Incident;
import org.tanik.model.Interview;
import org.tanik.model.PartialDate;
import org.tanik.model.Place;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.store.db.Database;
import org.tanik.store.db.VaultGeneration;
import org.tanik.store.vault.KeyFile;
import org.tanik.store.volunteer.TestimonyStore;

public class VaultTest {

    static final char[] PASS = "correct horse battery staple şğıİ".toCharArray();
    static final char[] OTHER = "another quite long passphrase ğüşiöç".toCharArray();

    @TempDir
    Path dir;

    @TempDir
    Path scratch;

    final Vaults vaults = new Vaults(Argon2Params.TESTING, Clock.systemUTC());

    static TestimonyContent sample(String title) {
        Act act = new Act("torture", PartialDate.month(2016, 7), null, new Place("06", "Çankaya", "Emniyet"),
                List.of(), List.of(), "");
        return new TestimonyContent(title, new Interview(LocalDate.of(2020, 1, 2), "Köln", "A.", List.of("tr"), ""),
                null, List.of(new Incident("Gözaltı", List.of(act))), "Uzun anlatı");
    }

    @Test
    void createReopenAndRead() {
        String id;
        try (VaultSession s = vaults.create(dir, PASS)) {
            id = s.testimonies().create(sample("İlk tanıklık")).id();
        }
        try (VaultSession s = vaults.open(dir, PASS)) {
            Testimony t = s.testimonies().latest(id);
            assertThat(t.content()).isEqualTo(sample("İlk tanıklık"));
            assertThat(s.testimonies().list()).singleElement()
                    .satisfies(sum -> assertThat(sum.violationTypes()).containsExactly("torture"));
        }
    }

    @Test
    void closingAtOnceWipesTheKeysAndKeepsWhatWasSaved() {
        String id;
        VaultSession s = vaults.create(dir, PASS);
        id = s.testimonies().create(sample("Kaydedilmiş")).id();
        s.closeAtOnce();
        assertThat(s.isOpen()).isFalse();
        assertThat(StoreInternals.keysWiped(s)).isTrue();
        try (VaultSession again = vaults.open(dir, PASS)) {
            assertThat(again.testimonies().latest(id).content()).isEqualTo(sample("Kaydedilmiş"));
            // The generation mark was not advanced: behind the database is not a fall back.
            assertThat(again.openedEarlierState()).isFalse();
        }
    }

    @Test
    void wrongPassphraseIsRefusedAndChangesNothing() throws IOException {
        vaults.create(dir, PASS).close();
        byte[] before = Files.readAllBytes(dir.resolve(KeyFile.FILE_NAME));
        assertThatThrownBy(() -> vaults.open(dir, OTHER)).isInstanceOf(TanikException.class)
                .extracting(e -> ((TanikException) e).problem()).isEqualTo(Problem.WRONG_PASSPHRASE);
        assertThat(Files.readAllBytes(dir.resolve(KeyFile.FILE_NAME))).isEqualTo(before);
        vaults.open(dir, PASS).close();
    }

    @Test
    void changePassphrase() {
        vaults.create(dir, PASS).close();
        vaults.changePassphrase(dir, PASS, OTHER);
        assertProblem(() -> vaults.open(dir, PASS), Problem.WRONG_PASSPHRASE);
        vaults.open(dir, OTHER).close();
        assertThat(dir.resolve("." + KeyFile.FILE_NAME + ".tmp")).doesNotExist();
    }

    @Test
    void weakPassphraseRefused() {
        assertProblem(() -> vaults.create(dir, "password1".toCharArray()), Problem.WEAK_PASSPHRASE);
        assertThat(Vaults.exists(dir)).isFalse();
    }

    @Test
    void secondOpenRefused() {
        try (VaultSession s = vaults.create(dir, PASS)) {
            assertProblem(() -> vaults.open(dir, PASS), Problem.VAULT_ALREADY_OPEN);
        }
        vaults.open(dir, PASS).close();
    }

    @Test
    void sealAmendKeepsHistory() {
        try (VaultSession s = vaults.create(dir, PASS)) {
            TestimonyStore store = s.testimonies();
            String id = store.create(sample("v1")).id();
            store.seal(id);
            assertProblem(() -> store.saveDraft(id, sample("changed")), Problem.TESTIMONY_SEALED);
            Testimony v2 = store.amend(id);
            assertThat(v2.version()).isEqualTo(2);
            assertThat(v2.status()).isEqualTo(Status.DRAFT);
            store.saveDraft(id, sample("v2"));
            assertThat(store.history(id)).extracting(h -> h.title()).containsExactly("v1", "v2");
            assertThat(store.version(id, 1).content().title()).isEqualTo("v1");
            assertThat(store.version(id, 1).isSealed()).isTrue();
            assertThat(store.list()).singleElement().satisfies(x -> assertThat(x.version()).isEqualTo(2));
            assertThat(store.resolve(id.substring(0, 8))).isEqualTo(id);
        }
    }

    @Test
    void flippedKeyFileByteIsReportedAsDamage() throws IOException {
        vaults.create(dir, PASS).close();
        Path key = dir.resolve(KeyFile.FILE_NAME);
        byte[] original = Files.readAllBytes(key);
        // The wipe counter is outside the checksum: a change there is tampering, read as the strictest
        // policy (WipeAfterFailuresTest), not damage.
        String text = new String(original, java.nio.charset.StandardCharsets.US_ASCII);
        int counterStart = text.indexOf("\"wipe\"");
        int counterEnd = text.indexOf('}', counterStart);
        assertThat(counterStart).isPositive();
        for (int i = 0; i < original.length; i++) {
            byte[] b = original.clone();
            b[i] ^= 0x01;
            Files.write(key, b);
            try {
                vaults.open(dir, PASS).close();
                if (i >= counterStart && i <= counterEnd) {
                    assertThat(KeyFile.read(dir).wipeAfter()).as("flip at %d", i).isIn(0, Vaults.MIN_WIPE_AFTER);
                    continue;
                }
                // Only whitespace may change without effect (JSON formatting).
                assertThat(Character.isWhitespace(original[i])).as("flip at %d accepted", i).isTrue();
            } catch (TanikException e) {
                assertThat(e.problem()).as("flip at %d", i).isIn(Problem.KEY_FILE_DAMAGED, Problem.NEWER_VAULT_FORMAT);
            }
        }
    }

    /**
     * A slot's Base64 ends in padding, so its last character has bits the decoder ignores. A change
     * there decodes to the same bytes and would pass the checksum: it is refused as damage all the
     * same. (Whether the flip test above hit such a bit depended on the slot's random last character.)
     */
    @Test
    void aSlotWithItsUnusedBase64BitsChangedIsDamage() throws IOException {
        vaults.create(dir, PASS).close();
        Path key = dir.resolve(KeyFile.FILE_NAME);
        byte[] slot = KeyFile.read(dir).slot(0);
        String written = java.util.Base64.getEncoder().encodeToString(slot);
        int last = written.indexOf('=') - 1;
        assertThat(last).as("the slot's Base64 ends in padding").isPositive();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        char changed = alphabet.charAt(alphabet.indexOf(written.charAt(last)) + 1);
        String other = written.substring(0, last) + changed + written.substring(last + 1);
        assertThat(java.util.Base64.getDecoder().decode(other)).as("only unused bits changed").isEqualTo(slot);
        String text = Files.readString(key);
        assertThat(text).contains(written);
        Files.writeString(key, text.replace(written, other));
        assertProblem(() -> vaults.open(dir, PASS), Problem.KEY_FILE_DAMAGED);
    }

    /**
     * A flipped byte is detected, or lands where nothing live is, or (in H2's newest commits) makes H2
     * fall back to its last intact commit. Altered content is never read as genuine, and a fall back,
     * which loses the changes of those commits, is reported by {@link VaultSession#openedEarlierState()}.
     * Since vaults are no longer compacted on close, the file keeps that older commit.
     */
    @Test
    void flippedDatabaseBytesAreDetectedNeverSilentlyRead() throws IOException {
        String id;
        try (VaultSession s = vaults.create(dir, PASS)) {
            id = s.testimonies().create(sample("flip me")).id();
        }
        Path real = TestCompartments.of(dir, PASS);
        byte[] original = Files.readAllBytes(real.resolve(Database.FILE_NAME));
        int detected = 0;
        int rolledBack = 0;
        for (int pos = 0; pos < original.length; pos += 997) {
            // A fresh copy per flip: H2 keeps a damaged file's channel open after a failed open.
            Path copy = Files.createDirectories(scratch.resolve("flip-" + pos));
            Path compartment = Files.createDirectories(copy.resolve(real.getFileName()));
            Files.copy(dir.resolve(KeyFile.FILE_NAME), copy.resolve(KeyFile.FILE_NAME));
            Files.copy(real.resolve(VaultGeneration.FILE_NAME), compartment.resolve(VaultGeneration.FILE_NAME));
            byte[] b = original.clone();
            b[pos] ^= 0x40;
            Files.write(compartment.resolve(Database.FILE_NAME), b);
            VaultSession s;
            try {
                s = vaults.open(copy, PASS);
            } catch (TanikException e) {
                // Refused, never read. OUT_OF_MEMORY: now and then a flip lands in a length H2 trusts and it
                // asks for more heap than there is; the file is damaged, but the sentence says memory
                // (a known gap: see security.md). Either way nothing altered reaches the person.
                assertThat(e.problem()).as("flip at %d", pos).isIn(Problem.DATABASE_DAMAGED, Problem.OUT_OF_MEMORY);
                detected++;
                continue;
            }
            try (s) {
                if (s.openedEarlierState()) {
                    // H2 opened the file as it was at an earlier intact commit: before the testimony, or
                    // with it but before the close; never with altered content.
                    if (!s.testimonies().list().isEmpty()) {
                        assertThat(s.testimonies().latest(id).content()).as("flip at %d", pos).isEqualTo(sample("flip me"));
                    }
                    rolledBack++;
                } else {
                    assertThat(s.testimonies().latest(id).content()).as("flip at %d", pos).isEqualTo(sample("flip me"));
                }
            } catch (TanikException e) {
                assertThat(e.problem()).as("flip at %d", pos).isIn(Problem.DATABASE_DAMAGED, Problem.RECORD_TAMPERED);
                detected++;
            }
        }
        assertThat(detected).isPositive();
        assertThat(rolledBack).as("flips that fell back to the commit before").isLessThanOrEqualTo(detected);
    }

    @Test
    void vaultFolderIsPrivateToItsOwner() throws IOException {
        vaults.create(dir, PASS).close();
        vaults.open(dir, PASS).close();
        if (Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .isEqualTo("rwx------");
            assertThat(TestCompartments.of(dir, PASS).resolve(VaultGeneration.FILE_NAME)).exists();
            try (var files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isDirectory).toList()) {
                    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                            .as(f.toString()).isEqualTo("rwx------");
                }
            }
            try (var files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                            .as(f.getFileName().toString()).isEqualTo("rw-------");
                }
            }
        }
    }

    @Test
    void tamperedRecordIsReportedNotRead() throws Exception {
        String id;
        try (VaultSession s = vaults.create(dir, PASS)) {
            TestimonyStore store = s.testimonies();
            id = store.create(sample("one")).id();
            String other = store.create(sample("two")).id();
            // Move one record's sealed content onto another row, as an attacker with the H2 key could.
            try (var st = StoreInternals.connection(s).prepareStatement(
                    "UPDATE testimony_content SET content = (SELECT content FROM testimony_content WHERE id = ?) WHERE id = ?")) {
                st.setObject(1, java.util.UUID.fromString(other));
                st.setObject(2, java.util.UUID.fromString(id));
                st.executeUpdate();
            }
            assertProblem(() -> store.latest(id), Problem.RECORD_TAMPERED);
            // Flipping the status in the plain metadata column is detected too.
            try (var st = StoreInternals.connection(s).prepareStatement("UPDATE testimony_version SET status = 'SEALED' WHERE id = ?")) {
                st.setObject(1, java.util.UUID.fromString(other));
                st.executeUpdate();
            }
            assertProblem(() -> store.list(), Problem.RECORD_TAMPERED);
        }
    }

    @Test
    void passphraseIsNormalisedToNfc() {
        char[] composed = "çok gizli şifreğı parolam burada".toCharArray();
        String decomposed = java.text.Normalizer.normalize(new String(composed), java.text.Normalizer.Form.NFD);
        assertThat(decomposed.length()).isGreaterThan(composed.length);
        vaults.create(dir, composed).close();
        vaults.open(dir, decomposed.toCharArray()).close();
    }

    static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Problem p) {
        assertThatThrownBy(call).isInstanceOf(TanikException.class)
                .satisfies(e -> assertThat(((TanikException) e).problem()).isEqualTo(p));
    }
}
