package org.tanik.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.tanik.model.json.JsonRefusal.Kind;

/**
 * Reads JSON into a tree, refusing repeated keys with their own kind. Jackson's own duplicate
 * detection reports them as a generic parse error, which cannot be told apart from other syntax
 * errors without matching message text, so the tree is built here from the token stream.
 * Numbers keep their lexical kind: an integer stays an integer node and {@code 1.0} stays a decimal,
 * so callers can insist on integers. Used for bundle records and for the bundle's manifest.
 */
public final class StrictTree {
    // A plain factory: standard JSON only (no comments, NaN, single quotes), UTF-8 validated.
    static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private StrictTree() {
    }

    /** Parses one JSON value filling all of {@code json}: DUPLICATE_KEY or INVALID otherwise. */
    public static JsonNode parse(byte[] json) throws JsonRefusal {
        if (!startsAsUtf8(json)) {
            throw new JsonRefusal(Kind.INVALID);
        }
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new JsonRefusal(Kind.INVALID);
            }
            JsonNode root = value(p, first);
            if (p.nextToken() != null) {
                throw new JsonRefusal(Kind.INVALID);
            }
            return root;
        } catch (IOException e) {
            // Jackson's message may quote the input, which can be testimony text: keep only the kind.
            throw new JsonRefusal(Kind.INVALID);
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

    private static JsonNode value(JsonParser p, JsonToken t) throws IOException, JsonRefusal {
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
                    JsonNode v = value(p, p.nextToken());
                    if (object.has(name)) {
                        throw new JsonRefusal(Kind.DUPLICATE_KEY);
                    }
                    object.set(name, v);
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    array.add(value(p, e));
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
