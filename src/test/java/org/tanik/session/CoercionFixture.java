package org.tanik.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.tanik.crypto.Argon2Params;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Act;
import org.tanik.model.Incident;
import org.tanik.model.Interview;
import org.tanik.model.PartialDate;
import org.tanik.model.Place;
import org.tanik.model.TestimonyContent;
import org.tanik.model.TestimonySummary;
import org.tanik.store.Vaults;
import org.tanik.store.vault.KeyFile;

/** What the coercion tests share: passphrases, a testimony, byte searches on disk. */
final class CoercionFixture {

    static final char[] PASS = "correct horse battery staple şğıİ".toCharArray();
    static final char[] DURESS = "harmless picnic notes under a tree üğ".toCharArray();
    static final char[] WRONG = "not the passphrase of anything here 7".toCharArray();

    private CoercionFixture() {
    }

    /** A new VaultAccess each time, as a restarted application has. */
    static VaultAccess access() {
        return new VaultAccess(new Vaults(Argon2Params.TESTING, Clock.systemUTC()));
    }

    static TestimonyContent sample(String title) {
        Act act = new Act("torture", PartialDate.month(2016, 7), null, new Place("06", "Çankaya", "Emniyet"),
                List.of(), List.of(), "");
        return new TestimonyContent(title, new Interview(LocalDate.of(2020, 1, 2), "Köln", "A.", List.of("tr"), ""),
                null, List.of(new Incident("Gözaltı", List.of(act))), "Uzun anlatı");
    }

    /** A new vault holding {@code realTitle}, with a duress passphrase whose decoy holds "Piknik notları". */
    static Path vaultWithDecoy(Path dir, boolean eraseReal, String realTitle) {
        try (OpenVault real = access().create(dir, PASS.clone())) {
            add(real, realTitle);
            real.setDuress(DURESS.clone(), eraseReal, decoy -> add(decoy, "Piknik notları"));
            assertThat(real.duressState()).isEqualTo(eraseReal ? DuressState.ERASE_REAL : DuressState.KEEP_REAL);
            assertThat(titles(real)).containsExactly(realTitle);
        }
        return dir;
    }

    static void add(OpenVault vault, String title) {
        vault.store().testimonies().create(sample(title));
    }

    static List<String> titles(OpenVault vault) {
        return vault.store().testimonies().list().stream().map(TestimonySummary::title).toList();
    }

    static void assertProblem(ThrowingCallable call, Problem p) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TanikException.class, e -> assertThat(e.problem()).isEqualTo(p));
    }

    static Path tempDir() {
        return Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    }

    /** The bytes a slot is stored as, raw and as the key file writes them (Base64). */
    static List<byte[]> forms(byte[] bytes) {
        return List.of(bytes, Base64.getEncoder().encodeToString(bytes).getBytes(StandardCharsets.US_ASCII));
    }

    /** The slot {@code passphrase} opens in the vault's key file, as stored. */
    static byte[] slotOf(Path vaultDir, char[] passphrase) {
        KeyFile file = KeyFile.read(vaultDir);
        byte[] kek = file.derive(passphrase);
        KeyFile.Slot slot = file.open(kek).orElseThrow();
        return file.slot(slot.index());
    }

    /** Every regular file under {@code root} containing {@code needle}; the count of files read goes to {@code read[0]}. */
    static List<Path> filesContaining(Path root, byte[] needle, int[] read) {
        List<Path> hits = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return hits;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                byte[] content;
                try {
                    content = Files.readAllBytes(f);
                } catch (java.nio.file.NoSuchFileException gone) {
                    continue; // another test's file, deleted meanwhile
                }
                read[0]++;
                if (org.tanik.testing.LeakScanner.indexOf(content, needle) >= 0) {
                    hits.add(f);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new AssertionError("cannot scan " + root, e);
        }
        return hits;
    }

    /** Relative paths under the vault folder with compartment names replaced by "C": the layout's shape. */
    static List<String> shape(Path vaultDir) {
        try (Stream<Path> s = Files.walk(vaultDir)) {
            return s.map(p -> vaultDir.relativize(p).toString().replaceAll("[0-9a-f]{32}", "C")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path compartmentOf(OpenVault vault) {
        return vault.directory();
    }

    static long count(Path dir, String glob) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches(glob)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
