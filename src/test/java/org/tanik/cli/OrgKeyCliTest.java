package org.tanik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.testing.CliRunner;

/**
 * {@code org backup}, {@code org restore}, {@code org show} and {@code org rotate} on the command line:
 * one text file and one page per share, a restore into a vault made with {@code vault init} from any
 * threshold of them, a refused restore into an organisation's vault, and a rotation that asks first.
 */
class OrgKeyCliTest {

    static final String PASS = "yeşil çınar ağacının gölgesi ılık";

    @TempDir
    Path home;

    @BeforeEach
    void organisation() {
        assertThat(cli().run("vault", "init").code()).isZero();
        assertThat(cli().run("org", "init", "--name", "İHD").code()).isZero();
    }

    CliRunner cli() {
        return new CliRunner(home).env("TANIK_PASSPHRASE", PASS);
    }

    @Test
    void backupWritesOneTextAndOnePagePerShareAndAnyThresholdRestores() throws IOException {
        CliRunner.Result shown = cli().run("org", "show");
        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("Organisation: İHD", "Fingerprint:  ");
        Path out = home.resolve("shares");
        CliRunner.Result backup = cli().run("org", "backup", "--shares", "3", "--threshold", "2", "--out", out.toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("3 shares, any 2 of which restore");
        List<Path> texts;
        try (Stream<Path> s = Files.list(out)) {
            List<Path> all = s.sorted().toList();
            texts = all.stream().filter(p -> p.toString().endsWith(".txt")).toList();
            assertThat(all.stream().filter(p -> p.toString().endsWith(".pdf"))).hasSize(3);
        }
        assertThat(texts).hasSize(3);

        Path other = home.resolve("other");
        assertThat(cli().run("vault", "init", "--vault", other.toString()).code()).isZero();
        CliRunner.Result one = cli().run("org", "restore", texts.get(0).toString(), "--vault", other.toString());
        assertThat(one.code()).isEqualTo(1);
        assertThat(one.err()).contains("This split needs 2 shares to restore the key; 1 were given.");
        CliRunner.Result restored = cli().run("org", "restore", texts.get(2).toString(), texts.get(0).toString(),
                "--vault", other.toString());
        assertThat(restored.code()).as(restored.err()).isZero();
        assertThat(restored.out()).isEqualTo(shown.out());
        assertThat(cli().run("org", "show", "--vault", other.toString()).out()).isEqualTo(shown.out());

        CliRunner.Result again = cli().run("org", "restore", texts.get(1).toString(), texts.get(2).toString(),
                "--vault", other.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already an organisation vault");
    }

    @Test
    void rotateAsksFirstAndThenNamesTheNewRecipient() {
        String before = cli().run("org", "show").out();
        CliRunner.Result nobody = cli().run("org", "rotate");
        assertThat(nobody.code()).isEqualTo(1);
        assertThat(nobody.err()).contains("--yes");
        CliRunner.Result no = cli().answer("no").run("org", "rotate");
        assertThat(no.code()).isEqualTo(1);
        assertThat(cli().run("org", "show").out()).isEqualTo(before);

        CliRunner.Result yes = cli().answer("yes").run("org", "rotate");
        assertThat(yes.code()).as(yes.err()).isZero();
        String after = cli().run("org", "show").out();
        assertThat(after).isNotEqualTo(before);
        String recipient = after.lines().filter(l -> l.startsWith("Recipient:")).findFirst().orElseThrow()
                .substring("Recipient:".length()).strip();
        assertThat(yes.out()).contains("New recipient: " + recipient);
        // The fingerprint (the signing key) stays: volunteers compare the same number.
        assertThat(after.lines().filter(l -> l.startsWith("Fingerprint")).toList())
                .isEqualTo(before.lines().filter(l -> l.startsWith("Fingerprint")).toList());
        assertThat(cli().run("org", "rotate", "--yes").code()).isZero();
    }

    @Test
    void aSplitOutOfRangeIsRefusedBeforeThePassphrase() {
        CliRunner.Result r = new CliRunner(home).run("org", "backup", "--shares", "20", "--threshold", "2", "--out",
                home.resolve("x").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("Choose from 2 to 16 shares");
        assertThat(home.resolve("x")).doesNotExist();
    }
}
