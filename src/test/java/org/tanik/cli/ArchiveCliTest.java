package org.tanik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.testing.CliRunner;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;
import org.tanik.testing.ReportArchive;

/**
 * The archive commands on a fixture archive (made by a volunteer's bundle, imported and approved):
 * each command, their --json output parsed, filters combined, an export's audit entry and the
 * testimonies its consent left out, and a full export refused where nobody can confirm it.
 */
class ArchiveCliTest {

    @TempDir
    static Path archiveRoot;

    static ReportArchive.Ids ids;

    @TempDir
    Path home;

    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void archive() throws Exception {
        ids = ReportArchive.build(archiveRoot, new MutableClock(Instant.parse("2026-11-01T08:00:00Z")), 6);
    }

    String vault;

    @BeforeEach
    void copy() throws Exception {
        Path copy = home.resolve("org");
        try (Stream<Path> files = Files.walk(archiveRoot.resolve("org"))) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(archiveRoot.resolve("org").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("vault.lock")) {
                    Files.copy(p, target);
                }
            }
        }
        vault = copy.toString();
    }

    CliRunner cli() {
        return new CliRunner(home).env("TANIK_PASSPHRASE", new String(Organisations.PASS));
    }

    CliRunner.Result ok(String... args) {
        CliRunner.Result r = cli().run(withVault(args));
        assertThat(r.code()).as("%s: %s", String.join(" ", args), r.err()).isZero();
        return r;
    }

    String[] withVault(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--vault");
        all.add(vault);
        return all.toArray(String[]::new);
    }

    JsonNode json(String... args) throws Exception {
        CliRunner.Result r = ok(args);
        return JSON.readTree(r.out());
    }

    static List<String> idsOf(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    static boolean has(JsonNode item, String field, String value) {
        for (JsonNode v : item.get(field)) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void listPrintsEveryTestimonyAsTextAndAsJson() throws Exception {
        CliRunner.Result text = ok("archive", "list");
        assertThat(text.out().lines().skip(1)).hasSize(ids.all().size());
        assertThat(text.out()).contains(ids.marked(), ReportArchive.MARKED_TITLE);
        JsonNode all = json("archive", "list", "--json");
        assertThat(idsOf(all)).containsExactlyInAnyOrderElementsOf(ids.all());
        JsonNode marked = stream(all).filter(n -> n.get("id").asText().equals(ids.marked())).findFirst().orElseThrow();
        assertThat(marked.get("title").asText()).isEqualTo(ReportArchive.MARKED_TITLE);
        assertThat(marked.get("reviewState").asText()).isEqualTo("new");
        assertThat(marked.get("acts").asInt()).isEqualTo(2);
    }

    @Test
    void filtersCombineAsTheArchiveViewsDo() throws Exception {
        JsonNode all = json("archive", "list", "--json");
        // Every filter alone and together, against the same conditions checked in the test on the full list.
        List<String> inIzmir = select(all, n -> has(n, "provinces", "35"));
        List<String> torture = select(all, n -> has(n, "violationTypes", "torture"));
        List<String> both = select(all, n -> has(n, "provinces", "35") && has(n, "violationTypes", "torture"));
        assertThat(inIzmir).isNotEmpty().hasSizeLessThan(all.size());
        assertThat(both).contains(ids.marked());
        assertThat(idsOf(json("archive", "list", "--json", "--province", "izmir"))).containsExactlyInAnyOrderElementsOf(inIzmir);
        assertThat(idsOf(json("archive", "list", "--json", "--province", "35"))).containsExactlyInAnyOrderElementsOf(inIzmir);
        assertThat(idsOf(json("archive", "list", "--json", "--type", "torture"))).containsExactlyInAnyOrderElementsOf(torture);
        assertThat(idsOf(json("archive", "list", "--json", "--type", "torture", "--province", "İZMİR")))
                .containsExactlyInAnyOrderElementsOf(both);
        // The marked testimony's acts are in July 2016: a range around it keeps it, one after it drops it.
        assertThat(idsOf(json("archive", "list", "--json", "--province", "35", "--from", "2016-07-01", "--to", "2016-07-31")))
                .contains(ids.marked());
        assertThat(idsOf(json("archive", "list", "--json", "--type", "torture", "--from", "2024-01-01")))
                .doesNotContain(ids.marked());
        String device = all.get(0).get("device").asText();
        assertThat(idsOf(json("archive", "list", "--json", "--device", device, "--state", "new"))).hasSize(all.size());
        assertThat(idsOf(json("archive", "list", "--json", "--device", device.replace(" ", "")))).hasSize(all.size());
        assertThat(json("archive", "list", "--json", "--device", "12345 12345 12345 12345")).isEmpty();
        assertThat(json("archive", "list", "--json", "--state", "verified")).isEmpty();

        CliRunner.Result badProvince = cli().run(withVault("archive", "list", "--province", "Atlantis"));
        assertThat(badProvince.code()).isEqualTo(1);
        assertThat(badProvince.err()).contains("there is no province Atlantis");
    }

    @Test
    void searchFoldsCaseAccentsAndTheTurkishI() throws Exception {
        assertThat(idsOf(json("archive", "search", "cigdemisiktekin", "--json"))).containsExactly(ids.marked());
        assertThat(idsOf(json("archive", "search", "ŞÜKRAN", "ÖĞÜT", "--json"))).containsExactly(ids.marked());
        assertThat(ok("archive", "search", "sukran").out()).contains(ids.marked());
        assertThat(json("archive", "search", "yokboylebirsozcukhic", "--json")).isEmpty();
    }

    @Test
    void showPrintsOneTestimonyWithProvenanceAsTextAndJson() throws Exception {
        CliRunner.Result text = ok("archive", "show", ids.marked());
        assertThat(text.out()).contains(ReportArchive.MARKED_TITLE, ReportArchive.MARKED_NARRATIVE, "bundle", "SHA-256");
        JsonNode shown = json("archive", "show", ids.marked(), "--json");
        assertThat(shown.get("id").asText()).isEqualTo(ids.marked());
        JsonNode v1 = shown.get("versions").get(0);
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("testimony").get("title").asText()).isEqualTo(ReportArchive.MARKED_TITLE);
        assertThat(v1.get("provenance").get("bundleSha256").asText()).matches("[0-9a-f]{64}");
        assertThat(json("archive", "show", ids.marked(), "--json", "--version", "1").get("versions")).hasSize(1);

        CliRunner.Result noSuchVersion = cli().run(withVault("archive", "show", ids.marked(), "--version", "7"));
        assertThat(noSuchVersion.code()).isEqualTo(1);
        CliRunner.Result unknown = cli().run(withVault("archive", "show", "0000"));
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("There is no testimony with the id 0000.");
    }

    @Test
    void anExportIsAuditedAndSaysWhichTestimoniesItsConsentLeftOut() throws Exception {
        Path out = home.resolve("export.csv");
        CliRunner.Result r = ok("archive", "export", "--format", "csv", "--out", out.toString());
        assertThat(out).exists();
        assertThat(r.out()).contains("at the level confidential").containsPattern("SHA-256 [0-9a-f]{64}");
        assertThat(r.err()).contains("3 testimonies were left out: their consent does not allow this use.")
                .contains(ids.documentationOnly().get(0), ids.documentationOnly().get(1), ids.noConsent());
        // Redacted at the default level: the victim's name is gone, from its field and from the title.
        String csv = Files.readString(out);
        assertThat(csv).contains("davası").doesNotContain(ReportArchive.MARKED_VICTIM).doesNotContain("Şükran");
        String sha = r.out().replaceAll("(?s).*SHA-256 ([0-9a-f]{64}).*", "$1");
        CliRunner.Result audit = ok("audit", "list");
        assertThat(audit.out()).contains("export").contains(sha).contains("confidential")
                .doesNotContain(out.toString()).doesNotContain(ReportArchive.MARKED_TITLE);

        CliRunner.Result again = cli().run(withVault("archive", "export", "--format", "csv", "--out", out.toString()));
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
    }

    @Test
    void aFullExportAsksFirstAndIsRefusedWhereNobodyCanConfirm() throws Exception {
        Path out = home.resolve("full.json");
        CliRunner.Result refused = cli().run(withVault("archive", "export", "--format", "json", "--redact", "full",
                "--out", out.toString()));
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("no terminal").contains("--yes");
        assertThat(out).doesNotExist();

        CliRunner.Result no = cli().answer("no").run(withVault("archive", "export", "--format", "json", "--redact", "full",
                "--out", out.toString()));
        assertThat(no.code()).isEqualTo(1);
        assertThat(no.err()).contains(out.toAbsolutePath().toString());
        assertThat(out).doesNotExist();

        ok("archive", "export", "--format", "json", "--redact", "full", "--yes", "--id", ids.marked(), "--out",
                out.toString());
        JsonNode full = JSON.readTree(out.toFile());
        assertThat(full.get("testimonies")).hasSize(1);
        assertThat(Files.readString(out)).contains(ReportArchive.MARKED_VICTIM);
    }

    @Test
    void aStatisticsReportIsWrittenByExtensionAndAudited() throws Exception {
        Path csv = home.resolve("stats.csv");
        CliRunner.Result r = ok("report", "stats", "--out", csv.toString(), "--from", "2016-01-01", "--to", "2030-12-31");
        assertThat(csv).exists();
        assertThat(r.out()).contains("statistics");
        assertThat(ok("audit", "list").out()).contains("report");
        CliRunner.Result txt = cli().run(withVault("report", "stats", "--out", home.resolve("stats.txt").toString()));
        assertThat(txt.code()).isEqualTo(1);
        assertThat(txt.err()).contains(".pdf or .csv");
    }

    @Test
    void aDossierAndAStatisticsReportAreWrittenAsPdf() throws Exception {
        Path dossier = home.resolve("dossier.pdf");
        CliRunner.Result r = ok("archive", "export", "--format", "pdf", "--redact", "anonymised", "--id", ids.marked(),
                "--out", dossier.toString());
        assertThat(r.out()).contains("Wrote 1 testimonies (2 acts)").contains("at the level anonymised");
        assertThat(Files.readString(dossier, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
        Path stats = home.resolve("stats.pdf");
        ok("report", "stats", "--out", stats.toString(), "--province", "İzmir");
        assertThat(Files.readString(stats, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
    }

    @Test
    void badCodesAreSaidAsSuch() {
        CliRunner.Result format = cli().run(withVault("archive", "export", "--format", "docx", "--out",
                home.resolve("x").toString()));
        assertThat(format.code()).isEqualTo(1);
        assertThat(format.err()).contains("--format takes pdf, csv or json");
        CliRunner.Result level = cli().run(withVault("archive", "export", "--format", "csv", "--redact", "some", "--out",
                home.resolve("x").toString()));
        assertThat(level.err()).contains("--redact takes full, confidential or anonymised");
    }

    private static List<String> select(JsonNode all, Predicate<JsonNode> p) {
        return idsOf(JSON.valueToTree(stream(all).filter(p).toList()));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }
}
