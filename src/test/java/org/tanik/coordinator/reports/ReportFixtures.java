package org.tanik.coordinator.reports;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tanik.coordinator.ArchivedTestimony;
import org.tanik.model.Act;
import org.tanik.model.Attachment;
import org.tanik.model.Confidential;
import org.tanik.model.Consent;
import org.tanik.model.ConsentMethod;
import org.tanik.model.ConsentScope;
import org.tanik.model.Incident;
import org.tanik.model.Interview;
import org.tanik.model.Interviewee;
import org.tanik.model.Marker;
import org.tanik.model.PartialDate;
import org.tanik.model.Perpetrator;
import org.tanik.model.Person;
import org.tanik.model.Place;
import org.tanik.model.Provenance;
import org.tanik.model.ReviewState;
import org.tanik.model.Sex;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;

/**
 * Testimonies for report tests, with a marker string in every confidential field: a marker found
 * in an export below FULL is a leak.
 */
final class ReportFixtures {

    static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    /** Every marker placed in a confidential field (victims' names included). */
    static final List<String> MARKERS = List.of("Qxintervieweename", "Qxcontact", "Qxinterviewer", "Qxpresent",
            "Qxperpname", "Qxvictimone", "Qxvictimtwo", "Qxfilename", "Qxtakenby");

    private ReportFixtures() {
    }

    /**
     * A sealed testimony whose confidential fields all hold a marker, and whose narrative names
     * the victim (in another case and with the Turkish dotted capital I).
     */
    static ArchivedTestimony marked(String id, String title, String victimName) {
        Act act = new Act("detention", PartialDate.exact(LocalDate.of(2017, 3, 14)), PartialDate.exact(LocalDate.of(2017, 3, 20)),
                new Place("34", "Kadıköy", "Emniyet"),
                List.of(new Person(victimName, Sex.FEMALE, 1980, "teacher"),
                        new Person("Qxvictimtwo Öztürk", Sex.MALE, null, "judge")),
                List.of(new Perpetrator("police", "TEM Şube", "Komiser", "Qxperpname Kaya")),
                "Notes say " + victimName + " was taken.", true);
        Act second = new Act("torture", PartialDate.exact(LocalDate.of(2017, 4, 2)), PartialDate.UNKNOWN, new Place("06", "", ""),
                List.of(new Person(victimName, Sex.FEMALE, 1980, "teacher")), List.of(), "", false);
        Attachment file = new Attachment("att-1", "a".repeat(64), 10, "Qxfilename_statement.jpg", "image/jpeg",
                "Photo of the form", NOW, List.of(new Marker(1000, "says the name")));
        Consent consent = new Consent(ConsentMethod.WRITTEN, NOW, "Qxtakenby Demir",
                List.of(ConsentScope.DOCUMENTATION, ConsentScope.REPORTS_ANONYMOUS), "att-1", "Only anonymous reports");
        TestimonyContent content = new TestimonyContent(title,
                new Interview(LocalDate.of(2022, 2, 8), "Köln", "Qxinterviewer Yıldız", List.of("tr"), "Qxpresent Aslan"),
                new Interviewee("Qxintervieweename Çelik", "+90 555 Qxcontact", "wife"),
                List.of(new Incident("Arrest of " + victimName, List.of(act, second))),
                "The witness says " + victimName.toUpperCase(java.util.Locale.ROOT) + " and "
                        + victimName.split(" ")[0].toLowerCase(java.util.Locale.ROOT)
                        + " were held. Qxintervieweename Çelik saw it.",
                consent, List.of(file));
        Testimony t = new Testimony(id, 1, Status.SEALED, NOW, NOW, NOW, content);
        Provenance p = new Provenance(id, 1, "fp-device", "bundle-1", 3, "b".repeat(64), NOW, NOW, NOW, "verified");
        return new ArchivedTestimony(List.of(new ArchivedTestimony.Version(t, p, false)),
                List.of(new ArchivedTestimony.Review(ReviewState.VERIFIED, null, "checked with " + victimName, NOW)));
    }

    /** "Record.component" of every confidential component reachable from TestimonyContent. */
    static Set<String> confidentialComponents() {
        Set<String> out = new TreeSet<>();
        walk(TestimonyContent.class, out, new java.util.HashSet<>());
        return out;
    }

    private static void walk(Class<?> type, Set<String> out, Set<Class<?>> seen) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.isAnnotationPresent(Confidential.class)) {
                out.add(type.getSimpleName() + "." + c.getName());
            }
            Type g = c.getGenericType();
            if (g instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> e) {
                walk(e, out, seen);
            } else {
                walk(c.getType(), out, seen);
            }
        }
    }
}
