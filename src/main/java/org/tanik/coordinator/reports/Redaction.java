package org.tanik.coordinator.reports;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tanik.coordinator.ArchivedTestimony;
import org.tanik.coordinator.search.TextFold;
import org.tanik.model.Act;
import org.tanik.model.Confidential;
import org.tanik.model.DatePrecision;
import org.tanik.model.PartialDate;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;

/**
 * Takes out of a testimony what an export at a given {@link RedactionLevel} must not carry. The
 * data is removed from the copy the writers get, never covered up.
 *
 * <p>The rule lives in the model: every record component marked {@link Confidential} is emptied
 * below {@link RedactionLevel#FULL}, except a victim's name ({@code Person.name}), which at
 * {@link RedactionLevel#ANONYMISED} becomes a pseudonym, "V-1", "V-2", … in order of first
 * appearance. What was removed from a structured field is also scrubbed from the free text of the
 * same testimony (every version of it, and the coordinator's review notes): a name in the
 * narrative is still a name. A person's name is scrubbed whole and word by word (of three letters
 * or more), since a narrative says "Ahmet" as often as "Ahmet Yılmaz"; other confidential values
 * (a contact, the people present, a file name) are scrubbed whole. Matching folds case, diacritics
 * and the Turkish i as search does. What is scrubbed becomes the pseudonym or {@link #REMOVED}.
 *
 * <p>At {@link RedactionLevel#ANONYMISED} an act marked {@link Act#sensitiveDates()} also has its
 * exact dates reduced to the month.
 *
 * <p>Provenance is kept whole: it is what makes a dossier court-ready (device labels, which may
 * name a volunteer, are left out of the {@link ReportContext} instead).
 *
 * <p>One instance per export and not thread-safe: pseudonyms are stable within one export, the
 * same folded name giving the same pseudonym across its testimonies, and mean nothing across two.
 */
public final class Redaction {

    /** What a removed value becomes inside free text: the same in every language. */
    public static final String REMOVED = "[…]";

    /** Confidential components that hold a person's name: each of their words is a name too. */
    private static final Set<String> PERSON_NAMES = Set.of("Person.name", "Interviewee.name", "Perpetrator.name",
            "Interview.interviewer", "Consent.takenBy");
    /**
     * Who else was present: free words ("her lawyer Mehmet Demir, Fatma Can"), so not every word is a
     * name; each person listed is scrubbed whole, and so is each capitalised word of three letters or more.
     */
    private static final String PEOPLE_PRESENT = "Interview.present";
    /** Where a list of people is cut into persons: commas, semicolons, slashes, lines, "and". */
    private static final java.util.regex.Pattern PEOPLE_SEPARATOR =
            java.util.regex.Pattern.compile("[,;/\\n]|\\s+(?:and|ve|û|و)\\s+");
    /** The fewest digits that make a value a number worth scrubbing, and how many of the last digits compare. */
    private static final int MIN_DIGITS = 6;
    private static final int COMPARED_DIGITS = 9;

    /** The victim's name: a pseudonym at ANONYMISED rather than nothing, so acts can still be linked. */
    private static final String VICTIM_NAME = "Person.name";
    /**
     * Strings that are codes or identifiers, never free text, so not scrubbed (a word of a name
     * that happened to equal a hex group of an id would otherwise break a reference).
     */
    private static final Set<String> CODES = Set.of("Attachment.id", "Attachment.sha256", "Attachment.mediaType",
            "Act.type", "Place.province", "Perpetrator.institution", "Consent.formAttachment", "Interview.languages");
    /** The shortest word of a name scrubbed on its own. */
    private static final int MIN_NAME_WORD = 3;

    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();
    private static final Map<Character, String> FOLDED = new ConcurrentHashMap<>();

    private final RedactionLevel level;
    private final Map<String, String> pseudonyms = new HashMap<>();
    /**
     * The exact dates of the acts marked sensitive in any version of the testimony being redacted:
     * an older version that did not mark them yet must not give them away (its version history
     * would print "2017-03-14 → 2017-03").
     */
    private Set<PartialDate> sensitiveDates = Set.of();

    private Redaction(RedactionLevel level) {
        this.level = level;
    }

    /** A redaction for one export at this level. */
    public static Redaction of(RedactionLevel level) {
        if (level == null) {
            throw new IllegalArgumentException("a redaction level is required");
        }
        return new Redaction(level);
    }

    public RedactionLevel level() {
        return level;
    }

    /** The testimony as the export at this level may carry it; at FULL, the testimony itself. */
    public ArchivedTestimony apply(ArchivedTestimony archived) {
        if (level == RedactionLevel.FULL) {
            return archived;
        }
        Scrubber scrubber = new Scrubber();
        Set<PartialDate> sensitive = new java.util.HashSet<>();
        for (ArchivedTestimony.Version v : archived.versions()) {
            collect(v.testimony().content(), scrubber);
            v.testimony().content().incidents().stream().flatMap(i -> i.acts().stream()).filter(Act::sensitiveDates)
                    .flatMap(a -> java.util.stream.Stream.of(a.start(), a.end()))
                    .filter(d -> d.precision() == DatePrecision.EXACT).forEach(sensitive::add);
        }
        sensitiveDates = sensitive;
        List<ArchivedTestimony.Version> versions = new ArrayList<>();
        for (ArchivedTestimony.Version v : archived.versions()) {
            Testimony t = v.testimony();
            TestimonyContent content = (TestimonyContent) rebuild(t.content(), "", scrubber);
            versions.add(new ArchivedTestimony.Version(new Testimony(t.id(), t.version(), t.status(), t.createdAt(),
                    t.updatedAt(), t.sealedAt(), content), v.provenance(), v.flagged()));
        }
        List<ArchivedTestimony.Review> history = new ArrayList<>();
        for (ArchivedTestimony.Review r : archived.history()) {
            history.add(new ArchivedTestimony.Review(r.state(), r.duplicateOf(), scrubber.scrub(r.note()), r.at()));
        }
        return new ArchivedTestimony(versions, history);
    }

    /** The pseudonym of a victim's name in this export: "V-1" for the first name seen, and so on. */
    private String pseudonym(String name) {
        return pseudonyms.computeIfAbsent(key(name), k -> "V-" + (pseudonyms.size() + 1));
    }

    // ---- walking the model's records ----

    private static boolean isModelRecord(Object v) {
        return v != null && v.getClass().isRecord() && v.getClass().getPackage() == Confidential.class.getPackage();
    }

    private static String name(RecordComponent c) {
        return c.getDeclaringRecord().getSimpleName() + "." + c.getName();
    }

    /** First pass: every confidential value, with what it becomes in free text. */
    private void collect(Object value, Scrubber scrubber) {
        if (value instanceof List<?> list) {
            list.forEach(e -> collect(e, scrubber));
        } else if (isModelRecord(value)) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                Object v = read(c, value);
                if (!c.isAnnotationPresent(Confidential.class)) {
                    collect(v, scrubber);
                } else if (v instanceof String s && !s.isBlank()) {
                    String field = name(c);
                    String replacement = level == RedactionLevel.ANONYMISED && field.equals(VICTIM_NAME)
                            ? pseudonym(s) : REMOVED;
                    scrubber.add(s, replacement, PERSON_NAMES.contains(field));
                    if (field.equals(PEOPLE_PRESENT)) {
                        scrubber.addPeople(s, replacement);
                    }
                }
            }
        }
    }

    /** Second pass: the same value with confidential components emptied and free text scrubbed. */
    private Object rebuild(Object value, String field, Scrubber scrubber) {
        if (value instanceof String s) {
            return CODES.contains(field) ? s : scrubber.scrub(s);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(e -> out.add(rebuild(e, field, scrubber)));
            return out;
        }
        if (!isModelRecord(value)) {
            return value;
        }
        RecordComponent[] components = value.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            Object v = read(c, value);
            args[i] = c.isAnnotationPresent(Confidential.class) ? emptied(c, v) : rebuild(v, name(c), scrubber);
        }
        Object out = construct(value.getClass(), components, args);
        if (out instanceof Act act && level == RedactionLevel.ANONYMISED && (act.sensitiveDates()
                || sensitiveDates.contains(act.start()) || sensitiveDates.contains(act.end()))) {
            out = new Act(act.type(), toMonth(act.start()), toMonth(act.end()), act.place(), act.victims(),
                    act.perpetrators(), act.notes(), true);
        }
        return out;
    }

    private Object emptied(RecordComponent c, Object v) {
        if (c.getType() == String.class) {
            String s = (String) v;
            return level == RedactionLevel.ANONYMISED && name(c).equals(VICTIM_NAME) && s != null && !s.isBlank()
                    ? pseudonym(s) : "";
        }
        if (c.getType() == List.class) {
            return List.of();
        }
        if (c.getType().isPrimitive()) {
            // A confidential number or flag would need its own rule; fail rather than export it.
            throw new IllegalStateException("no redaction rule for " + name(c));
        }
        return null;
    }

    private static PartialDate toMonth(PartialDate d) {
        return d.precision() == DatePrecision.EXACT ? PartialDate.month(d.year(), d.month()) : d;
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + name(c), e);
        }
    }

    private static Object construct(Class<?> type, RecordComponent[] components, Object[] args) {
        Constructor<?> ctor = CONSTRUCTORS.computeIfAbsent(type, t -> {
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < types.length; i++) {
                types[i] = components[i].getType();
            }
            try {
                return t.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor for " + t.getSimpleName(), e);
            }
        });
        try {
            return ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            // The cause may quote a value (a record's validation message): keep only the type.
            throw new IllegalStateException("cannot rebuild " + type.getSimpleName());
        }
    }

    // ---- free text ----

    /** How names are compared: folded as search folds, whitespace runs as one space. */
    static String key(String name) {
        return fold(name).strip().replaceAll("\\s+", " ");
    }

    /** Folds char by char, so every folded char can be traced back to the original it came from. */
    private static String foldChar(char c) {
        if (c < 0x80) {
            return String.valueOf(c == 'I' ? 'i' : Character.toLowerCase(c));
        }
        if (Character.isSurrogate(c)) {
            return String.valueOf(c);
        }
        return FOLDED.computeIfAbsent(c, k -> TextFold.foldReference(String.valueOf(k)));
    }

    private static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            b.append(foldChar(s.charAt(i)));
        }
        return b.toString();
    }

    /** The phrases removed from one testimony's free text, with what replaces each. */
    private static final class Scrubber {
        private final Map<String, String> phrases = new LinkedHashMap<>();
        /** The last digits of confidential numbers (a phone number), however they are written in text. */
        private final Set<String> numbers = new java.util.HashSet<>();

        /** Each person of a list: whole, and by the capitalised words that are their names. */
        void addPeople(String list, String replacement) {
            for (String person : PEOPLE_SEPARATOR.split(list)) {
                if (!person.isBlank()) {
                    add(person, replacement, false);
                    for (String word : person.strip().split("[^\\p{L}\\p{N}]+")) {
                        if (word.length() >= MIN_NAME_WORD && Character.isUpperCase(word.codePointAt(0))) {
                            add(word, replacement, false);
                        }
                    }
                }
            }
        }

        private static String lastDigits(String s) {
            String digits = s.replaceAll("\\D", "");
            return digits.length() < MIN_DIGITS ? ""
                    : digits.substring(Math.max(0, digits.length() - COMPARED_DIGITS));
        }

        void add(String value, String replacement, boolean personName) {
            String number = lastDigits(value);
            if (!number.isEmpty()) {
                numbers.add(number);
            }
            String whole = key(value);
            if (letters(whole) >= 2) {
                phrases.putIfAbsent(whole, replacement);
            }
            if (personName) {
                for (String word : whole.split("[^\\p{L}\\p{N}]+")) {
                    if (word.length() >= MIN_NAME_WORD && letters(word) > 0) {
                        phrases.putIfAbsent(word, replacement);
                    }
                }
            }
        }

        private static int letters(String s) {
            return (int) s.chars().filter(Character::isLetter).count();
        }

        String scrub(String text) {
            return scrubNumbers(scrubPhrases(text));
        }

        /**
         * "0555 123 45 67" in a narrative is the contact "+90 555 123 45 67": found by the contact's last
         * digits with any separators between them, and removed with the digits written before them.
         */
        private String scrubNumbers(String text) {
            if (text == null || text.isEmpty() || numbers.isEmpty()) {
                return text;
            }
            String out = text;
            for (String number : numbers) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        String.join("[ ().\\-/]*", number.split(""))).matcher(out);
                StringBuilder b = new StringBuilder(out.length());
                int done = 0;
                while (m.find()) {
                    int from = m.start();
                    while (from > done && "+0123456789 ().-/".indexOf(out.charAt(from - 1)) >= 0) {
                        from--;
                    }
                    while (from < m.start() && out.charAt(from) == ' ') {
                        from++; // the space before the number stays
                    }
                    b.append(out, done, from).append(REMOVED);
                    done = m.end();
                }
                out = b.append(out, done, out.length()).toString();
            }
            return out;
        }

        private String scrubPhrases(String text) {
            if (text == null || text.isEmpty() || phrases.isEmpty()) {
                return text;
            }
            StringBuilder folded = new StringBuilder(text.length());
            int[] origin = new int[text.length() * 2 + 4];
            for (int i = 0; i < text.length(); i++) {
                String f = foldChar(text.charAt(i));
                for (int k = 0; k < f.length(); k++) {
                    if (folded.length() == origin.length) {
                        origin = java.util.Arrays.copyOf(origin, origin.length * 2);
                    }
                    origin[folded.length()] = i;
                    folded.append(f.charAt(k));
                }
            }
            String f = folded.toString();
            List<int[]> matches = new ArrayList<>(); // {start, end, index of phrase}
            List<String> replacements = new ArrayList<>(phrases.values());
            int index = 0;
            for (String phrase : phrases.keySet()) {
                for (int at = f.indexOf(phrase); at >= 0; at = f.indexOf(phrase, at + 1)) {
                    int end = at + phrase.length();
                    boolean starts = at == 0 || !Character.isLetterOrDigit(f.charAt(at - 1));
                    boolean ends = end == f.length() || !Character.isLetterOrDigit(f.charAt(end));
                    if (starts && ends) {
                        int from = origin[at];
                        int to = origin[end - 1] + 1;
                        // Accents written apart after the last letter belong to the name.
                        while (to < text.length() && foldChar(text.charAt(to)).isEmpty()) {
                            to++;
                        }
                        matches.add(new int[] {from, to, index});
                    }
                }
                index++;
            }
            if (matches.isEmpty()) {
                return text;
            }
            // Earliest first, and of two starting together the longer: "Ahmet Yılmaz" before "Ahmet".
            matches.sort(Comparator.<int[]>comparingInt(m -> m[0]).thenComparingInt(m -> -(m[1] - m[0])));
            StringBuilder out = new StringBuilder(text.length());
            int done = 0;
            for (int[] m : matches) {
                if (m[0] < done) {
                    continue; // inside a longer match already replaced
                }
                out.append(text, done, m[0]).append(replacements.get(m[2]));
                done = m[1];
            }
            return out.append(text, done, text.length()).toString();
        }
    }
}
