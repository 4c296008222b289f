package org.tanik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.bundle.HostileTars;
import org.tanik.crypto.age.AgeEncryptor;
import org.tanik.crypto.age.ScryptRecipient;
import org.tanik.testing.CliRunner;
import org.tanik.testing.RequiredTools;

/** vault backup / vault restore (issue 17): one encrypted file, restorable here and with age -d. */
class VaultBackupCliTest {

    static final String PASS = CliTest.PASS;
    static final String BACKUP_PASS = "kırmızı balkon üstünde sabah kahvesi";
    static final String MARKER = "MARKER-Ayşe-Kılıç-4711";

    @TempDir
    Path home;

    CliRunner cli(String passphrase) {
        return new CliRunner(home).env("TANIK_PASSPHRASE", passphrase).env("TANIK_NEW_PASSPHRASE", BACKUP_PASS);
    }

    /** A vault with one testimony whose narrative is the marker, and its backup. */
    Path vaultWithBackup() throws Exception {
        assertThat(cli(PASS).run("vault", "init").code()).isZero();
        Path json = home.resolve("t.json");
        Files.writeString(json, "{\"title\": \"Gözaltı\", \"narrative\": \"" + MARKER + "\"}");
        CliRunner.Result add = cli(PASS).run("testimony", "add", "--json", json.toString());
        assertThat(add.code()).as(add.err()).isZero();
        Files.delete(json);
        Path backup = home.resolve("stick").resolve("vault.age");
        CliRunner.Result made = cli(PASS).run("vault", "backup", "--out", backup.toString());
        assertThat(made.code()).as(made.err()).isZero();
        assertThat(made.out()).contains("Wrote an encrypted backup");
        return backup;
    }

    @Test
    void roundTripRestoresTheSameTestimonies() throws Exception {
        Path backup = vaultWithBackup();
        Path restored = home.resolve("restored");
        CliRunner.Result r = cli(BACKUP_PASS).run("vault", "restore", backup.toString(), "--vault", restored.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Restored the vault");

        String original = cli(PASS).run("testimony", "list", "--json").out();
        CliRunner.Result list = cli(PASS).run("testimony", "list", "--json", "--vault", restored.toString());
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).isEqualTo(original).contains("Gözaltı");
        String id = list.out().replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
        assertThat(cli(PASS).run("testimony", "show", id, "--vault", restored.toString()).out()).contains(MARKER);
        // The restored folder holds no leftover of the restore beside it, and no lock file came along.
        try (Stream<Path> siblings = Files.list(home)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("restoring"));
        }
    }

    @Test
    void theBackupHoldsNoPlaintext() throws Exception {
        Path backup = vaultWithBackup();
        byte[] bytes = Files.readAllBytes(backup);
        assertThat(new String(bytes, 0, 40, StandardCharsets.US_ASCII)).startsWith("age-encryption.org/v1\n-> scrypt ");
        for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            for (String s : List.of(MARKER, "Gözaltı", "vault.key", "ustar")) {
                assertThat(indexOf(bytes, s.getBytes(charset))).as("%s in %s", s, charset).isEqualTo(-1);
            }
        }
        // Nothing but the backup was written next to it (no temporary or partial file).
        try (Stream<Path> files = Files.list(backup.getParent())) {
            assertThat(files).containsExactly(backup);
        }
    }

    @Test
    void aRestoreNeverOverwritesAVault() throws Exception {
        Path backup = vaultWithBackup();
        Path vault = home.resolve("vault");
        byte[] key = Files.readAllBytes(vault.resolve("vault.key"));
        CliRunner.Result r = cli(BACKUP_PASS).run("vault", "restore", backup.toString(), "--vault", vault.toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("A vault already exists in");
        assertThat(Files.readAllBytes(vault.resolve("vault.key"))).isEqualTo(key);

        Path other = Files.createDirectories(home.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        r = cli(BACKUP_PASS).run("vault", "restore", backup.toString(), "--vault", other.toString());
        assertThat(r.err()).contains("already holds files");
        try (Stream<Path> files = Files.list(other)) {
            assertThat(files).containsExactly(other.resolve("notes.txt"));
        }
    }

    @Test
    void aWrongBackupPassphraseIsRefusedClearly() throws Exception {
        Path backup = vaultWithBackup();
        Path restored = home.resolve("restored");
        // The vault's own passphrase is not the backup's.
        CliRunner.Result r = cli(PASS).run("vault", "restore", backup.toString(), "--vault", restored.toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err().strip()).isEqualTo("This passphrase does not open the backup. Use the passphrase chosen "
                + "when the backup was made (not necessarily the vault's own).");
        assertThat(restored).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aBackupNeedsTheVaultPassphraseAndAStrongBackupPassphrase() throws Exception {
        assertThat(cli(PASS).run("vault", "init").code()).isZero();
        Path out = home.resolve("b.age");
        CliRunner.Result wrong = cli("not the passphrase at all, no").run("vault", "backup", "--out", out.toString());
        assertThat(wrong.code()).isNotZero();
        assertThat(out).doesNotExist();
        CliRunner.Result weak = new CliRunner(home).env("TANIK_PASSPHRASE", PASS).env("TANIK_NEW_PASSPHRASE", "1234")
                .run("vault", "backup", "--out", out.toString());
        assertThat(weak.code()).isNotZero();
        assertThat(out).doesNotExist();
        CliRunner.Result inside = cli(PASS).run("vault", "backup", "--out", home.resolve("vault/b.age").toString());
        assertThat(inside.err()).contains("inside the vault folder");
    }

    @Test
    void hostileArchivesAreRefusedWithNothingWritten() throws Exception {
        byte[] key = "not a real key".getBytes(StandardCharsets.US_ASCII);
        List<byte[]> hostile = List.of(
                HostileTars.entry("../evil", '0', key),
                HostileTars.entry("a/../../evil", '0', key),
                HostileTars.entry(home.resolve("abs-evil").toAbsolutePath().toString(), '0', key),
                HostileTars.entry("vault.key", '2', new byte[0]),  // a symbolic link
                HostileTars.entry("db", '5', new byte[0]),         // a folder entry
                HostileTars.entry("vault.lock", '0', key));
        for (byte[] entry : hostile) {
            Path backup = home.resolve("hostile.age");
            Files.deleteIfExists(backup);
            try (OutputStream out = AgeEncryptor.encrypt(List.of(new ScryptRecipient(BACKUP_PASS.toCharArray(), 10)),
                    Files.newOutputStream(backup))) {
                out.write(HostileTars.entry("vault.key", '0', key)); // a good entry first: it must not stay either
                out.write(entry);
                out.write(HostileTars.end());
            }
            Path restored = home.resolve("restored");
            CliRunner.Result r = cli(BACKUP_PASS).run("vault", "restore", backup.toString(), "--vault", restored.toString());
            assertThat(r.code()).isNotZero();
            assertThat(r.err()).contains("This backup cannot be restored");
            assertThat(restored).doesNotExist();
            // "../evil" from the temporary folder beside the target would land in home
            assertThat(home.resolve("evil")).doesNotExist();
            assertThat(home.resolve("abs-evil")).doesNotExist();
            assertThat(leftovers()).isEmpty();
        }
    }

    /** age -d opens a backup with its passphrase, and tar lists the vault's files in it. */
    @Test
    void ageOpensABackupByHand() throws Exception {
        RequiredTools.require("age", "script", "tar");
        Path backup = vaultWithBackup();
        Path tar = home.resolve("vault.tar");
        Process p = new ProcessBuilder("script", "-qec", "age -d -o " + tar + " " + backup, "/dev/null")
                .redirectErrorStream(true).start();
        try (OutputStream tty = p.getOutputStream()) {
            Thread.sleep(1000); // age opens the terminal and turns echo off first
            tty.write((BACKUP_PASS + "\n").getBytes(StandardCharsets.UTF_8));
            tty.flush();
            Thread.sleep(300);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("age finished").isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("age -d; output: %s", output).isZero();
        Process list = new ProcessBuilder("tar", "-tf", tar.toString()).redirectErrorStream(true).start();
        String names = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(list.waitFor()).isZero();
        assertThat(names.lines()).contains("vault.key").noneMatch(n -> n.endsWith("vault.lock"));
        try (Stream<Path> files = Files.walk(home.resolve("vault"))) {
            long regular = files.filter(Files::isRegularFile).filter(f -> !f.endsWith("vault.lock")).count();
            assertThat(names.lines().count()).isEqualTo(regular);
        }
    }

    /** Temporary restore folders left in the home folder. */
    private List<Path> leftovers() throws Exception {
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(p -> p.getFileName().toString().contains("restoring")).toList();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
