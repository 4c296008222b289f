package org.tanik.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.tanik.bundle.BundleException.Reason;
import org.tanik.model.Act;
import org.tanik.model.Incident;
import org.tanik.model.Interview;
import org.tanik.model.Interviewee;
import org.tanik.model.Json;
import org.tanik.model.PartialDate;
import org.tanik.model.Perpetrator;
import org.tanik.model.Person;
import org.tanik.model.Place;
import org.tanik.model.Sex;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.model.json.JsonRefusal;
import org.tanik.model.json.StrictModeProbe;
import org.tanik.model.json.TestimonyCodec;

/**
 * The bundle's record reading (the codec's strict mode behind {@link TestimonyRecords#parse}) against a
 * frozen copy of the tree-based one ({@link ReferenceRecordParser}, an independent reading of the
 * specification): valid records, mutated at the JSON and at the byte level, must give the same testimony
 * or the same reason and detail. Each stage of the strict mode must agree on its own: the full path
 * alone, and the one-pass reader, which must never accept what the full path refuses nor build anything
 * else than it builds. And what the strict mode accepts, the lenient mode reads as the same testimony.
 */
class RecordParseDifferentialTest {

    private static final List<BundleEntry> RECORDS = records();
    private static final ObjectMapper MAPPER = Json.mapper();

    private static List<BundleEntry> records() {
        List<Testimony> all = new ArrayList<>(Fixtures.testimonies(12, 5));
        Instant t = Instant.parse("2023-11-02T08:15:30.5Z");
        all.add(new Testimony("00000000-0000-4000-8000-000000000001", 1, Status.DRAFT, t, t, null,
                TestimonyContent.empty()));
        // Nulls the model normalises, a year 0, escapes, control and astral characters, a nine-digit version.
        List<Person> victims = List.of(new Person(null, null, null, null), new Person("Ayşe", Sex.FEMALE, 0, ""));
        Act act = new Act("arrest", PartialDate.year(2016), PartialDate.exact(LocalDate.of(2017, 2, 28)),
                new Place("34", "", "Metris \"B\" blok"), victims, List.of(Perpetrator.empty()),
                "tab\tnewline\ncontrol\u0001 quote\" backslash\\ emoji 😀 العربية");
        TestimonyContent content = new TestimonyContent("", new Interview(null, "", "", List.of("tr", "ku"), ""),
                Interviewee.empty(), List.of(new Incident("", List.of(act, Act.empty())), Incident.empty()),
                "\u2028\u2029 \\u0041");
        all.add(new Testimony("0123abcd-0000-4000-8000-00000000ffff", 123456789, Status.SEALED, t, t.plusNanos(1),
                t.plusSeconds(1), content));
        return TestimonyRecords.toEntries(all);
    }

    /** What a parse came to: the testimony, or the reason and detail of the refusal. */
    record Outcome(Testimony testimony, Reason reason, String detail) {
    }

    interface Parse {
        Testimony parse(String path, byte[] json) throws BundleException;
    }

    private static Outcome outcome(Parse parser, String path, byte[] json) {
        try {
            return new Outcome(parser.parse(path, json), null, null);
        } catch (BundleException e) {
            assertThat(e.getMessage()).isEqualTo(e.reason().name());
            assertThat(e.getCause()).isNull();
            return new Outcome(null, e.reason(), e.detail());
        }
    }

    private static String check(String path, byte[] json, String what) {
        Outcome expected = outcome(ReferenceRecordParser::parse, path, json);
        Outcome actual = outcome(TestimonyRecords::parse, path, json);
        assertThat(actual).as(what).isEqualTo(expected);
        Testimony full;
        JsonRefusal.Kind refused = null;
        try {
            full = StrictModeProbe.fully(json);
        } catch (JsonRefusal e) {
            full = null;
            refused = e.kind();
        }
        if (EntryPaths.isRecord(path)) { // the full path alone, where the path lets the reference read at all
            if (expected.testimony() != null) {
                assertThat(full).as("full path: " + what).isEqualTo(expected.testimony());
            }
            assertThat(refused == JsonRefusal.Kind.DUPLICATE_KEY).as("full path, repeated key: " + what)
                    .isEqualTo(expected.reason() == Reason.DUPLICATE_KEY);
        }
        Testimony fast = StrictModeProbe.onePass(json);
        if (fast != null) {
            assertThat(fast).as("fast path accepted: " + what).isEqualTo(full);
        }
        if (expected.testimony() != null) { // the lenient mode reads every valid record alike
            assertThat(TestimonyCodec.readLenient(json)).as("lenient: " + what).isEqualTo(expected.testimony());
            assertThat(TestimonyCodec.readContent(json)).as("lenient content: " + what)
                    .isEqualTo(expected.testimony().content());
        }
        String kind = expected.testimony() != null ? (fast != null ? "accepted (fast)" : "accepted (strict)")
                : expected.reason().name();
        Statistics.label("outcome").collect(kind);
        return kind;
    }

    @Example
    void unchangedRecordsTakeTheFastPath() {
        for (BundleEntry e : RECORDS) {
            assertThat(check(e.path(), e.content(), e.path())).isEqualTo("accepted (fast)");
            byte[] compact = new Mutant(e, new Random(0)).json(false);
            assertThat(check(e.path(), compact, e.path())).isEqualTo("accepted (fast)");
        }
    }

    @Property(tries = 2000)
    void sameOutcomeAsTheTreeParser(@ForAll long seed) {
        Random random = new Random(seed);
        BundleEntry base = RECORDS.get(random.nextInt(RECORDS.size()));
        Mutant m = new Mutant(base, random);
        int edits = random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            m.mutate();
        }
        byte[] json = m.json(random.nextBoolean());
        if (random.nextInt(4) == 0) {
            json = m.damage(json);
        }
        String path = base.path();
        if (random.nextInt(20) == 0) {
            path = RECORDS.get(random.nextInt(RECORDS.size())).path();
        } else if (random.nextInt(20) == 0) {
            String[] others = {path.toUpperCase(), path.replace("/v", "/v0"), path.replace(".json", "0.json"),
                path + " ", "attachments/" + path.substring(EntryPaths.RECORDS.length(), path.lastIndexOf('/'))};
            path = others[random.nextInt(others.length)];
        }
        check(path, json, "seed " + seed + ": " + m.log);
    }

    /** Every listed spelling of every field with its own rules, at its first place in every record. */
    @Example
    void everySpellingOfEveryRuledField() {
        for (BundleEntry e : RECORDS) {
            for (Map.Entry<String, String[]> rule : SPECIFIC.entrySet()) {
                for (String spelling : rule.getValue()) {
                    Mutant m = new Mutant(e, new Random(0));
                    if (m.respellFirst(rule.getKey(), spelling)) {
                        check(e.path(), m.json(true), m.log.toString());
                    }
                }
            }
        }
    }

    /** The path is checked apart from the content (the codec knows no paths): the same paths must pass. */
    @Example
    void recordsUnderOtherPaths() {
        BundleEntry e = RECORDS.get(0);
        String text = new String(e.content(), StandardCharsets.UTF_8);
        String id = e.path().substring(EntryPaths.RECORDS.length(), EntryPaths.RECORDS.length() + 36);
        String version = e.path().substring(e.path().lastIndexOf("/v") + 2, e.path().length() - ".json".length());
        String[][] cases = {
            // {path, text with the version replaced by, id replaced by}
            {"records/" + id + "/v1234567890.json", "1234567890", id},
            {"records/" + id + "/v999999999.json", "999999999", id},
            {"records/" + id + "/v2147483647.json", "2147483647", id},
            {"records/" + id.toUpperCase() + "/v" + version + ".json", version, id.toUpperCase()},
            {"records/" + id.replace('-', '_') + "/v" + version + ".json", version, id.replace('-', '_')},
            {"records/" + id + "x/v" + version + ".json", version, id + "x"},
            {"records/" + id + "/v0" + version + ".json", version, id},
            {"records/" + id + "/v" + version + ".JSON", version, id},
            {"attachments/" + id, version, id},
            {e.path(), version, id},
        };
        for (String[] c : cases) {
            String edited = text.replaceFirst("\"version\" : \\d+", "\"version\" : " + c[1])
                    .replace("\"id\" : \"" + id + "\"", "\"id\" : \"" + c[2] + "\"");
            check(c[0], edited.getBytes(StandardCharsets.UTF_8), c[0]);
        }
        assertThat(check(e.path(), e.content(), e.path())).isEqualTo("accepted (fast)");
        assertThat(outcome(TestimonyRecords::parse, "records/" + id + "/v1234567890.json",
                text.replaceFirst("\"version\" : \\d+", "\"version\" : 1234567890").getBytes(StandardCharsets.UTF_8))
                .reason()).isEqualTo(Reason.UNSAFE_PATH);
    }

    /** Edits that each probe one rule, in both directions (the reference accepts or refuses). */
    @Example
    void namedEdits() {
        BundleEntry e = RECORDS.get(0);
        String text = new String(e.content(), StandardCharsets.UTF_8);
        String[][] edits = {
            {"\"title\" : \"[^\"]*\"", "\"title\" : 1"}, // databind turns a number into text
            {"\"title\" : \"[^\"]*\"", "\"title\" : 1e2"},
            {"\"title\" : \"[^\"]*\"", "\"title\" : true"},
            {"\"title\" : \"[^\"]*\"", "\"title\" : null"},
            {"\"title\" : \"[^\"]*\"", "\"title\" : []"},
            {"\"birthYear\" : \\d+", "\"birthYear\" : 1970.0"},
            {"\"birthYear\" : \\d+", "\"birthYear\" : \"1970\""},
            {"\"birthYear\" : \\d+", "\"birthYear\" : null"},
            {"\"birthYear\" : \\d+", "\"birthYear\" : 2147483648"},
            {"\"sex\" : \"[A-Z]+\"", "\"sex\" : \"1\""},
            {"\"sex\" : \"[A-Z]+\"", "\"sex\" : 1"},
            {"\"sex\" : \"[A-Z]+\"", "\"sex\" : \"male\""},
            {"\"sex\" : \"[A-Z]+\"", "\"sex\" : \"\""},
            {"\"start\" : \"[^\"]*\"", "\"start\" : 2017"},
            {"\"start\" : \"[^\"]*\"", "\"start\" : \" 2017\""},
            {"\"start\" : \"[^\"]*\"", "\"start\" : \"2017-3\""},
            {"\"end\" : \"\"", "\"end\" : \" \""},
            {"\"end\" : \"\"", "\"end\" : null"},
            {"\"date\" : \"[^\"]*\"", "\"date\" : \"2018-01-02T00:00:00Z\""},
            {"\"date\" : \"[^\"]*\"", "\"date\" : \" 2018-01-02\""},
            {"\"date\" : \"[^\"]*\"", "\"date\" : [2018, 1, 2]"},
            {"\"date\" : \"[^\"]*\"", "\"date\" : 17000"},
            {"\"date\" : \"[^\"]*\"", "\"date\" : \"\""},
            {"\"languages\" : \\[ \"tr\" \\]", "\"languages\" : [ \"tr\", null ]"},
            {"\"languages\" : \\[ \"tr\" \\]", "\"languages\" : \"tr\""},
            {"\"version\" : \\d+", "\"version\" : 1.0"},
            {"\"status\" : \"SEALED\"", "\"status\" : \"DRAFT\""},
            {"\"sealedAt\" : \"[^\"]+\"", "\"sealedAt\" : null"},
            {"\"sealedAt\" : \"[^\"]+\",", ""},
            {"\"title\" : ", "\"t\\u0069tle\" : "},
            {"\"narrative\" : ", "\"narrative\" : \"x\", \"narrative\" : "},
            {"\"name\" : ", "\"name\" : {\"a\": 1, \"a\": [}, \"name\" : "},
            {"\\}$", "} x"},
            {"\\}$", "}\n\t "},
        };
        for (String[] edit : edits) {
            String edited = text.replaceFirst(edit[0], java.util.regex.Matcher.quoteReplacement(edit[1]));
            assertThat(edited).as(edit[0]).isNotEqualTo(text);
            check(e.path(), edited.getBytes(StandardCharsets.UTF_8), edit[1]);
        }
    }

    // ---- A small JSON model that can hold repeated keys, and its mutations.

    private sealed interface J permits Obj, Arr, Raw {
    }

    /** An object as a list of fields, so a key can appear twice. */
    private record Obj(List<Map.Entry<String, J>> fields) implements J {
    }

    private record Arr(List<J> items) implements J {
    }

    /** A scalar as its JSON text. */
    private record Raw(String json) implements J {
    }

    private static final String[] ANY = {"null", "true", "false", "0", "-0", "1", "-1", "1.5", "1e2", "1.0", "\"\"",
        "\"x\"", "\"1\"", "[]", "{}", "[null]", "[\"x\"]", "{\"a\":1}", "2147483648", "1e400", "\" \"",
        "\"\\u0000\"", "\"\\ud800\"", "[[[]]]"};
    private static final String[] TIMES = {"\"2024-05-14T09:30:00Z\"", "\"2024-05-14T09:30:00.000Z\"",
        "\"2024-05-14T09:30Z\"", "\"2024-05-14T11:30:00+02:00\"", "\"2024-05-14t09:30:00z\"",
        "\"2024-05-14T09:30:00.123Z\"", "\"2024-05-14T09:30:00.123000Z\"", "\"+2024-05-14T09:30:00Z\"",
        "\" 2024-05-14T09:30:00Z\"", "0", "null", "\"\"", "\"2024-05-14T09:30:00.1Z\"", "\"2024-05-14T09:30:00.100Z\"",
        "\"2024-05-14T09:30:00.1234Z\"", "\"2024-05-14T24:00:00Z\"", "\"2016-12-31T23:59:60Z\"",
        "\"2023-02-29T00:00:00Z\"", "\"0000-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59.999999999Z\"",
        "\"+10000-01-01T00:00:00Z\""};
    private static final Map<String, String[]> SPECIFIC = Map.ofEntries(
            Map.entry("version", new String[] {"\"$\"", "$.0", "$e0", "$0", "-$", "0", "-1", "2147483648",
                "99999999999999999999", "null", "1", "2", "3"}),
            Map.entry("birthYear", new String[] {"\"$\"", "$.0", "$.5", "$e0", "-$", "null", "3000000000", "1e3",
                "0", "-0"}),
            Map.entry("date", new String[] {"\"2018-1-2\"", "\" 2018-01-02\"", "\"2018-01-02 \"",
                "\"2018-01-02T00:00:00Z\"", "\"2018-01-02T10:00:00\"", "\"+2018-01-02\"", "\"20180102\"",
                "\"2018-02-30\"", "\"\"", "\" \"", "null", "17000", "[2018,1,2]", "\"2018-01-02\"",
                "\"\u0662\u0660\u0661\u0668-\u0660\u0661-\u0660\u0662\"", "\"0000-01-01\"", "\"2018-W01-1\"",
                "\"2018-00-01\"", "\"2018-01-00\"", "\"1900-02-29\"", "\"2000-02-29\"", "\"2018/01/02\""}),
            Map.entry("start", partialDates()),
            Map.entry("end", partialDates()),
            Map.entry("sex", new String[] {"\"MALE\"", "\"male\"", "\"1\"", "1", "\"\"", "\" MALE\"", "null",
                "\"UNKNOWN\"", "\"OTHER\"", "3", "4", "\"4\"", "\"FEMALE\""}),
            Map.entry("status", new String[] {"\"SEALED\"", "\"DRAFT\"", "\"sealed\"", "\"Sealed\"", "\"0\"", "0",
                "null"}),
            Map.entry("createdAt", TIMES),
            Map.entry("updatedAt", TIMES),
            Map.entry("sealedAt", TIMES),
            Map.entry("id", new String[] {"\"$\"", "\"$ \"", "\"{$}\"", "null", "1",
                "\"00000000-0000-4000-8000-000000000001\"", "\"00000000-0000-4000-8000-00000000000\""}),
            Map.entry("languages", new String[] {"[]", "null", "[null]", "[\"tr\", 1]", "\"tr\"", "[\"tr\",\"en\"]",
                "[[]]", "[\"\"]"}),
            Map.entry("incidents", lists()),
            Map.entry("acts", lists()),
            Map.entry("victims", lists()),
            Map.entry("perpetrators", lists()),
            Map.entry("interview", objects()),
            Map.entry("interviewee", objects()),
            Map.entry("place", new String[] {"null", "{}", "[]", "\"\"", "1", "\"Köln\"", "{\"province\":null}"}));
    private static final String[] NAMES = {"unknown", "Title", "title ", "TITLE", "violationTypes", "empty",
        "isSealed", "sealed", "summary", "content", "earliest", "precision", "year", "", "id", "version",
        "narrative", "name", "sex", "date", "place", "label", "acts"};

    private static String[] partialDates() {
        return new String[] {"\"2017\"", "\"2017-03\"", "\"2017-03-14\"", "\"\"", "\" \"", "\" 2017\"", "\"2017-3\"",
            "\"2017-13\"", "\"2017-02-30\"", "\"17\"", "2017", "2017.0", "null", "\"0000\"", "\"-2017\"",
            "\"+2017\"", "\"2017-03-14T00:00:00Z\"", "{}", "[]", "\"2017-03-14 \"", "\"2017-00\"", "\"2017-03-00\"",
            "\"2017-00-14\"", "\"0000-02-29\"", "\"1900-02-29\"", "\"2017/03\"", "\"2017-03/14\""};
    }

    private static String[] lists() {
        return new String[] {"[]", "null", "[null]", "{}", "[{}]", "[1]", "\"\"", "[{}, {}]", "[[]]"};
    }

    private static String[] objects() {
        return new String[] {"null", "{}", "[]", "\"\"", "1", "{\"name\":null}", "{\"date\":null}"};
    }

    private static final class Mutant {
        private final J root;
        private final Random random;
        final List<String> log = new ArrayList<>();

        Mutant(BundleEntry e, Random random) {
            this.random = random;
            try {
                this.root = from(MAPPER.readTree(e.content()));
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }

        private static J from(JsonNode n) {
            if (n.isObject()) {
                List<Map.Entry<String, J>> fields = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> f = it.next();
                    fields.add(Map.entry(f.getKey(), from(f.getValue())));
                }
                return new Obj(fields);
            }
            if (n.isArray()) {
                List<J> items = new ArrayList<>();
                n.forEach(i -> items.add(from(i)));
                return new Arr(items);
            }
            return new Raw(n.toString());
        }

        /** Every object field, at any depth. */
        private List<Obj> objects() {
            List<Obj> out = new ArrayList<>();
            collect(root, out, new ArrayList<>());
            return out;
        }

        private List<Arr> arrays() {
            List<Arr> out = new ArrayList<>();
            collect(root, new ArrayList<>(), out);
            return out;
        }

        private static void collect(J j, List<Obj> objects, List<Arr> arrays) {
            if (j instanceof Obj o) {
                objects.add(o);
                o.fields().forEach(f -> collect(f.getValue(), objects, arrays));
            } else if (j instanceof Arr a) {
                arrays.add(a);
                a.items().forEach(i -> collect(i, objects, arrays));
            }
        }

        private <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }

        private Raw value(String key, J current) {
            String[] specific = SPECIFIC.get(key);
            if (specific != null && random.nextInt(4) != 0) {
                String v = pick(specific);
                if (v.contains("$") && current instanceof Raw r) {
                    // Variants of the present scalar: "$" is its text without quotes.
                    String bare = r.json().startsWith("\"") ? r.json().substring(1, r.json().length() - 1) : r.json();
                    v = v.replace("$", bare);
                }
                return new Raw(v.replace("$", "1"));
            }
            return new Raw(pick(ANY));
        }

        void mutate() {
            List<Obj> objects = objects();
            if (random.nextInt(3) == 0 && respell(objects)) {
                return;
            }
            Obj o = pick(objects);
            int kind = random.nextInt(12);
            if (o.fields().isEmpty() && kind < 8) {
                kind = 3;
            }
            switch (kind) {
                case 0, 1, 2 -> { // a value of the wrong type or spelling
                    int i = random.nextInt(o.fields().size());
                    Map.Entry<String, J> f = o.fields().get(i);
                    Raw v = value(f.getKey(), f.getValue());
                    o.fields().set(i, Map.entry(f.getKey(), v));
                    log.add(f.getKey() + "=" + v.json());
                }
                case 3 -> { // an unknown (or repeated) key
                    String name = pick(NAMES);
                    o.fields().add(random.nextInt(o.fields().size() + 1), Map.entry(name, value(name, null)));
                    log.add("add " + name);
                }
                case 4, 5 -> { // a repeated key, same or other value, before or after
                    Map.Entry<String, J> f = pick(o.fields());
                    J v = random.nextBoolean() ? f.getValue() : value(f.getKey(), f.getValue());
                    o.fields().add(random.nextInt(o.fields().size() + 1), Map.entry(f.getKey(), v));
                    log.add("repeat " + f.getKey());
                }
                case 6 -> { // a missing field
                    log.add("remove " + o.fields().remove(random.nextInt(o.fields().size())).getKey());
                }
                case 7 -> { // harmless: another order
                    Collections.shuffle(o.fields(), random);
                    log.add("shuffle");
                }
                case 8 -> { // a number written otherwise
                    mutateNumber();
                }
                case 9, 10 -> { // arrays: an element more, less, or null
                    List<Arr> arrays = arrays();
                    if (arrays.isEmpty()) {
                        return;
                    }
                    Arr a = pick(arrays);
                    int what = random.nextInt(3);
                    if (what == 0 && !a.items().isEmpty()) {
                        a.items().add(pick(a.items()));
                        log.add("array: repeat an element");
                    } else if (what == 1 && !a.items().isEmpty()) {
                        a.items().remove(random.nextInt(a.items().size()));
                        log.add("array: remove an element");
                    } else {
                        a.items().add(random.nextInt(a.items().size() + 1), new Raw(pick(ANY)));
                        log.add("array: insert an element");
                    }
                }
                default -> { // deep nesting, around Jackson's limit
                    int depth = pick(List.of(10, 999, 1000, 1001, 3000));
                    int i = random.nextInt(o.fields().size() + 1);
                    String name = i < o.fields().size() ? o.fields().get(i).getKey() : "deep";
                    Raw v = new Raw("[".repeat(depth) + "]".repeat(depth));
                    if (i < o.fields().size()) {
                        o.fields().set(i, Map.entry(name, v));
                    } else {
                        o.fields().add(Map.entry(name, v));
                    }
                    log.add("nest " + name + " " + depth);
                }
            }
        }

        /** Another spelling or type for one of the fields with their own rules (dates, times, enums, ...). */
        private boolean respell(List<Obj> objects) {
            List<Map.Entry<Obj, Integer>> special = new ArrayList<>();
            for (Obj o : objects) {
                for (int i = 0; i < o.fields().size(); i++) {
                    if (SPECIFIC.containsKey(o.fields().get(i).getKey())) {
                        special.add(Map.entry(o, i));
                    }
                }
            }
            if (special.isEmpty()) {
                return false;
            }
            Map.Entry<Obj, Integer> at = pick(special);
            Map.Entry<String, J> f = at.getKey().fields().get(at.getValue());
            Raw v = value(f.getKey(), f.getValue());
            at.getKey().fields().set(at.getValue(), Map.entry(f.getKey(), v));
            log.add(f.getKey() + "=" + v.json());
            return true;
        }

        /** Replaces the first value of {@code key} by {@code spelling} ("$" as in {@link #value}). */
        boolean respellFirst(String key, String spelling) {
            for (Obj o : objects()) {
                for (int i = 0; i < o.fields().size(); i++) {
                    Map.Entry<String, J> f = o.fields().get(i);
                    if (f.getKey().equals(key)) {
                        String v = spelling;
                        if (f.getValue() instanceof Raw r) {
                            v = v.replace("$", r.json().startsWith("\"") ? r.json().substring(1, r.json().length() - 1)
                                    : r.json());
                        }
                        o.fields().set(i, Map.entry(key, new Raw(v.replace("$", "1"))));
                        log.add(key + "=" + v);
                        return true;
                    }
                }
            }
            return false;
        }

        private void mutateNumber() {
            for (Obj o : objects()) {
                for (int i = 0; i < o.fields().size(); i++) {
                    Map.Entry<String, J> f = o.fields().get(i);
                    if (f.getValue() instanceof Raw r && !r.json().isEmpty() && (Character.isDigit(r.json().charAt(0)))
                            && random.nextInt(3) == 0) {
                        String v = pick(new String[] {"\"" + r.json() + "\"", r.json() + ".0", r.json() + "e0",
                            r.json() + "E+0", "-" + r.json(), r.json() + ".00001"});
                        o.fields().set(i, Map.entry(f.getKey(), new Raw(v)));
                        log.add(f.getKey() + "=" + v);
                        return;
                    }
                }
            }
        }

        /** Serialises, pretty or compact, sometimes escaping non-ASCII text in keys and strings. */
        byte[] json(boolean pretty) {
            boolean escape = random.nextInt(5) == 0;
            if (escape) {
                log.add("escaped");
            }
            StringBuilder sb = new StringBuilder();
            write(root, sb, pretty, escape, 0);
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }

        private static void write(J j, StringBuilder sb, boolean pretty, boolean escape, int depth) {
            if (j instanceof Raw r) {
                sb.append(escape && r.json().startsWith("\"") ? escaped(r.json()) : r.json());
            } else if (j instanceof Arr a) {
                sb.append('[');
                for (int i = 0; i < a.items().size(); i++) {
                    sb.append(i == 0 ? "" : ",");
                    newline(sb, pretty, depth + 1);
                    write(a.items().get(i), sb, pretty, escape, depth + 1);
                }
                newline(sb, pretty && !a.items().isEmpty(), depth);
                sb.append(']');
            } else if (j instanceof Obj o) {
                sb.append('{');
                for (int i = 0; i < o.fields().size(); i++) {
                    Map.Entry<String, J> f = o.fields().get(i);
                    sb.append(i == 0 ? "" : ",");
                    newline(sb, pretty, depth + 1);
                    String key = '"' + new String(JsonStringEncoder.getInstance().quoteAsString(f.getKey())) + '"';
                    sb.append(escape ? escaped(key) : key).append(pretty ? " : " : ":");
                    write(f.getValue(), sb, pretty, escape, depth + 1);
                }
                newline(sb, pretty && !o.fields().isEmpty(), depth);
                sb.append('}');
            }
        }

        private static void newline(StringBuilder sb, boolean pretty, int depth) {
            if (pretty) {
                sb.append('\n').append("  ".repeat(depth));
            }
        }

        /** A JSON string literal with every non-ASCII character and every 'i' as a \\u escape. */
        private static String escaped(String literal) {
            StringBuilder sb = new StringBuilder();
            for (char c : literal.toCharArray()) {
                if (c > 0x7e || c == 'i') {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        /** Byte-level damage: a cut, flipped bits, a byte more or less, something around the object. */
        byte[] damage(byte[] json) {
            switch (random.nextInt(6)) {
                case 0 -> {
                    int length = random.nextInt(json.length + 1);
                    log.add("truncate " + length);
                    return Arrays.copyOf(json, length);
                }
                case 1 -> {
                    byte[] out = json.clone();
                    int flips = 1 + random.nextInt(3);
                    for (int i = 0; i < flips; i++) {
                        int at = random.nextInt(out.length);
                        out[at] ^= (byte) (1 << random.nextInt(8));
                        log.add("flip at " + at);
                    }
                    return out;
                }
                case 2 -> {
                    int at = random.nextInt(json.length + 1);
                    int[] bytes = {'"', '\\', ',', '{', '}', '[', ']', ':', ' ', 0, 0xc3, 0xff, '0'};
                    byte b = (byte) bytes[random.nextInt(bytes.length)];
                    log.add("insert " + b + " at " + at);
                    byte[] out = new byte[json.length + 1];
                    System.arraycopy(json, 0, out, 0, at);
                    out[at] = b;
                    System.arraycopy(json, at, out, at + 1, json.length - at);
                    return out;
                }
                case 3 -> {
                    int at = random.nextInt(json.length);
                    log.add("delete at " + at);
                    byte[] out = new byte[json.length - 1];
                    System.arraycopy(json, 0, out, 0, at);
                    System.arraycopy(json, at + 1, out, at, json.length - at - 1);
                    return out;
                }
                case 4 -> {
                    String around = pick(new String[] {"\uFEFF|", "|x", "| ", "|\n", "|{}", "|0", "|\u0000", " |",
                        "[|]", "|,"});
                    log.add("around " + around);
                    String[] parts = around.split("\\|", -1);
                    byte[] before = parts[0].getBytes(StandardCharsets.UTF_8);
                    byte[] after = parts[1].getBytes(StandardCharsets.UTF_8);
                    byte[] out = new byte[before.length + json.length + after.length];
                    System.arraycopy(before, 0, out, 0, before.length);
                    System.arraycopy(json, 0, out, before.length, json.length);
                    System.arraycopy(after, 0, out, before.length + json.length, after.length);
                    return out;
                }
                default -> {
                    String whole = pick(new String[] {"", " ", "null", "[]", "{}", "1", "\"x\""});
                    log.add("replace by " + whole);
                    return whole.getBytes(StandardCharsets.UTF_8);
                }
            }
        }
    }
}
