package org.tanik.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * The public JSON shape of a testimony: metadata and content side by side in one object. The same
 * shape is accepted as input, where metadata is ignored, so {"title": "...", "narrative": "..."}
 * is a complete testimony.
 */
public final class TestimonyJson {

    /**
     * Why input is not a testimony, as a reason and the field, path or line it concerns: never the
     * input's text, which may be testimony. The message is English, for logs; a user reads the
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

    private static final List<String> METADATA = List.of("id", "version", "status", "createdAt", "updatedAt", "sealedAt");
    private final ObjectMapper mapper = Json.mapper();

    public ObjectNode toTree(Testimony t) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", t.id());
        node.put("version", t.version());
        node.put("status", t.status().name());
        node.put("createdAt", t.createdAt().toString());
        node.put("updatedAt", t.updatedAt().toString());
        node.put("sealedAt", t.sealedAt() == null ? null : t.sealedAt().toString());
        node.setAll((ObjectNode) mapper.valueToTree(t.content()));
        return node;
    }

    public String toJson(Testimony t) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(t));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise testimony", e);
        }
    }

    /** Reads testimony content; throws IllegalArgumentException with a field-level reason on bad input. */
    public TestimonyContent parseContent(byte[] json) {
        try {
            JsonNode tree = mapper.readTree(json);
            if (!(tree instanceof ObjectNode object)) {
                throw new Invalid(Invalid.Reason.NOT_AN_OBJECT, "");
            }
            METADATA.forEach(object::remove);
            return mapper.treeToValue(object, TestimonyContent.class);
        } catch (IOException e) {
            throw describe(e);
        }
    }

    /** Reads the full shape, metadata included, as bundles carry it. */
    public Testimony parseTestimony(byte[] json) {
        try {
            JsonNode tree = mapper.readTree(json);
            if (!(tree instanceof ObjectNode object)) {
                throw new Invalid(Invalid.Reason.NOT_AN_OBJECT, "");
            }
            String id = java.util.UUID.fromString(requireText(object, "id")).toString();
            JsonNode version = object.get("version");
            if (version == null || !version.isInt() || version.asInt() < 1) {
                throw new Invalid(Invalid.Reason.BAD_VALUE, "version");
            }
            Status status = Status.valueOf(requireText(object, "status"));
            java.time.Instant created = java.time.Instant.parse(requireText(object, "createdAt"));
            java.time.Instant updated = java.time.Instant.parse(requireText(object, "updatedAt"));
            JsonNode sealedNode = object.get("sealedAt");
            java.time.Instant sealed = sealedNode == null || sealedNode.isNull() ? null
                    : java.time.Instant.parse(sealedNode.asText());
            METADATA.forEach(object::remove);
            TestimonyContent content = mapper.treeToValue(object, TestimonyContent.class);
            return new Testimony(id, version.asInt(), status, created, updated, sealed, content);
        } catch (IOException e) {
            throw describe(e);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Invalid(Invalid.Reason.BAD_VALUE, "createdAt, updatedAt or sealedAt");
        }
    }

    private static String requireText(ObjectNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new Invalid(Invalid.Reason.BAD_VALUE, field);
        }
        return v.asText();
    }

    public byte[] toBytes(Testimony t) {
        try {
            return mapper.writeValueAsBytes(toTree(t));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise testimony", e);
        }
    }

    /** A reason without echoing the input text (which may be testimony). */
    private static Invalid describe(IOException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return new Invalid(Invalid.Reason.UNKNOWN_FIELD, u.getPropertyName());
        }
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
                path.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
            }
            return new Invalid(Invalid.Reason.BAD_VALUE, path.substring(1));
        }
        if (e instanceof com.fasterxml.jackson.core.JsonParseException p && p.getLocation() != null) {
            return new Invalid(Invalid.Reason.MALFORMED_AT_LINE, Integer.toString(p.getLocation().getLineNr()));
        }
        return new Invalid(Invalid.Reason.MALFORMED, "");
    }

}
