package org.tanik.ui.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tanik.model.Status;
import org.tanik.model.TestimonySummary;
import org.tanik.model.Vocabulary;

/** Filtering and sorting work on 10,000 rows in memory, with Turkish-aware matching. */
class TestimonyListModelTest {

    static final Vocabulary VOCABULARY = Vocabulary.load();

    static List<ListRow> rows(int n) {
        List<String> types = VOCABULARY.violationTypes().stream().map(t -> t.code()).toList();
        List<ListRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            TestimonySummary s = new TestimonySummary("id-" + i, 1, i % 3 == 0 ? Status.SEALED : Status.DRAFT,
                    (i % 100 == 0 ? "İstanbul gözaltı " : "Tanıklık ") + i, LocalDate.of(2017, 1, 1).plusDays(i % 900),
                    List.of(types.get(i % types.size())), Instant.ofEpochSecond(1_600_000_000L + i));
            rows.add(ListRow.of(s, VOCABULARY, Locale.forLanguageTag("tr")));
        }
        return rows;
    }

    @Test
    void filtersTenThousandRowsByTextStatusAndType() {
        TestimonyListModel model = new TestimonyListModel();
        model.setAll(rows(10_000));
        assertThat(model.shownCount()).isEqualTo(10_000);

        model.textProperty().set("istanbul");
        assertThat(model.shownCount()).isEqualTo(100);
        model.textProperty().set("İSTANBUL GÖZ");
        assertThat(model.shownCount()).as("dotted capital İ and case").isEqualTo(100);

        model.textProperty().set("");
        model.statusProperty().set(Status.SEALED);
        assertThat(model.sorted()).allMatch(r -> r.status() == Status.SEALED).hasSize(3334);

        model.violationTypeProperty().set("torture");
        assertThat(model.sorted()).allMatch(r -> r.violationTypes().contains("torture")
                && r.status() == Status.SEALED).isNotEmpty();

        model.statusProperty().set(null);
        model.violationTypeProperty().set("");
        assertThat(model.shownCount()).isEqualTo(10_000);
    }

    @Test
    void sortsAndUpdatesRowsInPlace() {
        TestimonyListModel model = new TestimonyListModel();
        model.setAll(rows(10_000));
        model.sorted().setComparator(Comparator.comparing(ListRow::updatedAt).reversed());
        assertThat(model.sorted().get(0).id()).isEqualTo("id-9999");

        TestimonySummary changed = new TestimonySummary("id-5", 2, Status.DRAFT, "Yeni başlık", null, List.of(),
                Instant.ofEpochSecond(2_000_000_000L));
        model.upsert(ListRow.of(changed, VOCABULARY, Locale.ENGLISH));
        assertThat(model.rows()).hasSize(10_000);
        assertThat(model.sorted().get(0).title()).isEqualTo("Yeni başlık");

        model.upsert(ListRow.of(new TestimonySummary("new", 1, Status.DRAFT, "", null, List.of(),
                Instant.ofEpochSecond(1)), VOCABULARY, Locale.ENGLISH));
        assertThat(model.rows()).hasSize(10_001);
    }

    @Test
    void violationLabelsAreTranslated() {
        ListRow row = ListRow.of(new TestimonySummary("x", 1, Status.DRAFT, "t", null,
                List.of("torture", "arbitrary_detention"), Instant.EPOCH), VOCABULARY, Locale.forLanguageTag("tr"));
        assertThat(row.violationLabels()).isEqualTo("İşkence veya kötü muamele, Keyfi gözaltı veya tutuklama");
    }
}
