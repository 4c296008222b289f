package org.tanik.store.coordinator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The detail of an audit entry as a message key and its arguments, so each reader says it in its own
 * language. Stored as a small JSON object, {@code {"key":"audit.detail.import","args":["12345 …",3]}}:
 * JSON escaping keeps any label or reason a coordinator types from being read as structure.
 * Arguments are strings, integers, or nested details (a phrase of its own, such as a review state).
 *
 * <p>Entries written before this format hold plain English text. None of them starts with '{'
 * (every old writer began with a fixed word), so {@link #decode} tells the two apart, and an old entry
 * keeps its bytes and therefore its place in the hash chain.
 */
public record AuditDetail(String key, List<Object> args) {

    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+){0,8}");
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** Nesting this deep is never written; refusing it keeps a damaged entry from costing a deep recursion. */
    static final int MAX_DEPTH = 4;
    static final int MAX_ARGS = 16;

    public AuditDetail {
        if (key == null || key.length() > 120 || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a message key");
        }
        if (args.size() > MAX_ARGS) {
            throw new IllegalArgumentException("too many arguments");
        }
        List<Object> checked = new ArrayList<>(args.size());
        for (Object a : args) {
            if (a instanceof Integer || a instanceof Long) {
                checked.add(((Number) a).longValue());
            } else if (a instanceof String || a instanceof AuditDetail) {
                checked.add(a);
            } else {
                throw new IllegalArgumentException("an argument is a string, an integer or a detail");
            }
        }
        args = List.copyOf(checked);
        if (depth(args) > MAX_DEPTH) {
            throw new IllegalArgumentException("nested too deeply");
        }
    }

    public static AuditDetail of(String key, Object... args) {
        return new AuditDetail(key, Arrays.asList(args));
    }

    /** How deep a detail with these arguments nests: 1 without nested details. */
    private static int depth(List<Object> args) {
        int deepest = 0;
        for (Object a : args) {
            if (a instanceof AuditDetail d) {
                deepest = Math.max(deepest, depth(d.args));
            }
        }
        return deepest + 1;
    }

    /** The stored form; {@link #decode} reads it back to an equal detail. */
    public String encode() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, this);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, AuditDetail d) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", d.key);
        g.writeArrayFieldStart("args");
        for (Object a : d.args) {
            if (a instanceof Long n) {
                g.writeNumber(n);
            } else if (a instanceof AuditDetail nested) {
                write(g, nested);
            } else {
                g.writeString((String) a);
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * The detail a stored text encodes, or empty when it is plain text (an entry from before this
     * format) or anything else that is not exactly this format. Never throws.
     */
    public static Optional<AuditDetail> decode(String stored) {
        if (stored == null || !stored.startsWith("{")) {
            return Optional.empty();
        }
        try (JsonParser p = JSON.createParser(stored)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            AuditDetail d = read(p, 1);
            return p.nextToken() == null ? Optional.ofNullable(d) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Reads one object whose START_OBJECT was just read; null when it is not a detail. */
    private static AuditDetail read(JsonParser p, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            return null;
        }
        String key = null;
        List<Object> args = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("key") && value == JsonToken.VALUE_STRING) {
                key = p.getText();
            } else if (field.equals("args") && value == JsonToken.START_ARRAY) {
                args = readArgs(p, depth);
                if (args == null) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return key == null || args == null ? null : new AuditDetail(key, args);
    }

    private static List<Object> readArgs(JsonParser p, int depth) throws IOException {
        List<Object> args = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (args.size() == MAX_ARGS) {
                return null;
            }
            if (t == JsonToken.VALUE_STRING) {
                args.add(p.getText());
            } else if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                args.add(p.getLongValue());
            } else if (t == JsonToken.START_OBJECT) {
                AuditDetail nested = read(p, depth + 1);
                if (nested == null) {
                    return null;
                }
                args.add(nested);
            } else {
                return null;
            }
        }
        return args;
    }
}
