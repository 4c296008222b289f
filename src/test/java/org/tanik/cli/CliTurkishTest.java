package org.tanik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.AppServices;
import org.tanik.config.AppDirectories;
import org.tanik.crypto.Argon2Params;
import org.tanik.testing.CliRunner;

/**
 * The command line in Turkish, chosen as the desktop app chooses it (Settings): what it says, not only
 * its errors. Commands that print data for scripts (ids, JSON) stay as they are.
 */
class CliTurkishTest {

    static final String PASS = "kırmızı elma dağ yolu 42";

    @TempDir
    Path home;

    @Test
    void aVolunteerIsAnsweredInTurkish() {
        AppServices services = AppServices.create(new AppDirectories(home), Argon2Params.TESTING);
        services.settings().save(services.settings().load().withLanguage("tr"));
        CliRunner cli = new CliRunner(home).env("TANIK_PASSPHRASE", PASS);

        CliRunner.Result init = cli.run("vault", "init");
        assertThat(init.code()).isZero();
        assertThat(init.out()).contains("içinde bir kasa oluşturuldu", "Parolayı unutmayın").doesNotContain("Created");

        String id = cli.run("testimony", "add", "--json", write("{\"title\": \"Gözaltı\", \"narrative\": \"…\", \"consent\": {\"method\": \"oral\", \"scopes\": [\"documentation\"]}}")).out()
                .strip();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(cli.run("testimony", "list").out()).startsWith("KİMLİK").contains("taslak", "Gözaltı");
        assertThat(cli.run("testimony", "seal", id).out().strip())
                .isEqualTo(id + ", 1. sürüm mühürlendi: gönderilmeye hazır.");
        assertThat(cli.run("testimony", "show", id).out()).contains("sürüm 1, mühürlü", "Görüşme: tarih bilinmiyor");
        assertThat(cli.run("device-key", "show").out()).startsWith("Cihaz parmak izi: ");
        assertThat(cli.run("testimony", "add", "--json", write("{\"title\": \"x\", \"renk\": \"mavi\"}")).err().strip())
                .isEqualTo("Girdi geçerli değil: bilinmeyen alan \"renk\"");
        assertThat(cli.run("testimony", "add", "--json", write("[1]")).err().strip())
                .isEqualTo("Girdi geçerli değil: bir tanıklık bir JSON nesnesi olmalı");
        assertThat(new CliRunner(home).env("TANIK_PASSPHRASE", "yanlış parola bu değil").run("testimony", "list").err()
                .strip()).isEqualTo("Parola doğru değil.");
    }

    @Test
    void anInvitationsNoteIsInTheOrganisationsLanguage() throws java.io.IOException {
        AppServices services = AppServices.create(new AppDirectories(home), Argon2Params.TESTING);
        services.settings().save(services.settings().load().withLanguage("tr"));
        CliRunner cli = new CliRunner(home).env("TANIK_PASSPHRASE", PASS);
        assertThat(cli.run("vault", "init").code()).isZero();
        assertThat(cli.run("org", "init", "--name", "Hakikat Derneği").code()).isZero();

        Path invitation = home.resolve("davet.json");
        assertThat(cli.run("org", "invite", "--out", invitation.toString()).code()).isZero();
        String note = org.tanik.model.Json.mapper().readTree(java.nio.file.Files.readAllBytes(invitation))
                .get("note").asText();
        assertThat(note).startsWith("Hakikat Derneği kuruluşundan Tanik katılım daveti").doesNotContain("invitation");
    }

    @Test
    void helpAndUsageMistakesAreInTurkish() {
        AppServices services = AppServices.create(new AppDirectories(home), Argon2Params.TESTING);
        services.settings().save(services.settings().load().withLanguage("tr"));
        CliRunner cli = new CliRunner(home);

        CliRunner.Result help = cli.run("vault", "init", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).startsWith("Kullanım: tanik vault init")
                .contains("Yeni, şifreli bir kasa oluşturur.", "Kasa klasörü", "Bu yardımı gösterir ve çıkar.")
                .doesNotContain("Usage", "Create", "Vault folder", "Read the passphrase", "Show this help", "Print version");
        assertThat(cli.run("--help").out()).contains("Komutlar:", "Tanıklık ekler, listeler, gösterir ve mühürler.")
                .doesNotContain("Commands:", "testimonies");

        CliRunner.Result missing = cli.run("vault");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("Komut eksik; şunlardan birini seçin: [init, change-passphrase, set-duress, clear-duress, erase, wipe-after, backup, restore]")
                .contains("Kullanım: tanik vault", "Komutlar:").doesNotContain("Missing", "Usage", "Create");

        // picocli's own sentences for usage mistakes, said again in Turkish; exit code 2 as before.
        assertThat(usageError(cli, "testimony", "list", "--bogus")).isEqualTo("Bilinmeyen seçenek ya da argüman: --bogus");
        assertThat(usageError(cli, "testimony", "lst")).isEqualTo("Bilinmeyen seçenek ya da argüman: lst");
        assertThat(cli.run("testimony", "lst").err()).contains("Şunu mu demek istediniz: list?").doesNotContain("Did you mean");
        assertThat(usageError(cli, "volunteers", "approve", "123")).isEqualTo("Eksik: --label");
        assertThat(usageError(cli, "import")).isEqualTo("Eksik: FILE");
        assertThat(usageError(cli, "org", "invite", "--out", "x", "--valid-days", "on dört"))
                .isEqualTo("--valid-days için geçerli bir değer değil: on dört");
        assertThat(usageError(cli, "testimony", "list", "--vault", "a", "--vault", "b")).isEqualTo("--vault birden çok kez verildi.");
    }

    /** The first line a usage mistake prints, checked to be one (exit code 2) followed by the Turkish usage. */
    static String usageError(CliRunner cli, String... args) {
        CliRunner.Result r = cli.run(args);
        assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(r.err()).contains("Kullanım: tanik").doesNotContain("Usage");
        return r.err().lines().findFirst().orElse("");
    }

    @Test
    void aVaultBackAtAnEarlierStateIsReportedInTurkish() {
        AppServices services = AppServices.create(new AppDirectories(home), Argon2Params.TESTING);
        services.settings().save(services.settings().load().withLanguage("tr"));
        CliRunner cli = new CliRunner(home).env("TANIK_PASSPHRASE", PASS);
        assertThat(cli.run("vault", "init").code()).isZero();
        org.tanik.store.FallBack.around(services.directories().vault(),
                () -> assertThat(cli.run("testimony", "add", "--json", write("{\"title\": \"Kayıp\"}")).code()).isZero());

        CliRunner.Result list = cli.run("testimony", "list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).doesNotContain("Kayıp");
        assertThat(list.err().strip()).startsWith("Uyarı: bu kasa daha önceki bir kayıttaki hâliyle açıldı")
                .contains("son paketleri yeniden içe aktarın").doesNotContain("Warning");
    }

    private String write(String json) {
        try {
            return java.nio.file.Files.writeString(home.resolve("t.json"), json).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
