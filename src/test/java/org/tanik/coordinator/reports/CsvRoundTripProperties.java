package org.tanik.coordinator.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tanik.coordinator.ArchivedTestimony;

class CsvRoundTripProperties {

    /** Text with plenty of what CSV and spreadsheets treat specially, and any other BMP char. */
    @Provide
    Arbitrary<String> cells() {
        Arbitrary<Character> special = Arbitraries.of('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', '\'', ' ', '|', '#');
        Arbitrary<Character> any = Arbitraries.chars().range('\u0000', '\uD7FF');
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, special), net.jqwik.api.Tuple.of(2, any))
                .list().ofMaxSize(30).map(cs -> {
                    StringBuilder b = new StringBuilder();
                    cs.forEach(b::append);
                    return b.toString();
                });
    }

    @Property
    void neutralisedCellsNeverStartAFormula(@ForAll("cells") String cell) {
        String out = CsvCells.neutralise(cell);
        assertThat(out.isEmpty() || !CsvCells.executable(out.charAt(0))).isTrue();
        if (cell.isEmpty() || !CsvCells.executable(cell.charAt(0))) {
            assertThat(out).isEqualTo(cell);
        } else {
            assertThat(out).isEqualTo("'" + cell);
        }
    }

    @Property(tries = 200)
    void aCsvParserReadsBackWhatTheWriterMeant(@ForAll("cells") String title, @ForAll("cells") String narrative)
            throws Exception {
        ArchivedTestimony t = ReportFixtures.marked("id-a", "x", "Qxvictimone Şahin");
        var v = t.versions().get(0);
        var content = v.testimony().content().withTitle(title).withNarrative(narrative);
        var testimony = new org.tanik.model.Testimony(v.testimony().id(), 1, v.testimony().status(),
                v.testimony().createdAt(), v.testimony().updatedAt(), v.testimony().sealedAt(), content);
        ArchivedTestimony changed = new ArchivedTestimony(
                List.of(new ArchivedTestimony.Version(testimony, v.provenance(), false)), t.history());
        List<List<String>> table = ExportTestSupport.parseCsv(ExportTestSupport.export(new TabularCsvWriter(),
                RedactionLevel.FULL, TableRows.TESTIMONIES, List.of(changed)));
        assertThat(table).hasSize(2);
        assertThat(ExportTestSupport.cell(table, 1, "title")).isEqualTo(CsvCells.neutralise(title));
        assertThat(ExportTestSupport.cell(table, 1, "narrative")).isEqualTo(CsvCells.neutralise(narrative));
    }
}
