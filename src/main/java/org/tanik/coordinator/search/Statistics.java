package org.tanik.coordinator.search;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tanik.coordinator.ArchiveItem;

/**
 * Counts of documented acts by type, by province, by month and by alleged perpetrator institution.
 * They are counts of acts documented in testimonies, not of violations: several sources may report
 * the same act, and most acts are never reported at all. Empty type, province or institution counts
 * as "" (unspecified).
 *
 * <p>An act with perpetrators of several institutions counts once for each of them, so the
 * institution counts may add up to more than {@code acts}; an act without any counts under "".
 *
 * <p>With a period ({@code from} and/or {@code to}, inclusive, null for open), only acts whose
 * start falls in it are counted: the start's earliest day, as the archive's date filter reads it
 * (an act known only as "2017" counts from 1 January). Acts with no known start cannot be placed
 * in any period and are counted apart as {@code undated}; {@code testimonies} is then the number
 * of testimonies with at least one act counted. Without a period, {@code undated} is 0 and
 * {@code testimonies} is every testimony given.
 */
public record Statistics(Map<String, Integer> byType, Map<String, Integer> byProvince, Map<YearMonth, Integer> byMonth,
                         Map<String, Integer> byInstitution, int acts, int testimonies,
                         LocalDate from, LocalDate to, int undated) {

    /** The maps are kept sorted by key for every reader (tables and charts list keys in order). */
    public Statistics {
        byType = sorted(byType);
        byProvince = sorted(byProvince);
        byMonth = sorted(byMonth);
        byInstitution = sorted(byInstitution);
    }

    /** Counts over every act, with no period. */
    public static Statistics of(List<ArchiveItem> items) {
        return of(items, null, null);
    }

    /** Counts over the acts whose start falls in [from, to] (either may be null: open). */
    public static Statistics of(List<ArchiveItem> items, LocalDate from, LocalDate to) {
        boolean period = from != null || to != null;
        Map<String, Integer> type = new TreeMap<>();
        Map<String, Integer> province = new TreeMap<>();
        Map<YearMonth, Integer> month = new TreeMap<>();
        Map<String, Integer> institution = new TreeMap<>();
        int acts = 0;
        int undated = 0;
        int testimonies = 0;
        for (ArchiveItem item : items) {
            boolean counted = false;
            for (ArchiveItem.ActFact a : item.acts()) {
                if (period) {
                    if (a.start() == null) {
                        undated++;
                        continue;
                    }
                    if ((from != null && a.start().isBefore(from)) || (to != null && a.start().isAfter(to))) {
                        continue;
                    }
                }
                counted = true;
                acts++;
                type.merge(a.type(), 1, Integer::sum);
                province.merge(a.province(), 1, Integer::sum);
                if (a.month() != null) {
                    month.merge(a.month(), 1, Integer::sum);
                }
                if (a.institutions().isEmpty()) {
                    institution.merge("", 1, Integer::sum);
                }
                for (String i : a.institutions()) {
                    institution.merge(i, 1, Integer::sum);
                }
            }
            if (counted || !period) {
                testimonies++;
            }
        }
        return new Statistics(type, province, month, institution, acts, testimonies, from, to, undated);
    }

    private static <K extends Comparable<K>> Map<K, Integer> sorted(Map<K, Integer> m) {
        return Collections.unmodifiableMap(new TreeMap<>(m));
    }
}
