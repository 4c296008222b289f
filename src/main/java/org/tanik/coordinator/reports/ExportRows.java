package org.tanik.coordinator.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.tanik.coordinator.ArchivedTestimony;
import org.tanik.model.Act;
import org.tanik.model.Consent;
import org.tanik.model.ConsentScope;
import org.tanik.model.Incident;
import org.tanik.model.PartialDate;
import org.tanik.model.Perpetrator;
import org.tanik.model.Person;
import org.tanik.model.Provenance;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;

/**
 * The rows of a tabular export (CSV and JSON share them): one per testimony (its latest version)
 * and one per act. Every value is text: ISO dates with their precision in a {@code *_precision}
 * column ("2017-03" with "month"), codes as files carry them, several values joined with
 * {@value #SEPARATOR} (HURIDOCS Uwazi's multi-value separator). Column names are snake_case
 * without spaces and a {@code title} column comes first: the shape Uwazi's CSV import takes.
 * Columns are documented in {@code src/site/markdown/export-columns.md}.
 *
 * <p>The rows show what the testimony given holds: redaction happens before (see {@link Redaction}).
 * A list of people whose names were all removed is an empty cell, not a row of separators.
 */
public final class ExportRows {

    /** Between the values of a multi-value cell. */
    public static final String SEPARATOR = "|";
    /** What a {@value #SEPARATOR} inside one value becomes, so values never split wrongly. */
    static final String SEPARATOR_IN_VALUE = "/";

    private static final List<String> TESTIMONY_COLUMNS = List.of("title", "testimony_id", "version", "status",
            "sealed_at", "interview_date", "interview_place", "interviewer", "interview_languages", "people_present",
            "interviewee_name", "interviewee_contact", "interviewee_relation", "incidents", "acts", "violation_types",
            "provinces", "institutions", "victims", "narrative", "consent_method", "consent_given_at", "consent_taken_by",
            "consent_scopes",
            "consent_note", "attachments", "review_state", "device", "bundle_id", "bundle_sequence", "bundle_sha256",
            "verification", "received_at", "imported_at");

    private static final List<String> ACT_COLUMNS = List.of("title", "testimony_id", "version", "incident_number",
            "incident_label", "act_number", "violation_type", "start_date", "start_date_precision", "end_date",
            "end_date_precision", "sensitive_dates", "province", "district", "facility", "victims", "victim_sexes",
            "victim_birth_years", "victim_occupations", "perpetrator_institutions", "perpetrator_units",
            "perpetrator_ranks", "perpetrator_names", "notes", "review_state", "device");

    private ExportRows() {
    }

    /** The columns of a table, in order. */
    public static List<String> columns(TableRows table) {
        return table == TableRows.TESTIMONIES ? TESTIMONY_COLUMNS : ACT_COLUMNS;
    }

    /** The rows one testimony gives to a table: one testimony row, or one row per act. */
    public static List<Map<String, String>> rows(TableRows table, ArchivedTestimony t) {
        return table == TableRows.TESTIMONIES ? List.of(testimony(t)) : acts(t);
    }

    /** The testimony's row (its latest version). */
    public static Map<String, String> testimony(ArchivedTestimony archived) {
        ArchivedTestimony.Version latest = latest(archived);
        Testimony t = latest.testimony();
        TestimonyContent c = t.content();
        Provenance p = latest.provenance();
        Set<String> types = new LinkedHashSet<>();
        Set<String> provinces = new LinkedHashSet<>();
        Set<String> institutions = new LinkedHashSet<>();
        List<String> victims = new ArrayList<>();
        int acts = 0;
        for (Incident incident : c.incidents()) {
            for (Act act : incident.acts()) {
                acts++;
                addIfSet(types, act.type());
                addIfSet(provinces, act.place().province());
                act.perpetrators().forEach(x -> addIfSet(institutions, x.institution()));
                act.victims().forEach(v -> victims.add(v.name()));
            }
        }
        Consent consent = c.consent();
        Row row = new Row(TESTIMONY_COLUMNS);
        row.put("title", c.title());
        row.put("testimony_id", t.id());
        row.put("version", Integer.toString(t.version()));
        row.put("status", code(t.status()));
        row.put("sealed_at", instant(t.sealedAt()));
        row.put("interview_date", date(c.interview().date()));
        row.put("interview_place", c.interview().place());
        row.put("interviewer", c.interview().interviewer());
        row.put("interview_languages", join(c.interview().languages()));
        row.put("people_present", c.interview().present());
        row.put("interviewee_name", c.interviewee().name());
        row.put("interviewee_contact", c.interviewee().contact());
        row.put("interviewee_relation", c.interviewee().relation());
        row.put("incidents", Integer.toString(c.incidents().size()));
        row.put("acts", Integer.toString(acts));
        row.put("violation_types", join(types));
        row.put("provinces", join(provinces));
        row.put("institutions", join(institutions));
        row.put("victims", join(distinct(victims)));
        row.put("narrative", c.narrative());
        row.put("consent_method", consent == null ? "" : consent.method().code());
        row.put("consent_given_at", consent == null ? "" : instant(consent.givenAt()));
        row.put("consent_taken_by", consent == null ? "" : consent.takenBy());
        row.put("consent_scopes", consent == null ? "" : join(consent.scopes().stream().map(ConsentScope::code).toList()));
        row.put("consent_note", consent == null ? "" : consent.note());
        row.put("attachments", Integer.toString(c.attachments().size()));
        row.put("review_state", reviewState(archived));
        row.put("device", p == null ? "" : p.device());
        row.put("bundle_id", p == null ? "" : p.bundleId());
        row.put("bundle_sequence", p == null ? "" : Long.toString(p.sequence()));
        row.put("bundle_sha256", p == null ? "" : p.bundleSha256());
        row.put("verification", p == null ? "" : p.verification());
        row.put("received_at", p == null ? "" : instant(p.receivedAt()));
        row.put("imported_at", p == null ? "" : instant(p.importedAt()));
        return row.done();
    }

    /** One row per act of the testimony's latest version, in order. */
    public static List<Map<String, String>> acts(ArchivedTestimony archived) {
        ArchivedTestimony.Version latest = latest(archived);
        Testimony t = latest.testimony();
        TestimonyContent c = t.content();
        String review = reviewState(archived);
        String device = latest.provenance() == null ? "" : latest.provenance().device();
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < c.incidents().size(); i++) {
            Incident incident = c.incidents().get(i);
            for (int j = 0; j < incident.acts().size(); j++) {
                Act act = incident.acts().get(j);
                Row row = new Row(ACT_COLUMNS);
                row.put("title", c.title());
                row.put("testimony_id", t.id());
                row.put("version", Integer.toString(t.version()));
                row.put("incident_number", Integer.toString(i + 1));
                row.put("incident_label", incident.label());
                row.put("act_number", Integer.toString(j + 1));
                row.put("violation_type", act.type());
                row.put("start_date", act.start().toString());
                row.put("start_date_precision", precision(act.start()));
                row.put("end_date", act.end().toString());
                row.put("end_date_precision", precision(act.end()));
                row.put("sensitive_dates", Boolean.toString(act.sensitiveDates()));
                row.put("province", act.place().province());
                row.put("district", act.place().district());
                row.put("facility", act.place().facility());
                row.put("victims", each(act.victims(), Person::name));
                row.put("victim_sexes", each(act.victims(), v -> code(v.sex())));
                row.put("victim_birth_years", each(act.victims(),
                        v -> v.birthYear() == null ? "" : v.birthYear().toString()));
                row.put("victim_occupations", each(act.victims(), Person::occupation));
                row.put("perpetrator_institutions", each(act.perpetrators(), Perpetrator::institution));
                row.put("perpetrator_units", each(act.perpetrators(), Perpetrator::unit));
                row.put("perpetrator_ranks", each(act.perpetrators(), Perpetrator::rank));
                row.put("perpetrator_names", each(act.perpetrators(), Perpetrator::name));
                row.put("notes", act.notes());
                row.put("review_state", review);
                row.put("device", device);
                out.add(row.done());
            }
        }
        return out;
    }

    private static ArchivedTestimony.Version latest(ArchivedTestimony t) {
        if (t.versions().isEmpty()) {
            throw new IllegalArgumentException("an archived testimony without versions");
        }
        return t.versions().get(t.versions().size() - 1);
    }

    private static String reviewState(ArchivedTestimony t) {
        return t.history().isEmpty() ? "new" : code(t.history().get(t.history().size() - 1).state());
    }

    /**
     * One value per item, in order and kept aligned (the n-th sex is the n-th victim's), so blanks
     * stay in place; a cell where every value is blank is empty.
     */
    private static <T> String each(List<T> items, Function<T, String> value) {
        List<String> values = items.stream().map(value).toList();
        return values.stream().allMatch(String::isBlank) ? "" : join(values);
    }

    private static String join(Collection<String> values) {
        List<String> safe = values.stream().map(v -> v.replace(SEPARATOR, SEPARATOR_IN_VALUE)).toList();
        return String.join(SEPARATOR, safe);
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().filter(v -> !v.isBlank()).distinct().toList();
    }

    private static void addIfSet(Set<String> set, String value) {
        if (!value.isEmpty()) {
            set.add(value);
        }
    }

    private static String precision(PartialDate d) {
        return code(d.precision());
    }

    private static String code(Enum<?> e) {
        return e == null ? "" : e.name().toLowerCase(Locale.ROOT);
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static String instant(Instant i) {
        return i == null ? "" : i.toString();
    }

    /** A row filled column by column; refuses a column the table does not declare, and a missing one. */
    private static final class Row {
        private final List<String> columns;
        private final Map<String, String> values = new LinkedHashMap<>();

        Row(List<String> columns) {
            this.columns = columns;
        }

        void put(String column, String value) {
            if (!columns.get(values.size()).equals(column)) {
                throw new IllegalStateException("column out of order: " + column);
            }
            values.put(column, value == null ? "" : value);
        }

        Map<String, String> done() {
            if (values.size() != columns.size()) {
                throw new IllegalStateException("row incomplete");
            }
            return values;
        }
    }
}
