package org.tanik.model.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.tanik.model.Json;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.model.json.JsonRefusal.Kind;

/**
 * The one JSON shape of a testimony: metadata ({@code id}, {@code version}, {@code status},
 * {@code createdAt}, {@code updatedAt}, {@code sealedAt}) and content side by side in one object. It
 * is written one way, and read in two modes:
 *
 * <ul>
 *   <li><b>strict</b> ({@link #readStrict}), for bundle records, exactly as the bundle format
 *       specifies: repeated keys (their own kind), unknown fields, numbers as strings or with a
 *       fraction, numbers or booleans where text belongs, and non-canonical instants are refused;
 *   <li><b>lenient</b> ({@link #readContent}, {@link #readLenient}), for what the volunteer types or
 *       their own archive holds: Jackson's usual coercions, and reasons that name the field or line.
 * </ul>
 *
 * The strict mode is defined by its full path ({@link #readStrictFully}: a strict tree, its metadata
 * checked, the rest bound by a mapper without coercions). Records in the plain shape written here
 * bind in one streaming pass first ({@link OnePassReader}), which accepts a subset of what the full
 * path accepts, with the same results; anything else takes the full path.
 */
public final class TestimonyCodec {

    /**
     * Why lenient input is not a testimony, as a reason and the field, path or line it concerns: never
     * the input's text, which may be testimony. The message is English, for logs; a user reads the
     * reason in their language.
     */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /** What is wrong; {@code key} names its sentence for the edges that show it. */
        public enum Reason {
            NOT_AN_OBJECT("notObject", "a testimony must be a JSON object"),
            UNKNOWN_FIELD("unknownField", "unknown field \"%s\""),
            BAD_VALUE("badValue", "bad value at %s"),
            MALFORMED_AT_LINE("malformedAtLine", "malformed JSON at line %s"),
            MALFORMED("malformed", "malformed JSON");

            public final String key;
            final String english;

            Reason(String key, String english) {
                this.key = key;
                this.english = english;
            }
        }

        private final Reason reason;
        private final String detail;

        Invalid(Reason reason, String detail) {
            super(String.format(reason.english, detail));
            this.reason = reason;
            this.detail = detail;
        }

        public Reason reason() {
            return reason;
        }

        /** The field, path or line the reason concerns; empty when it has none. */
        public String detail() {
            return detail;
        }
    }

    private static final List<String> METADATA = List.of("id", "version", "status", "createdAt", "updatedAt",
            "sealedAt");
    private static final ObjectMapper LENIENT = Json.mapper();
    /** The model's mapper without its lenient scalar coercions ("1970" or 1970.0 for a year, 1 for a text). */
    private static final JsonMapper STRICT = ((JsonMapper) Json.mapper()).rebuild()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // Text is a JSON string: databind would also take 1, 1.5 or true for it.
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private TestimonyCodec() {
    }

    // ---- Writing: one shape for `show --json` and bundle records.

    public static ObjectNode toTree(Testimony t) {
        ObjectNode node = LENIENT.createObjectNode();
        node.put("id", t.id());
        node.put("version", t.version());
        node.put("status", t.status().name());
        node.put("createdAt", t.createdAt().toString());
        node.put("updatedAt", t.updatedAt().toString());
        node.put("sealedAt", t.sealedAt() == null ? null : t.sealedAt().toString());
        node.setAll((ObjectNode) LENIENT.valueToTree(t.content()));
        return node;
    }

    /** Indented, as `testimony show --json` prints it and bundles carry it. */
    public static String toJson(Testimony t) {
        try {
            return LENIENT.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(t));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise testimony", e);
        }
    }

    // ---- Lenient reading.

    /** Reads testimony content, ignoring any metadata; throws {@link Invalid} with a field-level reason. */
    public static TestimonyContent readContent(byte[] json) {
        try {
            ObjectNode object = lenientObject(json);
            METADATA.forEach(object::remove);
            return LENIENT.treeToValue(object, TestimonyContent.class);
        } catch (IOException e) {
            throw describe(e);
        }
    }

    /** Reads the full shape, metadata included; throws {@link Invalid} with a field-level reason. */
    public static Testimony readLenient(byte[] json) {
        try {
            ObjectNode object = lenientObject(json);
            String id = UUID.fromString(lenientText(object, "id")).toString();
            JsonNode version = object.get("version");
            if (version == null || !version.isInt() || version.asInt() < 1) {
                throw new Invalid(Invalid.Reason.BAD_VALUE, "version");
            }
            Status status = Status.valueOf(lenientText(object, "status"));
            Instant created = Instant.parse(lenientText(object, "createdAt"));
            Instant updated = Instant.parse(lenientText(object, "updatedAt"));
            JsonNode sealedNode = object.get("sealedAt");
            Instant sealed = sealedNode == null || sealedNode.isNull() ? null : Instant.parse(sealedNode.asText());
            METADATA.forEach(object::remove);
            TestimonyContent content = LENIENT.treeToValue(object, TestimonyContent.class);
            return new Testimony(id, version.asInt(), status, created, updated, sealed, content);
        } catch (IOException e) {
            throw describe(e);
        } catch (DateTimeParseException e) {
            throw new Invalid(Invalid.Reason.BAD_VALUE, "createdAt, updatedAt or sealedAt");
        }
    }

    private static ObjectNode lenientObject(byte[] json) throws IOException {
        if (!(LENIENT.readTree(json) instanceof ObjectNode object)) {
            throw new Invalid(Invalid.Reason.NOT_AN_OBJECT, "");
        }
        return object;
    }

    private static String lenientText(ObjectNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new Invalid(Invalid.Reason.BAD_VALUE, field);
        }
        return v.asText();
    }

    /** A reason without echoing the input text (which may be testimony). */
    private static Invalid describe(IOException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return new Invalid(Invalid.Reason.UNKNOWN_FIELD, u.getPropertyName());
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                path.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
            }
            return new Invalid(Invalid.Reason.BAD_VALUE, path.substring(1));
        }
        if (e instanceof JsonParseException p && p.getLocation() != null) {
            return new Invalid(Invalid.Reason.MALFORMED_AT_LINE, Integer.toString(p.getLocation().getLineNr()));
        }
        return new Invalid(Invalid.Reason.MALFORMED, "");
    }

    // ---- Strict reading.

    /**
     * Reads a record exactly as the bundle format specifies. Which record it must be (the id and
     * version its path names) is the caller's to check.
     */
    public static Testimony readStrict(byte[] json) throws JsonRefusal {
        Testimony plain = OnePassReader.read(json);
        return plain != null ? plain : readStrictFully(json);
    }

    /**
     * The strict mode's definition: a strict tree (which tells repeated keys from other errors), its
     * metadata checked, the rest bound by the strict mapper.
     */
    static Testimony readStrictFully(byte[] json) throws JsonRefusal {
        if (!(StrictTree.parse(json) instanceof ObjectNode o)) {
            throw invalid();
        }
        String id = strictText(o, "id");
        JsonNode version = o.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
            throw invalid();
        }
        Status status;
        try {
            status = Status.valueOf(strictText(o, "status"));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        Instant createdAt = instant(strictText(o, "createdAt"));
        Instant updatedAt = instant(strictText(o, "updatedAt"));
        JsonNode sealed = o.get("sealedAt");
        if (sealed == null) {
            throw invalid();
        }
        Instant sealedAt = sealed.isNull() ? null : instant(strictText(o, "sealedAt"));
        METADATA.forEach(o::remove); // the tree is ours: what remains is the content
        if (!InterviewCaptureFields.canonical(o) || !sensitiveDatesAreBooleans(o)) {
            throw invalid();
        }
        try {
            return new Testimony(id, version.intValue(), status, createdAt, updatedAt, sealedAt,
                    STRICT.treeToValue(o, TestimonyContent.class));
        } catch (IOException | RuntimeException e) {
            // Jackson's mapping errors and the model's own validation (its constructors throw) alike.
            throw invalid();
        }
    }

    /**
     * An act's {@code sensitiveDates}, when present, is a JSON boolean: the mapper would take null
     * for false, which the writer never writes. Anything not shaped as the model is left to the mapper.
     */
    private static boolean sensitiveDatesAreBooleans(ObjectNode content) {
        JsonNode incidents = content.get("incidents");
        if (incidents == null || !incidents.isArray()) {
            return true;
        }
        for (JsonNode incident : incidents) {
            JsonNode acts = incident.get("acts");
            if (acts == null || !acts.isArray()) {
                continue;
            }
            for (JsonNode act : acts) {
                JsonNode flag = act.get("sensitiveDates");
                if (flag != null && !flag.isBoolean()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Instant instant(String s) throws JsonRefusal {
        Instant t = CanonicalInstant.parse(s);
        if (t == null) {
            throw invalid();
        }
        return t;
    }

    private static String strictText(ObjectNode o, String field) throws JsonRefusal {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual()) {
            throw invalid();
        }
        return n.textValue();
    }

    private static JsonRefusal invalid() {
        return new JsonRefusal(Kind.INVALID);
    }
}
