package org.tanik.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.tanik.bundle.BundleException.Reason;

/**
 * Reads JSON into a tree, refusing repeated keys with their own reason. Jackson's own duplicate
 * detection reports them as a generic parse error, which cannot be told apart from other syntax
 * errors without matching message text, so the tree is built here from the token stream.
 * Numbers keep their lexical kind: an integer stays an integer node and {@code 1.0} stays a decimal,
 * so callers can insist on integers.
 */
final class StrictJson {
    // A plain factory: standard JSON only (no comments, NaN, single quotes), UTF-8 validated.
    static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private StrictJson() {
    }

    /** Parses one JSON value filling all of {@code json}; {@code invalid} is the reason for any syntax error. */
    static JsonNode parse(byte[] json, Reason invalid, String detail) throws BundleException {
        if (!startsAsUtf8(json)) {
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
            // Jackson's message may quote the input, which can be testimony text: keep only the reason.
            throw new BundleException(invalid, detail);
        }
    }

    /**
     * Jackson skips a byte-order mark and guesses UTF-16 or UTF-32 from zero bytes; the format allows
     * only UTF-8 without a mark. Every JSON text in UTF-8 begins with a non-zero ASCII byte (whitespace
     * or the value's first character), and the second byte of a UTF-8 text is never zero.
     */
    static boolean startsAsUtf8(byte[] json) {
        return json.length == 0 || (json[0] > 0 && (json.length == 1 || json[1] != 0));
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
