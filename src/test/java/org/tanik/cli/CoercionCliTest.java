package org.tanik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;
import org.tanik.session.OpenVault;
import org.tanik.session.VaultAccess;
import org.tanik.store.Vaults;
import org.tanik.testing.CliRunner;

/** vault set-duress / clear-duress / erase / wipe-after on the command line. */
class CoercionCliTest {

    static final String PASS = "yeşil çınar ağacının gölgesi ılık";
    static final String DURESS = "sarı limon bahçesinde öğle uykusu";

    @TempDir
    Path home;

    CliRunner as(String passphrase) {
        return new CliRunner(home).env("TANIK_PASSPHRASE", passphrase);
    }

    Path vault() {
        return home.resolve("vault");
    }

    private void add(String passphrase, String title) throws Exception {
        Path json = Files.writeString(home.resolve("t.json"), "{\"title\": \"" + title
                + "\", \"narrative\": \"Anlatı\", \"consent\": {\"method\": \"oral\", \"scopes\": [\"documentation\"]}}");
        CliRunner.Result r = as(passphrase).run("testimony", "add", "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void aDuressPassphraseOpensADecoyFilledWithTheUsualCommands() throws Exception {
        assertThat(as(PASS).run("vault", "init").code()).isZero();
        add(PASS, "Gerçek tanıklık");
        CliRunner.Result set = as(PASS).env("TANIK_NEW_PASSPHRASE", DURESS).run("vault", "set-duress");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("duress passphrase is set", "the real vault stays as it is");
        assertThat(as(DURESS).run("testimony", "list").out()).doesNotContain("Gerçek");
        add(DURESS, "Piknik");
        assertThat(as(DURESS).run("testimony", "list").out()).contains("Piknik").doesNotContain("Gerçek");
        assertThat(as(PASS).run("testimony", "list").out()).contains("Gerçek").doesNotContain("Piknik");

        // Replacing the decoy asks first; a script without a terminal must say --yes, and nothing changes.
        CliRunner.Result asked = as(PASS).env("TANIK_NEW_PASSPHRASE", "another duress passphrase for the test").run("vault", "set-duress");
        assertThat(asked.code()).isNotZero();
        assertThat(asked.err()).contains("--yes");
        assertThat(as(DURESS).run("testimony", "list").out()).contains("Piknik");

        CliRunner.Result same = as(PASS).env("TANIK_NEW_PASSPHRASE", PASS).run("vault", "set-duress", "--yes");
        assertThat(same.code()).isNotZero();
        assertThat(same.err()).contains("already opens this vault");

        CliRunner.Result notAsked = as(PASS).run("vault", "clear-duress");
        assertThat(notAsked.code()).isNotZero();
        assertThat(notAsked.err()).contains("--yes");
        assertThat(as(DURESS).run("testimony", "list").out()).contains("Piknik");
        assertThat(as(PASS).run("vault", "clear-duress", "--yes").code()).isZero();
        assertThat(as(DURESS).run("testimony", "list").err()).contains("passphrase is not correct");
    }

    @Test
    void inEraseModeTheDuressPassphraseErasesTheRealVault() throws Exception {
        as(PASS).run("vault", "init");
        add(PASS, "Gerçek tanıklık");
        CliRunner.Result set = as(PASS).env("TANIK_NEW_PASSPHRASE", DURESS).run("vault", "set-duress", "--erase-real");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("silently erases the real vault");
        assertThat(as(DURESS).run("testimony", "list").code()).isZero();
        assertThat(as(PASS).run("testimony", "list").err()).contains("passphrase is not correct");
    }

    @Test
    void wipeAfterTakesFiveOrMoreOrOff() {
        as(PASS).run("vault", "init");
        CliRunner.Result low = as(PASS).run("vault", "wipe-after", "4");
        assertThat(low.code()).isNotZero();
        assertThat(low.err()).contains("at least 5");
        assertThat(as(PASS).run("vault", "wipe-after", "many").err()).contains("at least 5", "many");
        CliRunner.Result five = as(PASS).run("vault", "wipe-after", "5");
        assertThat(five.code()).as(five.err()).isZero();
        assertThat(five.out()).contains("after 5 wrong passphrases");
        for (int i = 0; i < 4; i++) {
            assertThat(as(DURESS).run("testimony", "list").err()).contains("passphrase is not correct");
        }
        assertThat(as(PASS).run("vault", "wipe-after", "off").out()).contains("no longer erase");
        for (int i = 0; i < 6; i++) {
            as(DURESS).run("testimony", "list");
        }
        assertThat(as(PASS).run("testimony", "list").code()).isZero();
        assertThat(as(PASS).run("vault", "wipe-after", "5").code()).isZero();
        for (int i = 0; i < 5; i++) {
            as(DURESS).run("testimony", "list");
        }
        assertThat(vault()).doesNotExist();
    }

    @Test
    void eraseAsksFirstAndRefusesAVaultOpenElsewhere() {
        as(PASS).run("vault", "init");
        CliRunner.Result unasked = as(PASS).run("vault", "erase");
        assertThat(unasked.code()).isNotZero();
        assertThat(unasked.err()).contains("--yes");
        CliRunner.Result no = as(PASS).answer("no").run("vault", "erase");
        assertThat(no.err()).contains("Erase the vault in", "Type yes to erase");
        assertThat(vault().resolve("vault.key")).exists();

        VaultAccess elsewhere = new VaultAccess(new Vaults(Argon2Params.TESTING, Clock.systemUTC()));
        try (OpenVault open = elsewhere.unlock(vault(), PASS.toCharArray())) {
            CliRunner.Result refused = as(PASS).run("vault", "erase", "--yes");
            assertThat(refused.code()).isNotZero();
            assertThat(refused.err()).contains("already open");
        }
        assertThat(vault().resolve("vault.key")).exists();

        CliRunner.Result erased = as(PASS).answer("yes").run("vault", "erase");
        assertThat(erased.code()).as(erased.err()).isZero();
        assertThat(erased.out()).contains("was erased");
        assertThat(vault()).doesNotExist();
        assertThat(as(PASS).run("testimony", "list").err()).contains("There is no vault");
    }
}
