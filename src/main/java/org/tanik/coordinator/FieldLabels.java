package org.tanik.coordinator;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tanik.i18n.Texts;
import org.tanik.model.Confidential;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.model.Vocabulary;

/**
 * Turns the field paths of {@link VersionDiff} ("incidents[0].acts[1].place.province") into labels a
 * person reads ("Incident 1 › Act 2 › Place › Province"), and coded values into their vocabulary
 * labels ("34" → "İstanbul"). One key per JSON property name in the {@code fields} bundle; a name
 * without a key, or a path that does not parse, is shown as it is written, never an error.
 */
public final class FieldLabels {

    public static final String BUNDLE = "org.tanik.i18n.fields";

    /** A property name with optional list indexes: "acts[1]". */
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\[\\d{1,9}])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d{1,9})]");

    private final ResourceBundle bundle;
    private final Locale locale;
    private final Vocabulary vocabulary;

    public FieldLabels(ResourceBundle bundle, Vocabulary vocabulary) {
        this.bundle = bundle;
        this.locale = bundle.getLocale() == null || bundle.getLocale().getLanguage().isEmpty()
                ? Locale.ENGLISH : bundle.getLocale();
        this.vocabulary = vocabulary;
    }

    /** The labels in this language (English when there is no translation: the root bundle is English). */
    public static FieldLabels forLocale(Locale locale, Vocabulary vocabulary) {
        return new FieldLabels(bundle(locale), vocabulary);
    }

    public static ResourceBundle bundle(Locale locale) {
        return Texts.of(BUNDLE, locale).bundle();
    }

    /** "incidents[0].acts[1].place.province" → "Incident 1 › Act 2 › Place › Province". */
    public String label(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("\\.", -1)) {
            parts.add(segment(segment));
        }
        return String.join(text("path.separator").orElse(" › "), parts);
    }

    private String segment(String segment) {
        Matcher m = SEGMENT.matcher(segment);
        if (!m.matches()) {
            return segment;
        }
        Optional<String> name = text("field." + m.group(1));
        if (name.isEmpty()) {
            return segment;
        }
        String out = name.get();
        Matcher index = INDEX.matcher(m.group(2));
        while (index.find()) {
            out = item(out, Long.parseLong(index.group(1)) + 1);
        }
        return out;
    }

    private String item(String name, long n) {
        return Texts.format(text("path.item").orElse("{0} {1}"), locale, name, n);
    }

    /**
     * A value as a person reads it: violation types, provinces, institutions and occupations by their
     * label in this language, sex by its name; anything else (free text, dates) as it is.
     */
    public String value(String path, String value) {
        if (value == null || value.isEmpty() || path == null) {
            return value == null ? "" : value;
        }
        String field = path.substring(path.lastIndexOf('.') + 1);
        return switch (field) {
            case "type" -> vocabulary.violationType(value).map(t -> t.label(locale)).orElse(value);
            case "province" -> vocabulary.province(value).map(t -> t.label(locale)).orElse(value);
            case "institution" -> vocabulary.institution(value).map(t -> t.label(locale)).orElse(value);
            case "occupation" -> vocabulary.occupation(value).map(t -> t.label(locale)).orElse(value);
            case "sex" -> text("sex." + value).orElse(value);
            default -> value;
        };
    }

    /** Whether the field at this path identifies a person ({@link Confidential}), so views can mark it. */
    public static boolean confidential(String path) {
        if (path == null || path.isEmpty()) {
            return false;
        }
        Class<?> type = TestimonyContent.class;
        RecordComponent found = null;
        for (String segment : path.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(segment);
            if (type == null || !type.isRecord() || !m.matches()) {
                return false;
            }
            found = component(type, m.group(1));
            if (found == null) {
                return false;
            }
            type = m.group(2).isEmpty() ? found.getType() : elementType(found.getGenericType());
        }
        return found != null && found.isAnnotationPresent(Confidential.class);
    }

    /**
     * Every property name a testimony's JSON can hold, at any depth (the record components of the
     * model, which Jackson writes under their own names): what the bundle needs a key for.
     */
    public static Set<String> modelFieldNames() {
        Set<String> names = new TreeSet<>();
        for (RecordComponent c : Testimony.class.getRecordComponents()) {
            if (!c.getName().equals("content")) { // its fields are written at the top level
                names.add(c.getName());
            }
        }
        collect(TestimonyContent.class, names, new TreeSet<>());
        return Collections.unmodifiableSet(names);
    }

    private static void collect(Class<?> record, Set<String> names, Set<String> seen) {
        if (!seen.add(record.getName())) {
            return;
        }
        for (RecordComponent c : record.getRecordComponents()) {
            names.add(c.getName());
            Class<?> type = List.class.isAssignableFrom(c.getType()) ? elementType(c.getGenericType()) : c.getType();
            if (type != null && type.isRecord() && type.getPackageName().equals(Testimony.class.getPackageName())
                    && !isScalar(type)) {
                collect(type, names, seen);
            }
        }
    }

    /** Records written as one JSON value (PartialDate is a string such as "2017-03"). */
    private static boolean isScalar(Class<?> type) {
        for (var m : type.getMethods()) {
            if (m.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class)) {
                return true;
            }
        }
        return false;
    }

    private static RecordComponent component(Class<?> record, String name) {
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static Class<?> elementType(Type generic) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private Optional<String> text(String key) {
        try {
            return Optional.of(bundle.getString(key));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }
}
