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
        check.text("title", c.title(), SHORT);
        check.text("narrative", c.narrative(), NARRATIVE);
        Interview i = c.interview();
        check.text("interview.place", i.place(), SHORT);
        check.text("interview.interviewer", i.interviewer(), SHORT);
        check.text("interview.present", i.present(), SHORT);
        check.items("interview.languages", i.languages());
        for (int l = 0; l < Math.min(i.languages().size(), ITEMS); l++) {
            check.text("interview.languages[" + l + "]", i.languages().get(l), SHORT);
        }
        Interviewee who = c.interviewee();
        check.text("interviewee.name", who.name(), SHORT);
        check.text("interviewee.contact", who.contact(), SHORT);
        check.text("interviewee.relation", who.relation(), SHORT);
        check.items("incidents", c.incidents());
        for (int n = 0; n < c.incidents().size() && check.found == null; n++) {
            Incident incident = c.incidents().get(n);
            String at = "incidents[" + n + "]";
            check.text(at + ".label", incident.label(), SHORT);
            check.items(at + ".acts", incident.acts());
            for (int a = 0; a < incident.acts().size() && check.found == null; a++) {
                act(check, at + ".acts[" + a + "]", incident.acts().get(a));
            }
        }
        consent(check, c.consent());
        check.items("attachments", c.attachments());
        for (int n = 0; n < Math.min(c.attachments().size(), ITEMS) && check.found == null; n++) {
            attachment(check, "attachments[" + n + "]", c.attachments().get(n));
        }
        return Optional.ofNullable(check.found);
    }

    private static void consent(Check check, Consent consent) {
        if (consent != null) {
            check.text("consent.takenBy", consent.takenBy(), SHORT);
            check.text("consent.note", consent.note(), SHORT);
            check.text("consent.formAttachment", consent.formAttachment(), SHORT);
        }
    }

    private static void attachment(Check check, String at, Attachment a) {
        check.text(at + ".id", a.id(), SHORT);
        check.text(at + ".sha256", a.sha256(), SHORT);
        check.text(at + ".fileName", a.fileName(), SHORT);
        check.text(at + ".mediaType", a.mediaType(), SHORT);
        check.text(at + ".caption", a.caption(), SHORT);
        check.items(at + ".markers", a.markers(), MARKERS);
        for (int m = 0; m < Math.min(a.markers().size(), MARKERS) && check.found == null; m++) {
            check.text(at + ".markers[" + m + "].label", a.markers().get(m).label(), SHORT);
        }
    }

    private static void act(Check check, String at, Act act) {
        check.text(at + ".type", act.type(), SHORT);
        check.text(at + ".place.province", act.place().province(), SHORT);
        check.text(at + ".place.district", act.place().district(), SHORT);
        check.text(at + ".place.facility", act.place().facility(), SHORT);
        check.text(at + ".notes", act.notes(), NOTES);
        check.items(at + ".victims", act.victims());
        for (int v = 0; v < act.victims().size() && check.found == null; v++) {
            Person p = act.victims().get(v);
            check.text(at + ".victims[" + v + "].name", p.name(), SHORT);
            check.text(at + ".victims[" + v + "].occupation", p.occupation(), SHORT);
        }
        check.items(at + ".perpetrators", act.perpetrators());
        for (int p = 0; p < act.perpetrators().size() && check.found == null; p++) {
            Perpetrator who = act.perpetrators().get(p);
            String w = at + ".perpetrators[" + p + "]";
            check.text(w + ".institution", who.institution(), SHORT);
            check.text(w + ".unit", who.unit(), SHORT);
            check.text(w + ".rank", who.rank(), SHORT);
            check.text(w + ".name", who.name(), SHORT);
        }
    }

    /** Remembers the first excess and ignores the rest. */
    private static final class Check {
        Excess found;

        void text(String field, String value, int limit) {
            if (found == null && value != null && value.length() > limit) {
                found = new Excess(field, limit);
            }
        }

        void items(String field, List<?> list) {
            items(field, list, ITEMS);
        }

        void items(String field, List<?> list, int limit) {
            if (found == null && list.size() > limit) {
                found = new Excess(field, limit);
            }
        }
    }
}
