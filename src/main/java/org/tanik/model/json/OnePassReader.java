package org.tanik.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tanik.model.Act;
import org.tanik.model.DatePrecision;
import org.tanik.model.Incident;
import org.tanik.model.Interview;
import org.tanik.model.Interviewee;
import org.tanik.model.PartialDate;
import org.tanik.model.Perpetrator;
import org.tanik.model.Person;
import org.tanik.model.Place;
import org.tanik.model.Sex;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;

/**
 * The fast path of {@link TestimonyCodec#readStrict}: binds a record in one pass over the token stream,
 * without a tree or databind. It accepts only the plain shape that the codec writes: every field known,
 * none repeated, each value of its own JSON type (text as a string or null, the birth year as an int or
 * null, the interview date and the sex in their canonical spellings), the metadata as the strict path
 * demands, and nothing after the object.
 *
 * <p>It answers null for anything else, including inputs the strict path would still accept (a number
 * where text is expected, an unusual date spelling). The codec then takes its full strict path, which
 * alone decides between acceptance, {@code INVALID} and {@code DUPLICATE_KEY}. So the fast path never
 * has to classify an error, and what it accepts it must build exactly as the strict path would: a
 * subset of the strict path's inputs with the same results (RecordParseDifferentialTest checks this).
 */
final class OnePassReader {

    /** Not an error: "take the strict path". Shared and without a stack trace, so it costs nothing. */
    private static final class NotPlain extends Exception {
        private static final long serialVersionUID = 1L;

        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();

    private OnePassReader() {
    }

    /** The testimony, or null when the record is not in the plain shape (or not valid at all). Never throws. */
    static Testimony read(byte[] json) {
        if (!StrictTree.startsAsUtf8(json)) {
            return null; // a byte-order mark or UTF-16/32: the strict path refuses it
        }
        try (JsonParser p = StrictTree.FACTORY.createParser(json)) {
            Testimony t = testimony(p);
            return p.nextToken() == null ? t : null;
        } catch (NotPlain | IOException | RuntimeException e) {
            // Syntax errors, Jackson's limits, unknown enum names, the model's own validation: the strict
            // path will say which.
            return null;
        }
    }

    private static Testimony testimony(JsonParser p) throws IOException, NotPlain {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        int seen = 0;
        String id = null;
        int version = 0;
        Status status = null;
        Instant createdAt = null;
        Instant updatedAt = null;
        Instant sealedAt = null;
        String title = null;
        Interview interview = null;
        Interviewee interviewee = null;
        List<Incident> incidents = null;
        String narrative = null;
        while (nextField(p)) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "id" -> { seen = once(seen, 1); id = requiredText(p, v); }
                case "version" -> {
                    seen = once(seen, 1 << 1);
                    expect(v, JsonToken.VALUE_NUMBER_INT);
                    if (p.getNumberType() != JsonParser.NumberType.INT || p.getIntValue() < 1) {
                        throw NOT_PLAIN;
                    }
                    version = p.getIntValue();
                }
                case "status" -> {
                    seen = once(seen, 1 << 2);
                    status = Status.valueOf(requiredText(p, v)); // as the strict path: exact names
                }
                case "createdAt" -> { seen = once(seen, 1 << 3); createdAt = instant(requiredText(p, v)); }
                case "updatedAt" -> { seen = once(seen, 1 << 4); updatedAt = instant(requiredText(p, v)); }
                case "sealedAt" -> {
                    seen = once(seen, 1 << 5);
                    sealedAt = v == JsonToken.VALUE_NULL ? null : instant(requiredText(p, v));
                }
                case "title" -> { seen = once(seen, 1 << 6); title = text(p, v); }
                case "interview" -> {
                    seen = once(seen, 1 << 7);
                    interview = v == JsonToken.VALUE_NULL ? null : interview(p, v);
                }
                case "interviewee" -> {
                    seen = once(seen, 1 << 8);
                    interviewee = v == JsonToken.VALUE_NULL ? null : interviewee(p, v);
                }
                case "incidents" -> {
                    seen = once(seen, 1 << 9);
                    incidents = v == JsonToken.VALUE_NULL ? null : list(p, v, OnePassReader::incident);
                }
                case "narrative" -> { seen = once(seen, 1 << 10); narrative = text(p, v); }
                default -> throw NOT_PLAIN;
            }
        }
        if ((seen & 0b11_1111) != 0b11_1111) { // all six metadata fields are required (sealedAt may be null)
            throw NOT_PLAIN;
        }
        return new Testimony(id, version, status, createdAt, updatedAt, sealedAt,
                new TestimonyContent(title, interview, interviewee, incidents, narrative));
    }

    private static Interview interview(JsonParser p, JsonToken start) throws IOException, NotPlain {
        expect(start, JsonToken.START_OBJECT);
        int seen = 0;
        LocalDate date = null;
        String place = null;
        String interviewer = null;
        List<String> languages = null;
        String present = null;
        while (nextField(p)) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "date" -> {
                    seen = once(seen, 1);
                    date = v == JsonToken.VALUE_NULL ? null : localDate(requiredText(p, v));
                }
                case "place" -> { seen = once(seen, 1 << 1); place = text(p, v); }
                case "interviewer" -> { seen = once(seen, 1 << 2); interviewer = text(p, v); }
                case "languages" -> {
                    seen = once(seen, 1 << 3);
                    languages = v == JsonToken.VALUE_NULL ? null : texts(p, v);
                }
                case "present" -> { seen = once(seen, 1 << 4); present = text(p, v); }
                default -> throw NOT_PLAIN;
            }
        }
        return new Interview(date, place, interviewer, languages, present);
    }

    private static Interviewee interviewee(JsonParser p, JsonToken start) throws IOException, NotPlain {
        String[] f = textFields(p, start, "name", "contact", "relation");
        return new Interviewee(f[0], f[1], f[2]);
    }

    private static Incident incident(JsonParser p, JsonToken start) throws IOException, NotPlain {
        expect(start, JsonToken.START_OBJECT); // a null element would fail the model's List.copyOf
        int seen = 0;
        String label = null;
        List<Act> acts = null;
        while (nextField(p)) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "label" -> { seen = once(seen, 1); label = text(p, v); }
                case "acts" -> {
                    seen = once(seen, 1 << 1);
                    acts = v == JsonToken.VALUE_NULL ? null : list(p, v, OnePassReader::act);
                }
                default -> throw NOT_PLAIN;
            }
        }
        return new Incident(label, acts);
    }

    private static Act act(JsonParser p, JsonToken start) throws IOException, NotPlain {
        expect(start, JsonToken.START_OBJECT);
        int seen = 0;
        String type = null;
        PartialDate from = null;
        PartialDate to = null;
        Place place = null;
        List<Person> victims = null;
        List<Perpetrator> perpetrators = null;
        String notes = null;
        boolean sensitiveDates = false;
        while (nextField(p)) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "type" -> { seen = once(seen, 1); type = text(p, v); }
                case "start" -> {
                    seen = once(seen, 1 << 1);
                    from = v == JsonToken.VALUE_NULL ? null : partialDate(requiredText(p, v));
                }
                case "end" -> {
                    seen = once(seen, 1 << 2);
                    to = v == JsonToken.VALUE_NULL ? null : partialDate(requiredText(p, v));
                }
                case "place" -> { seen = once(seen, 1 << 3); place = v == JsonToken.VALUE_NULL ? null : place(p, v); }
                case "victims" -> {
                    seen = once(seen, 1 << 4);
                    victims = v == JsonToken.VALUE_NULL ? null : list(p, v, OnePassReader::person);
                }
                case "perpetrators" -> {
                    seen = once(seen, 1 << 5);
                    perpetrators = v == JsonToken.VALUE_NULL ? null : list(p, v, OnePassReader::perpetrator);
                }
                case "notes" -> { seen = once(seen, 1 << 6); notes = text(p, v); }
                case "sensitiveDates" -> {
                    seen = once(seen, 1 << 7);
                    // Only a JSON boolean is plain; anything else is the strict path's to judge.
                    if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
                        throw NOT_PLAIN;
                    }
                    sensitiveDates = v == JsonToken.VALUE_TRUE;
                }
                default -> throw NOT_PLAIN;
            }
        }
        return new Act(type, from, to, place, victims, perpetrators, notes, sensitiveDates);
    }

    private static Place place(JsonParser p, JsonToken start) throws IOException, NotPlain {
        String[] f = textFields(p, start, "province", "district", "facility");
        return new Place(f[0], f[1], f[2]);
    }

    private static Person person(JsonParser p, JsonToken start) throws IOException, NotPlain {
        expect(start, JsonToken.START_OBJECT);
        int seen = 0;
        String name = null;
        Sex sex = null;
        Integer birthYear = null;
        String occupation = null;
        while (nextField(p)) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "name" -> { seen = once(seen, 1); name = text(p, v); }
                case "sex" -> {
                    seen = once(seen, 1 << 1);
                    // Exact names only; databind also reads an index such as "1" (left to the strict path).
                    sex = v == JsonToken.VALUE_NULL ? null : Sex.valueOf(requiredText(p, v));
                }
                case "birthYear" -> {
                    seen = once(seen, 1 << 2);
                    if (v != JsonToken.VALUE_NULL) {
                        expect(v, JsonToken.VALUE_NUMBER_INT);
                        if (p.getNumberType() != JsonParser.NumberType.INT) {
                            throw NOT_PLAIN;
                        }
                        birthYear = p.getIntValue();
                    }
                }
                case "occupation" -> { seen = once(seen, 1 << 3); occupation = text(p, v); }
                default -> throw NOT_PLAIN;
            }
        }
        return new Person(name, sex, birthYear, occupation);
    }

    private static Perpetrator perpetrator(JsonParser p, JsonToken start) throws IOException, NotPlain {
        String[] f = textFields(p, start, "institution", "unit", "rank", "name");
        return new Perpetrator(f[0], f[1], f[2], f[3]);
    }

    /** Reads one element of an array, from its first token. */
    private interface Element<T> {
        T read(JsonParser p, JsonToken start) throws IOException, NotPlain;
    }

    private static <T> List<T> list(JsonParser p, JsonToken start, Element<T> element) throws IOException, NotPlain {
        expect(start, JsonToken.START_ARRAY);
        List<T> out = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            out.add(element.read(p, e));
        }
        return out;
    }

    private static List<String> texts(JsonParser p, JsonToken start) throws IOException, NotPlain {
        // A null element would fail the model's List.copyOf: requiredText refuses it here.
        return list(p, start, OnePassReader::requiredText);
    }

    /** Whether another field follows in the current object (false at its end). */
    private static boolean nextField(JsonParser p) throws IOException, NotPlain {
        JsonToken t = p.nextToken();
        if (t == JsonToken.FIELD_NAME) {
            return true;
        }
        expect(t, JsonToken.END_OBJECT); // Jackson yields nothing else inside an object, but make sure
        return false;
    }

    /**
     * An object whose fields are all optional text, each at most once and none other: the values
     * in the order of {@code names} (null for a field absent or null).
     */
    private static String[] textFields(JsonParser p, JsonToken start, String... names) throws IOException, NotPlain {
        expect(start, JsonToken.START_OBJECT);
        String[] values = new String[names.length];
        int seen = 0;
        while (nextField(p)) {
            int i = java.util.Arrays.asList(names).indexOf(p.currentName());
            JsonToken v = p.nextToken();
            if (i < 0) {
                throw NOT_PLAIN;
            }
            seen = once(seen, 1 << i);
            values[i] = text(p, v);
        }
        return values;
    }

    /** Marks a field as read; a second occurrence is a repeated key, for the strict path to report. */
    private static int once(int seen, int bit) throws NotPlain {
        if ((seen & bit) != 0) {
            throw NOT_PLAIN;
        }
        return seen | bit;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws NotPlain {
        if (actual != expected) {
            throw NOT_PLAIN;
        }
    }

    /** A string, or null (which the model turns into ""); databind would also coerce numbers and booleans. */
    private static String text(JsonParser p, JsonToken v) throws IOException, NotPlain {
        return v == JsonToken.VALUE_NULL ? null : requiredText(p, v);
    }

    private static String requiredText(JsonParser p, JsonToken v) throws IOException, NotPlain {
        expect(v, JsonToken.VALUE_STRING);
        return p.getText();
    }

    private static Instant instant(String s) throws NotPlain {
        Instant t = CanonicalInstant.parse(s);
        if (t == null) {
            throw NOT_PLAIN;
        }
        return t;
    }

    /**
     * "YYYY-MM-DD" only, which the JSR-310 deserializer hands to {@code LocalDate.parse}: for that shape the
     * same as {@code LocalDate.of} (which throws for 2019-02-30, leaving through bind's catch). The
     * deserializer also trims and reads other spellings; those go to the strict path.
     */
    private static LocalDate localDate(String s) throws NotPlain {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            throw NOT_PLAIN;
        }
        int year = CanonicalInstant.number(s, 0, 4);
        int month = CanonicalInstant.number(s, 5, 7);
        int day = CanonicalInstant.number(s, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            throw NOT_PLAIN;
        }
        return LocalDate.of(year, month, day);
    }

    /**
     * {@link PartialDate#parse}, PartialDate's JSON creator, to which databind hands any string as is. The
     * spellings it writes are read here without java.time's formatter, with the same result: "YYYY" is
     * {@code year(Integer.parseInt)} there too, and for "YYYY-MM" and "YYYY-MM-DD" java.time's strict
     * parsers and the constructor's own check accept the same digits (an invalid date throws either way).
     */
    private static PartialDate partialDate(String s) {
        int n = s.length();
        int year = n == 4 || n == 7 || n == 10 ? CanonicalInstant.number(s, 0, 4) : -1;
        if (year >= 0 && n == 4) {
            return PartialDate.year(year);
        }
        int month = year >= 0 && s.charAt(4) == '-' ? CanonicalInstant.number(s, 5, 7) : -1;
        if (month >= 0 && n == 7) {
            return PartialDate.month(year, month);
        }
        int day = month >= 0 && s.charAt(7) == '-' ? CanonicalInstant.number(s, 8, 10) : -1;
        if (day >= 0) {
            return new PartialDate(DatePrecision.EXACT, year, month, day);
        }
        return PartialDate.parse(s);
    }
}
