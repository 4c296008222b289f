package org.tanik.coordinator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tanik.model.Testimony;
import org.tanik.model.json.TestimonyCodec;

/**
 * What changed between two versions of a testimony, field by field ("incidents[0].acts[1].type"),
 * ignoring the bookkeeping fields that always differ between versions.
 */
public final class VersionDiff {

    /** One changed field; {@code before} or {@code after} is empty when the field was added or removed. */
    public record Change(String field, String before, String after) {
    }

    private static final Set<String> IGNORED = Set.of("version", "status", "createdAt", "updatedAt", "sealedAt");

    private VersionDiff() {
    }

    public static List<Change> between(Testimony older, Testimony newer) {
        Map<String, String> a = flatten(TestimonyCodec.toTree(older));
        Map<String, String> b = flatten(TestimonyCodec.toTree(newer));
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, String> e : a.entrySet()) {
            String after = b.get(e.getKey());
            if (!e.getValue().equals(after)) {
                changes.add(new Change(e.getKey(), e.getValue(), after == null ? "" : after));
            }
        }
        for (Map.Entry<String, String> e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) {
                changes.add(new Change(e.getKey(), "", e.getValue()));
            }
        }
        return changes;
    }

    private static Map<String, String> flatten(JsonNode root) {
        Map<String, String> out = new LinkedHashMap<>();
        walk("", root, out);
        return out;
    }

    private static void walk(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (path.isEmpty() && IGNORED.contains(e.getKey())) {
                    continue;
                }
                walk(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(path + "[" + i + "]", node.get(i), out);
            }
        } else if (!node.isNull() && !node.asText().isEmpty()) {
            out.put(path, node.asText());
        }
    }
}
