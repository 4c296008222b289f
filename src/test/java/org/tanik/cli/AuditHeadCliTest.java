package org.tanik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.AppServices;
import org.tanik.config.AppDirectories;
import org.tanik.crypto.Argon2Params;
import org.tanik.crypto.Ed25519;
import org.tanik.enrolment.Organisation;
import org.tanik.store.StoreInternals;
import org.tanik.store.VaultSession;
import org.tanik.store.Vaults;
import org.tanik.testing.CliRunner;

/**
 * The audit log's head is anchored: each export (and import) signs a checkpoint, so cutting the
 * newest entries off is reported by {@code audit verify}; {@code --head} compares with a head kept
 * elsewhere; a checkpoint not signed by the organisation is reported. In English and Turkish.
 */
class AuditHeadCliTest {

    static final String PASS = "yeşil çınar ağacının gölgesi ılık";
    static final Pattern FULL_FORM = Pattern.compile(
            "(?m)^(tanik-audit-head v1 entries=(\\d+) head=([0-9a-f]{64}) at=\\S+) sig=([0-9a-f]{128})$");

    @TempDir
    Path home;

    CliRunner cli() {
        return new CliRunner(home).env("TANIK_PASSPHRASE", PASS);
    }

    String org() {
        return home.resolve("org").toString();
    }

    CliRunner.Result ok(String... args) {
        CliRunner.Result r = cli().run(args);
        assertThat(r.code()).as("%s: %s", String.join(" ", args), r.err()).isZero();
        return r;
    }

    /** An organisation vault whose audit log holds {@code n} identity exports. */
    private void exports(int n) {
        ok("vault", "init", "--vault", org());
        ok("org", "init", "--name", "İHD", "--vault", org());
        for (int i = 0; i < n; i++) {
            export();
        }
    }

    private CliRunner.Result export() {
        return ok("org", "export-identity", "--out", home.resolve("identity.txt").toString(), "--vault", org());
    }

    private void sql(String statement) throws Exception {
        try (VaultSession s = new Vaults(Argon2Params.TESTING, Clock.systemUTC()).open(Path.of(org()), PASS.toCharArray());
             var st = StoreInternals.connection(s).createStatement()) {
            st.executeUpdate(statement);
        }
    }

    private String head(CliRunner.Result verified) {
        Matcher m = Pattern.compile("head ([0-9a-f]{64})").matcher(verified.out());
        assertThat(m.find()).as(verified.out()).isTrue();
        return m.group(1);
    }

    @Test
    void cuttingTheLastEntriesBelowASignedCheckpointIsReported() throws Exception {
        exports(3);
        assertThat(ok("audit", "verify", "--vault", org()).out()).contains("intact: 3 entries, head ");

        sql("DELETE FROM audit_log WHERE seq >= 2");
        CliRunner.Result cut = cli().run("audit", "verify", "--vault", org());
        assertThat(cut.code()).isEqualTo(1);
        assertThat(cut.out()).doesNotContain("intact");
        assertThat(cut.err()).contains("The audit log was cut short: the organisation signed a checkpoint of 3 entries on ")
                .contains("but the log now holds only one. Its newest entries were removed.");
        // Nothing more is signed over a log that does not verify: an export says so instead.
        CliRunner.Result after = export();
        assertThat(after.out()).doesNotContain("tanik-audit-head");
        assertThat(after.err()).contains("The audit log does not verify, so its head was not signed.");
    }

    @Test
    void anEditedEntryIsReportedAsBeforeWithNoCheckpointSaidToBeReached() throws Exception {
        exports(3);
        sql("UPDATE audit_log SET subject = 'other' WHERE seq = 2");
        CliRunner.Result edited = cli().run("audit", "verify", "--vault", org());
        assertThat(edited.code()).isEqualTo(1);
        assertThat(edited.err().strip()).isEqualTo("The audit log was altered at entry 2 (the 1 entries before it are intact).");
        assertThat(edited.out()).isEmpty();
    }

    @Test
    void everyExportPrintsTheSignedHeadAnyoneCanCheckWithTheOrganisationKey() throws Exception {
        exports(1);
        CliRunner.Result second = export();
        assertThat(second.out()).contains("Audit log head signed by the organisation: 2 entries, head ");
        Matcher m = FULL_FORM.matcher(second.out());
        assertThat(m.find()).as(second.out()).isTrue();
        assertThat(m.group(2)).isEqualTo("2");
        byte[] orgKey;
        try (VaultSession s = new Vaults(Argon2Params.TESTING, Clock.systemUTC()).open(Path.of(org()), PASS.toCharArray())) {
            orgKey = Organisation.require(s).signingPublicKey();
        }
        byte[] signed = m.group(1).getBytes(StandardCharsets.UTF_8);
        assertThat(Ed25519.verify(orgKey, signed, HexFormat.of().parseHex(m.group(4)))).isTrue();
        // audit verify shows the same head, short and full, for the coordinator to write down.
        CliRunner.Result verified = ok("audit", "verify", "--vault", org());
        assertThat(verified.out()).contains("The log reaches the newest checkpoint the organisation signed (2 entries, ");
        assertThat(head(verified)).isEqualTo(m.group(3));
        assertThat(verified.out()).contains(m.group(0)).contains("head " + m.group(3).substring(0, 16) + "…");
    }

    @Test
    void aHeadKeptElsewhereIsFoundOrReportedCutOff() throws Exception {
        exports(2);
        String kept = head(ok("audit", "verify", "--vault", org()));
        export();
        assertThat(ok("audit", "verify", "--head", kept, "--vault", org()).out())
                .contains("The head you gave is entry 2 of the log; one entry came after it.");
        assertThat(ok("audit", "verify", "--head", kept.substring(0, 16).toUpperCase(), "--vault", org()).out())
                .contains("The head you gave is entry 2 of the log; one entry came after it.");

        // Whoever cut the log removed the checkpoints too: the log verifies, shorter; only the kept head tells.
        sql("DELETE FROM audit_log WHERE seq >= 2");
        sql("DELETE FROM audit_checkpoint");
        assertThat(ok("audit", "verify", "--vault", org()).out()).contains("intact: 1 entries");
        CliRunner.Result cut = cli().run("audit", "verify", "--head", kept, "--vault", org());
        assertThat(cut.code()).isEqualTo(1);
        assertThat(cut.out()).contains("intact: 1 entries"); // the existing line stays as it was
        assertThat(cut.err().strip()).isEqualTo(
                "The log does not contain the head you gave: the entries up to it were removed or altered.");

        CliRunner.Result typo = cli().run("audit", "verify", "--head", "xyz", "--vault", org());
        assertThat(typo.code()).isEqualTo(1);
        assertThat(typo.err()).contains("--head takes a head hash: 16 to 64 hexadecimal digits");
    }

    @Test
    void aCheckpointNotSignedByTheOrganisationIsReported() throws Exception {
        exports(2);
        // Claims more entries than the log has: with a signature that no longer fits, it is called forged, not "cut".
        sql("UPDATE audit_checkpoint SET entries = 5 WHERE entries = 2");
        CliRunner.Result forged = cli().run("audit", "verify", "--vault", org());
        assertThat(forged.code()).isEqualTo(1);
        assertThat(forged.err()).contains("A checkpoint of the audit log (5 entries, dated ")
                .contains("does not carry the organisation's signature: it was forged or altered.");
        assertThat(forged.err()).doesNotContain("cut short");
    }

    @Test
    void inTurkish() throws Exception {
        exports(2);
        String kept = head(ok("audit", "verify", "--vault", org()));
        AppServices services = AppServices.create(new AppDirectories(home), Argon2Params.TESTING);
        services.settings().save(services.settings().load().withLanguage("tr"));
        assertThat(export().out()).contains("Örgütün imzaladığı denetim kaydı son özeti: 3 girdi, son özet ");
        assertThat(ok("audit", "verify", "--vault", org()).out())
                .contains("Kayıt, örgütün imzaladığı en yeni kontrol noktasına ulaşıyor (3 girdi, ");
        assertThat(ok("audit", "verify", "--head", kept, "--vault", org()).out())
                .contains("Verdiğiniz son özet, kaydın 2 numaralı girdisi; ondan sonra bir girdi var.");

        sql("DELETE FROM audit_log WHERE seq >= 2");
        CliRunner.Result cut = cli().run("audit", "verify", "--head", kept, "--vault", org());
        assertThat(cut.code()).isEqualTo(1);
        assertThat(cut.err()).contains("Denetim kaydı kısaltılmış: örgüt ")
                .contains("tarihinde 3 girdilik bir kontrol noktası imzaladı, ama kayıtta şimdi yalnızca 1 girdi var.")
                .contains("Kayıt, verdiğiniz son özeti içermiyor");
    }
}
