package org.tanik.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import org.tanik.bundle.BundleException.Reason;
import org.tanik.model.json.JsonRefusal;
import org.tanik.model.json.StrictTree;

/**
 * The model's strict JSON reading ({@link StrictTree}) in the bundle's terms: its refusals become
 * {@code DUPLICATE_KEY} or the caller's own reason for anything else, with the caller's detail.
 */
final class StrictJson {
    // A plain factory: standard JSON only (no comments, NaN, single quotes).
    static final JsonFactory FACTORY = new JsonFactory();

    private StrictJson() {
    }

    /** Parses one JSON value filling all of {@code json}; {@code invalid} is the reason for any syntax error. */
    static JsonNode parse(byte[] json, Reason invalid, String detail) throws BundleException {
        try {
            return StrictTree.parse(json);
        } catch (JsonRefusal e) {
            throw refusal(e, invalid, detail);
        }
    }

    /** The bundle's reason for a strict reading's refusal: its own for a repeated key, else {@code invalid}. */
    static BundleException refusal(JsonRefusal e, Reason invalid, String detail) {
        return new BundleException(e.kind() == JsonRefusal.Kind.DUPLICATE_KEY ? Reason.DUPLICATE_KEY : invalid, detail);
    }
}
