package org.tanik.coordinator.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.search.SearchIndex;
import org.tanik.coordinator.search.Statistics;
import org.tanik.model.Act;
import org.tanik.model.Incident;
import org.tanik.model.PartialDate;
import org.tanik.model.Perpetrator;
import org.tanik.model.Place;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.store.coordinator.Archive;

/** Statistics against counts made here, straight from the testimonies, without ArchiveItem or Statistics. */
class StatisticsReportTest {

    private static final String[] TYPES = {"detention", "torture", "", "dismissal"};
    private static final String[] PROVINCES = {"34", "06", "", "21"};
    private static final String[] INSTITUTIONS = {"police", "court", "", "intelligence"};

    private static List<Testimony> archive() {
        Random r = new Random(18);
        List<Testimony> out = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            List<Act> acts = new ArrayList<>();
            for (int a = r.nextInt(4); a > 0; a--) {
                List<Perpetrator> perps = new ArrayList<>();
                for (int p = r.nextInt(3); p > 0; p--) {
                    perps.add(new Perpetrator(INSTITUTIONS[r.nextInt(INSTITUTIONS.length)], "", "", ""));
                }
                PartialDate start = switch (r.nextInt(4)) {
                    case 0 -> PartialDate.exact(LocalDate.of(2015 + r.nextInt(6), 1 + r.nextInt(12), 1 + r.nextInt(28)));
                    case 1 -> PartialDate.month(2015 + r.nextInt(6), 1 + r.nextInt(12));
                    case 2 -> PartialDate.year(2015 + r.nextInt(6));
                    default -> PartialDate.UNKNOWN;
                };
                acts.add(new Act(TYPES[r.nextInt(TYPES.length)], start, null,
                        new Place(PROVINCES[r.nextInt(PROVINCES.length)], "", ""), List.of(), perps, ""));
            }
            TestimonyContent c = new TestimonyContent("T" + i, null, null, List.of(new Incident("", acts)), "");
            out.add(new Testimony("id-" + i, 1, Status.SEALED, ReportFixtures.NOW, ReportFixtures.NOW, ReportFixtures.NOW, c));
        }
        return out;
    }

    private static List<ArchiveItem> items(List<Testimony> archive) {
        SearchIndex index = new SearchIndex();
        archive.forEach(t -> index.put(new Archive.Entry(t, "dev", "bundle"), org.tanik.model.ReviewState.NEW));
        return index.all();
    }

    /** Whether the act's start, read as its first possible day, falls in [from, to]. */
    private static boolean inPeriod(PartialDate d, LocalDate from, LocalDate to) {
        LocalDate first = switch (d.precision()) {
            case EXACT -> LocalDate.of(d.year(), d.month(), d.day());
            case MONTH -> LocalDate.of(d.year(), d.month(), 1);
            case YEAR -> LocalDate.of(d.year(), 1, 1);
            case UNKNOWN -> null;
        };
        return first != null && (from == null || first.compareTo(from) >= 0) && (to == null || first.compareTo(to) <= 0);
    }

    @Test
    void countsEqualCountsMadeFromTheTestimonies() {
        List<Testimony> archive = archive();
        List<ArchiveItem> items = items(archive);
        LocalDate[][] periods = {{null, null}, {LocalDate.of(2016, 3, 1), LocalDate.of(2018, 6, 30)},
            {LocalDate.of(2019, 1, 1), null}, {null, LocalDate.of(2015, 12, 31)}};
        for (LocalDate[] period : periods) {
            LocalDate from = period[0];
            LocalDate to = period[1];
            boolean bounded = from != null || to != null;
            Map<String, Integer> type = new HashMap<>();
            Map<String, Integer> province = new HashMap<>();
            Map<YearMonth, Integer> month = new HashMap<>();
            Map<String, Integer> institution = new HashMap<>();
            int acts = 0;
            int undated = 0;
            int testimonies = 0;
            for (Testimony t : archive) {
                boolean any = false;
                for (Act a : t.content().incidents().get(0).acts()) {
                    if (bounded && a.start().precision() == org.tanik.model.DatePrecision.UNKNOWN) {
                        undated++;
                        continue;
                    }
                    if (bounded && !inPeriod(a.start(), from, to)) {
                        continue;
                    }
                    any = true;
                    acts++;
                    type.merge(a.type(), 1, Integer::sum);
                    province.merge(a.place().province(), 1, Integer::sum);
                    PartialDate s = a.start();
                    if (s.precision() == org.tanik.model.DatePrecision.EXACT
                            || s.precision() == org.tanik.model.DatePrecision.MONTH) {
                        month.merge(YearMonth.of(s.year(), s.month()), 1, Integer::sum);
                    }
                    Set<String> inst = new LinkedHashSet<>();
                    a.perpetrators().forEach(p -> {
                        if (!p.institution().isEmpty()) {
                            inst.add(p.institution());
                        }
                    });
                    if (inst.isEmpty()) {
                        inst.add("");
                    }
                    inst.forEach(i -> institution.merge(i, 1, Integer::sum));
                }
                if (any || !bounded) {
                    testimonies++;
                }
            }
            Statistics s = Statistics.of(items, from, to);
            String at = from + ".." + to;
            assertThat(acts).as("the fixture has acts in " + at).isPositive();
            assertThat(s.acts()).as(at).isEqualTo(acts);
            assertThat(s.undated()).as(at).isEqualTo(undated);
            assertThat(s.testimonies()).as(at).isEqualTo(testimonies);
            assertThat(s.byType()).as(at).isEqualTo(type);
            assertThat(s.byProvince()).as(at).isEqualTo(province);
            assertThat(s.byMonth()).as(at).isEqualTo(month);
            assertThat(s.byInstitution()).as(at).isEqualTo(institution);
            assertThat(s.from()).isEqualTo(from);
            assertThat(s.to()).isEqualTo(to);
        }
        assertThat(Statistics.of(items)).isEqualTo(Statistics.of(items, null, null));
    }

    @Test
    void theCsvHoldsTheFiguresUnderTheLabel() throws Exception {
        Statistics s = Statistics.of(items(archive()), LocalDate.of(2016, 1, 1), LocalDate.of(2018, 12, 31));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StatisticsCsvWriter().write(ExportTestSupport.context(RedactionLevel.FULL, TableRows.ACTS), s, out);
        List<List<String>> table = ExportTestSupport.parseCsv(out.toByteArray());
        assertThat(table.get(0)).containsExactly("dimension", "key", "count");
        assertThat(table.get(1)).containsExactly("context", "label", "counts of documented acts, not of violations");
        assertThat(table).contains(List.of("context", "from", "2016-01-01"), List.of("context", "to", "2018-12-31"),
                List.of("total", "acts", Integer.toString(s.acts())),
                List.of("total", "undated", Integer.toString(s.undated())));
        Map<String, Map<String, Integer>> read = new HashMap<>();
        for (List<String> row : table.subList(1, table.size())) {
            if (!row.get(0).equals("context") && !row.get(0).equals("total")) {
                read.computeIfAbsent(row.get(0), k -> new HashMap<>()).put(row.get(1), Integer.parseInt(row.get(2)));
            }
        }
        assertThat(read.get("type")).isEqualTo(s.byType());
        assertThat(read.get("province")).isEqualTo(s.byProvince());
        assertThat(read.get("institution")).isEqualTo(s.byInstitution());
        Map<String, Integer> months = new HashMap<>();
        s.byMonth().forEach((k, v) -> months.put(k.toString(), v));
        assertThat(read.get("month")).isEqualTo(months);
    }
}
