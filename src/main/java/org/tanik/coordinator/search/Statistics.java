package org.tanik.coordinator.search;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tanik.coordinator.ArchiveItem;

/**
 * Counts of documented acts by type, by province and by month. They are counts of acts documented
 * in testimonies, not of violations: several sources may report the same act, and most acts are
 * never reported at all. Empty type or province counts as "" (unspecified).
 */
public record Statistics(Map<String, Integer> byType, Map<String, Integer> byProvince, Map<YearMonth, Integer> byMonth,
                         int acts, int testimonies) {

    public static Statistics of(List<ArchiveItem> items) {
        Map<String, Integer> type = new TreeMap<>();
        Map<String, Integer> province = new TreeMap<>();
        Map<YearMonth, Integer> month = new TreeMap<>();
        int acts = 0;
        for (ArchiveItem item : items) {
            for (ArchiveItem.ActFact a : item.acts()) {
                acts++;
                type.merge(a.type(), 1, Integer::sum);
                province.merge(a.province(), 1, Integer::sum);
                if (a.month() != null) {
                    month.merge(a.month(), 1, Integer::sum);
                }
            }
        }
        return new Statistics(type, province, month, acts, items.size());
    }
}
