package org.tanik.coordinator.reports;

import java.util.Set;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.model.ConsentScope;

/**
 * The consent rule of exports, in one place: a testimony goes into an export only when its latest
 * version's consent allows that use.
 *
 * <ul>
 *   <li>{@link RedactionLevel#FULL} (the organisation's own lawyers) needs {@link ConsentScope#DOCUMENTATION};</li>
 *   <li>{@link RedactionLevel#CONFIDENTIAL} and {@link RedactionLevel#ANONYMISED} are reports: they need
 *       {@link ConsentScope#REPORTS_ANONYMOUS} or {@link ConsentScope#REPORTS_NAMED};</li>
 *   <li>statistics need {@link ConsentScope#DOCUMENTATION}.</li>
 * </ul>
 *
 * A testimony with no consent record at all (made before consent existed) goes only into
 * {@link RedactionLevel#FULL} exports and statistics: nobody asked the witness about reports, so
 * nothing may be assumed.
 */
public final class ExportConsent {

    private ExportConsent() {
    }

    /** Whether a testimony whose latest consent covers {@code consent} (null: no record) goes into an export at this level. */
    public static boolean allows(Set<ConsentScope> consent, RedactionLevel level) {
        if (consent == null) {
            return level == RedactionLevel.FULL;
        }
        return switch (level) {
            case FULL -> consent.contains(ConsentScope.DOCUMENTATION);
            case CONFIDENTIAL, ANONYMISED -> consent.contains(ConsentScope.REPORTS_ANONYMOUS)
                    || consent.contains(ConsentScope.REPORTS_NAMED);
        };
    }

    public static boolean allows(ArchiveItem item, RedactionLevel level) {
        return allows(item.consent(), level);
    }

    /** Whether a testimony whose latest consent covers {@code consent} (null: no record) is counted in statistics. */
    public static boolean allowsStatistics(Set<ConsentScope> consent) {
        return consent == null || consent.contains(ConsentScope.DOCUMENTATION);
    }

    public static boolean allowsStatistics(ArchiveItem item) {
        return allowsStatistics(item.consent());
    }
}
