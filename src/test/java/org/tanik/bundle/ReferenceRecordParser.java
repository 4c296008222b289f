package org.tanik.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.tanik.bundle.BundleException.Reason;
import org.tanik.model.Json;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;

/**
 * A frozen, self-contained copy of {@code TestimonyRecords.parse} (with StrictJson and
 * {@code ManifestJson.canonicalInstant}) as it was before the streaming fast path, for the
 * differential test and the benchmark. Do not "fix" it: it defines the outcomes the production
 * parser must reproduce. Deliberate changes since: text refuses numbers and booleans ("title": 1),
 * which databind used to turn into "1"; and a byte-order mark or UTF-16/32 text is refused (Jackson
 * skipped the mark and guessed the encoding). The production parser made the same changes.
 */
public final class ReferenceRecordParser {

    private static final List<String> METADATA = List.of("id", "version", "status", "createdAt", "updatedAt",
            "sealedAt");
    private static final JsonMapper STRICT = ((JsonMapper) Json.mapper()).rebuild()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // Text is a JSON string: databind would also take 1, 1.5 or true for it.
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private ReferenceRecordParser() {
    }

    public static Testimony parse(String path, byte[] json) throws BundleException {
        if (!EntryPaths.isRecord(path)) {
            throw new BundleException(Reason.UNSAFE_PATH, path);
        }
        JsonNode root = tree(json, Reason.RECORD_INVALID, path);
        if (!(root instanceof ObjectNode o)) {
            throw invalid(path);
        }
        String id = text(o, "id", path);
        JsonNode version = o.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
            throw invalid(path);
        }
        if (!(EntryPaths.RECORDS + id + "/v" + version.intValue() + ".json").equals(path)) {
            throw invalid(path);
        }
        Status status;
        try {
            status = Status.valueOf(text(o, "status", path));
        } catch (IllegalArgumentException e) {
            throw invalid(path);
        }
        Instant createdAt = instant(text(o, "createdAt", path), path);
        Instant updatedAt = instant(text(o, "updatedAt", path), path);
        JsonNode sealed = o.get("sealedAt");
        if (sealed == null) {
            throw invalid(path);
        }
        Instant sealedAt = sealed.isNull() ? null : instant(text(o, "sealedAt", path), path);
        ObjectNode content = o.deepCopy();
        METADATA.forEach(content::remove);
        try {
            return new Testimony(id, version.intValue(), status, createdAt, updatedAt, sealedAt,
                    STRICT.treeToValue(content, TestimonyContent.class));
        } catch (java.io.IOException | RuntimeException e) {
            throw invalid(path);
        }
    }

    private static Instant instant(String s, String path) throws BundleException {
        Instant t;
        try {
            t = Instant.parse(s);
            t = t.toString().equals(s) ? t : null;
        } catch (DateTimeParseException e) {
            t = null;
        }
        if (t == null) {
            throw invalid(path);
        }
        return t;
    }

    private static String text(ObjectNode o, String field, String path) throws BundleException {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual()) {
            throw invalid(path);
        }
        return n.textValue();
    }

    private static BundleException invalid(String path) {
        return new BundleException(Reason.RECORD_INVALID, path);
    }

    // StrictJson.parse as it was.

    private static JsonNode tree(byte[] json, Reason invalid, String detail) throws BundleException {
        boolean plainUtf8 = json.length == 0 || (json[0] != (byte) 0xEF && json[0] != (byte) 0xFE
                && json[0] != (byte) 0xFF && json[0] != 0 && (json.length == 1 || json[1] != 0));
        if (!plainUtf8) {
            throw new BundleException(invalid, detail);
        }
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new BundleException(invalid, detail);
            }
            JsonNode root = value(p, first, detail);
            if (p.nextToken() != null) {
                throw new BundleException(invalid, detail);
            }
            return root;
        } catch (IOException e) {
            throw new BundleException(invalid, detail);
        }
    }

    private static JsonNode value(JsonParser p, JsonToken t, String detail) throws IOException, BundleException {
        if (t == null) {
            throw new IOException("unexpected end of input");
        }
        switch (t) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    if (k != JsonToken.FIELD_NAME) {
                        throw new IOException("expected a field name");
                    }
                    String name = p.currentName();
                    JsonNode v = value(p, p.nextToken(), detail);
                    if (object.has(name)) {
                        throw new BundleException(Reason.DUPLICATE_KEY, detail);
                    }
                    object.set(name, v);
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    array.add(value(p, e, detail));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IOException("unexpected token");
        }
    }
}
