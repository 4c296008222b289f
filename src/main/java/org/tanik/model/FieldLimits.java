package org.tanik.model;

import java.util.List;
import java.util.Optional;

/**
 * How long a testimony's fields may be, in characters, and how many items its lists may hold: the
 * one rule, checked where a volunteer saves and where a coordinator imports. Generous for real
 * testimonies (a narrative of a million characters is a book), small enough that nobody can hand
 * a coordinator a 15 MB title.
 */
public final class FieldLimits {
    /** Title, names, places, codes and the other one-line fields. */
    public static final int SHORT = 1_000;
    /** An act's notes. */
    public static final int NOTES = 100_000;
    /** The narrative. */
    public static final int NARRATIVE = 1_000_000;
    /** Incidents, acts per incident, victims or perpetrators per act, interview languages. */
    public static final int ITEMS = 500;
    /**
     * Markers in one recording: one a minute is a lot; a marker every few seconds of a three-hour
     * interview still fits.
     */
    public static final int MARKERS = 5_000;

    /** A field beyond its limit: where it is (as in TestimonyCodec, e.g. incidents[0].acts[2].notes) and the limit. */
    public record Excess(String field, int limit) {
    }

    private FieldLimits() {
    }

    /** The first field of {@code c} beyond its limit, if any. */
    public static Optional<Excess> firstExcess(TestimonyContent c) {
        Check check = new Check();
        At root = At.ROOT;
        check.text(root, "title", c.title(), SHORT);
        check.text(root, "narrative", c.narrative(), NARRATIVE);
        Interview i = c.interview();
        At interview = root.field("interview");
        check.text(interview, "place", i.place(), SHORT);
        check.text(interview, "interviewer", i.interviewer(), SHORT);
        check.text(interview, "present", i.present(), SHORT);
        check.items(interview, "languages", i.languages(), ITEMS);
        for (int l = 0; l < Math.min(i.languages().size(), ITEMS); l++) {
            check.text(interview, "languages", l, i.languages().get(l));
        }
        Interviewee who = c.interviewee();
        At interviewee = root.field("interviewee");
        check.text(interviewee, "name", who.name(), SHORT);
        check.text(interviewee, "contact", who.contact(), SHORT);
        check.text(interviewee, "relation", who.relation(), SHORT);
        check.items(root, "incidents", c.incidents(), ITEMS);
        for (int n = 0; n < c.incidents().size() && check.found == null; n++) {
            Incident incident = c.incidents().get(n);
            At at = root.item("incidents", n);
            check.text(at, "label", incident.label(), SHORT);
            check.items(at, "acts", incident.acts(), ITEMS);
            for (int a = 0; a < incident.acts().size() && check.found == null; a++) {
                act(check, at.item("acts", a), incident.acts().get(a));
            }
        }
        consent(check, root.field("consent"), c.consent());
        check.items(root, "attachments", c.attachments(), ITEMS);
        for (int n = 0; n < Math.min(c.attachments().size(), ITEMS) && check.found == null; n++) {
            attachment(check, root.item("attachments", n), c.attachments().get(n));
        }
        return Optional.ofNullable(check.found);
    }

    private static void consent(Check check, At at, Consent consent) {
        if (consent != null) {
            check.text(at, "takenBy", consent.takenBy(), SHORT);
            check.text(at, "note", consent.note(), SHORT);
            check.text(at, "formAttachment", consent.formAttachment(), SHORT);
        }
    }

    private static void attachment(Check check, At at, Attachment a) {
        check.text(at, "id", a.id(), SHORT);
        check.text(at, "sha256", a.sha256(), SHORT);
        check.text(at, "fileName", a.fileName(), SHORT);
        check.text(at, "mediaType", a.mediaType(), SHORT);
        check.text(at, "caption", a.caption(), SHORT);
        check.items(at, "markers", a.markers(), MARKERS);
        for (int m = 0; m < Math.min(a.markers().size(), MARKERS) && check.found == null; m++) {
            check.text(at.item("markers", m), "label", a.markers().get(m).label(), SHORT);
        }
    }

    private static void act(Check check, At at, Act act) {
        check.text(at, "type", act.type(), SHORT);
        At place = at.field("place");
        check.text(place, "province", act.place().province(), SHORT);
        check.text(place, "district", act.place().district(), SHORT);
        check.text(place, "facility", act.place().facility(), SHORT);
        check.text(at, "notes", act.notes(), NOTES);
        check.items(at, "victims", act.victims(), ITEMS);
        for (int v = 0; v < act.victims().size() && check.found == null; v++) {
            Person p = act.victims().get(v);
            At victim = at.item("victims", v);
            check.text(victim, "name", p.name(), SHORT);
            check.text(victim, "occupation", p.occupation(), SHORT);
        }
        check.items(at, "perpetrators", act.perpetrators(), ITEMS);
        for (int p = 0; p < act.perpetrators().size() && check.found == null; p++) {
            Perpetrator who = act.perpetrators().get(p);
            At w = at.item("perpetrators", p);
            check.text(w, "institution", who.institution(), SHORT);
            check.text(w, "unit", who.unit(), SHORT);
            check.text(w, "rank", who.rank(), SHORT);
            check.text(w, "name", who.name(), SHORT);
        }
    }

    /**
     * Where a field is (an object or an item of a list), spelled as the codec names it only when an
     * excess is found: nearly every record has none, and spelling every field's name on the way cost
     * more than checking it, at every import.
     */
    private record At(At parent, String name, int index) {
        static final At ROOT = new At(null, null, -1);

        At field(String field) {
            return new At(this, field, -1);
        }

        At item(String list, int i) {
            return new At(this, list, i);
        }

        String path() {
            StringBuilder b = new StringBuilder();
            append(b);
            return b.toString();
        }

        private void append(StringBuilder b) {
            if (parent == null) {
                return;
            }
            parent.append(b);
            (b.isEmpty() ? b : b.append('.')).append(name);
            if (index >= 0) {
                b.append('[').append(index).append(']');
            }
        }
    }

    /** Remembers the first excess and ignores the rest. */
    private static final class Check {
        Excess found;

        void text(At at, String field, String value, int limit) {
            if (found == null && value != null && value.length() > limit) {
                found = new Excess(at.field(field).path(), limit);
            }
        }

        /** An item of a list of one-line texts, such as {@code interview.languages[2]}. */
        void text(At at, String list, int index, String value) {
            if (found == null && value != null && value.length() > SHORT) {
                found = new Excess(at.item(list, index).path(), SHORT);
            }
        }

        void items(At at, String field, List<?> list, int limit) {
            if (found == null && list.size() > limit) {
                found = new Excess(at.field(field).path(), limit);
            }
        }
    }
}
