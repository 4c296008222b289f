package org.tanik.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The strict mode's rules for a record's {@code consent} and {@code attachments} beyond what binding
 * checks (unknown fields and unknown method or scope codes are refused by binding already): one
 * spelling for every id, hash and instant, so that a record means one thing to every reader.
 */
final class InterviewCaptureFields {

    private InterviewCaptureFields() {
    }

    /** Whether the content's consent and attachments are in their canonical form; absent ones are. */
    static boolean canonical(ObjectNode content) {
        return consent(content.get("consent")) && attachments(content.get("attachments"));
    }

    private static boolean consent(JsonNode c) {
        if (c == null || c.isNull()) {
            return true;
        }
        return c.isObject() && optionalInstant(c.get("givenAt")) && optionalId(c.get("formAttachment"));
    }

    private static boolean attachments(JsonNode list) {
        if (list == null) {
            return true;
        }
        if (!list.isArray()) {
            return false;
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode a : list) {
            if (!a.isObject() || !id(a.get("id")) || !ids.add(a.get("id").textValue())
                    || !hash(a.get("sha256")) || !instant(a.get("addedAt"))) {
                return false;
            }
        }
        return true;
    }

    private static boolean id(JsonNode n) {
        if (n == null || !n.isTextual()) {
            return false;
        }
        try {
            return UUID.fromString(n.textValue()).toString().equals(n.textValue());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean optionalId(JsonNode n) {
        return n == null || n.isNull() || id(n);
    }

    private static boolean hash(JsonNode n) {
        return n != null && n.isTextual() && n.textValue().matches("[0-9a-f]{64}");
    }

    private static boolean instant(JsonNode n) {
        return n != null && n.isTextual() && CanonicalInstant.parse(n.textValue()) != null;
    }

    private static boolean optionalInstant(JsonNode n) {
        return n == null || n.isNull() || instant(n);
    }
}
