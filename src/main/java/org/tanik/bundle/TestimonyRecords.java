package org.tanik.bundle;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tanik.bundle.BundleException.Reason;
import org.tanik.model.Json;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.model.TestimonyJson;

/**
 * Testimonies to bundle entries and back. A record is the public TestimonyJson shape (metadata and
 * content in one object) at {@code records/<id>/v<version>.json}. Reading is stricter than the
 * model's own input: repeated keys, unknown fields, numbers as strings or with a fraction, and
 * non-canonical times are refused, and the id and version inside must match the path.
 *
 * <p>Records in the plain shape that TestimonyJson writes are read in one streaming pass
 * ({@link RecordBinder}); any other input takes the full path through a tree, which alone decides
 * whether it is accepted and why not.
 */
public final class TestimonyRecords {

    private static final List<String> METADATA = List.of("id", "version", "status", "createdAt", "updatedAt",
            "sealedAt");
    /** The model's mapper without its lenient scalar coercions ("1970" or 1970.0 for a year, 1 for a text). */
    private static final JsonMapper STRICT = ((JsonMapper) Json.mapper()).rebuild()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // Text is a JSON string: databind would also take 1, 1.5 or true for it.
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();
    private static final TestimonyJson JSON = new TestimonyJson();

    private TestimonyRecords() {
    }

    /** One entry per testimony version, in the given order. */
    public static List<BundleEntry> toEntries(List<Testimony> testimonies) {
        List<BundleEntry> out = new ArrayList<>(testimonies.size());
        Set<String> paths = new HashSet<>();
        for (Testimony t : testimonies) {
            String path = EntryPaths.record(t.id(), t.version());
            if (!paths.add(path)) {
                throw new IllegalArgumentException("the same testimony version twice: " + path);
            }
            out.add(new BundleEntry(path, JSON.toJson(t).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    public static Testimony parse(BundleEntry entry) throws BundleException {
        return parse(entry.path(), entry.content());
    }

    /** Parses a record entry strictly; the detail of any failure is the path, never the content. */
    public static Testimony parse(String path, byte[] json) throws BundleException {
        // Records as TestimonyJson writes them bind in one streaming pass, which binds nothing under a path
        // other than a record's; anything else, valid or not, goes through the path check and the tree,
        // which alone decide acceptance and the reason of a refusal.
        Testimony plain = RecordBinder.bind(path, json);
        if (plain != null) {
            return plain;
        }
        if (!EntryPaths.isRecord(path)) {
            throw new BundleException(Reason.UNSAFE_PATH, path);
        }
        return parseStrictly(path, json);
    }

    /**
     * The full reading, for a path already known to be a record's: a strict tree (which tells repeated
     * keys from other errors), its metadata checked, the rest bound by the strict mapper.
     */
    static Testimony parseStrictly(String path, byte[] json) throws BundleException {
        JsonNode root = StrictJson.parse(json, Reason.RECORD_INVALID, path);
        if (!(root instanceof ObjectNode o)) {
            throw invalid(path);
        }
        String id = text(o, "id", path);
        JsonNode version = o.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
            throw invalid(path);
        }
        // The path already matched the record pattern, so equality also proves a canonical id.
        if (!(EntryPaths.RECORDS + id + "/v" + version.intValue() + ".json").equals(path)) {
            throw invalid(path); // the record says it is something other than its name
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
        METADATA.forEach(o::remove); // the tree is ours: what remains is the content
        try {
            return new Testimony(id, version.intValue(), status, createdAt, updatedAt, sealedAt,
                    STRICT.treeToValue(o, TestimonyContent.class));
        } catch (java.io.IOException | RuntimeException e) {
            // Jackson's mapping errors and the model's own validation (its constructors throw) alike.
            throw invalid(path);
        }
    }

    private static Instant instant(String s, String path) throws BundleException {
        Instant t = ManifestJson.canonicalInstant(s);
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
}
