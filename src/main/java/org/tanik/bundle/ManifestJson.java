package org.tanik.bundle;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tanik.bundle.BundleException.Reason;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.Sha256;
import org.tanik.crypto.age.X25519Recipient;
import org.tanik.model.json.CanonicalInstant;

/**
 * manifest.json to and from bytes. Writing is deterministic (fixed key order, two-space indent, LF),
 * although readers never re-serialise: the signature covers the bytes as they travelled.
 * Reading is strict: every field present with exactly one spelling, nothing unknown, integers as JSON
 * integers, times as ISO-8601 UTC strings.
 */
public final class ManifestJson {
    private static final List<String> FIELDS = List.of("format", "formatVersion", "bundleId", "device", "sequence",
            "previousBundleSha256", "recipients", "createdAt", "entries");
    private static final List<String> ENTRY_FIELDS = List.of("path", "size", "sha256");

    private ManifestJson() {
    }

    public static byte[] encode(Manifest m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = StrictJson.FACTORY.createGenerator(out)) {
            DefaultIndenter lf = new DefaultIndenter("  ", "\n");
            g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(lf).withArrayIndenter(lf));
            g.writeStartObject();
            g.writeStringField("format", Manifest.FORMAT);
            g.writeNumberField("formatVersion", m.formatVersion());
            g.writeStringField("bundleId", m.bundleId().toString());
            g.writeStringField("device", m.device());
            g.writeNumberField("sequence", m.sequence());
            g.writeStringField("previousBundleSha256", m.previousBundleSha256());
            g.writeArrayFieldStart("recipients");
            for (String r : m.recipients()) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeStringField("createdAt", m.createdAt().toString());
            g.writeArrayFieldStart("entries");
            for (ManifestEntry e : m.entries()) {
                g.writeStartObject();
                g.writeStringField("path", e.path());
                g.writeNumberField("size", e.size());
                g.writeStringField("sha256", e.sha256());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory: cannot happen
        }
        out.write('\n');
        return out.toByteArray();
    }

    public static Manifest decode(byte[] json) throws BundleException {
        JsonNode root = StrictJson.parse(json, Reason.MANIFEST_INVALID, EntryPaths.MANIFEST);
        if (!(root instanceof ObjectNode o)) {
            throw invalid("not a JSON object");
        }
        // Format and version first: a newer version may add fields, and should say "update", not "invalid".
        if (!Manifest.FORMAT.equals(text(o, "format"))) {
            throw invalid("format");
        }
        JsonNode version = o.get("formatVersion");
        if (version == null || !version.isIntegralNumber()) {
            throw invalid("formatVersion");
        }
        if (!version.canConvertToInt() || version.intValue() != Manifest.FORMAT_VERSION) {
            throw new BundleException(Reason.UNSUPPORTED_VERSION, "formatVersion");
        }
        exactFields(o, FIELDS);

        UUID bundleId = uuid(text(o, "bundleId"));
        String device = device(text(o, "device"));
        long sequence = integer(o.get("sequence"), "sequence", 1);
        if (sequence > Manifest.MAX_SEQUENCE) {
            throw invalid("sequence");
        }
        JsonNode prev = o.get("previousBundleSha256");
        String previous = prev.isNull() ? null : text(o, "previousBundleSha256");
        if (previous != null && !Sha256.isHex(previous)) {
            throw invalid("previousBundleSha256");
        }
        // Only a device's first bundle lacks a predecessor; anything else breaks the chain.
        if ((sequence == 1) != (previous == null)) {
            throw invalid("previousBundleSha256");
        }
        List<String> recipients = recipients(o.get("recipients"));
        Instant createdAt = CanonicalInstant.parse(text(o, "createdAt"));
        if (createdAt == null) {
            throw invalid("createdAt");
        }
        List<ManifestEntry> entries = entries(o.get("entries"));
        return new Manifest(Manifest.FORMAT_VERSION, bundleId, device, sequence, previous, recipients, createdAt,
                entries);
    }

    private static List<String> recipients(JsonNode node) throws BundleException {
        // Bounded before any key is parsed: every check before the signature costs linear time at most.
        if (!node.isArray() || node.isEmpty() || node.size() > Manifest.MAX_RECIPIENTS) {
            throw invalid("recipients");
        }
        List<String> out = new ArrayList<>(node.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode r : node) {
            if (!r.isTextual()) {
                throw invalid("recipients");
            }
            try {
                // Canonical spelling only, so that the reader's membership test is string equality.
                if (!X25519Recipient.parse(r.textValue()).encode().equals(r.textValue())) {
                    throw invalid("recipients");
                }
            } catch (IllegalArgumentException e) {
                throw invalid("recipients");
            }
            if (!seen.add(r.textValue())) {
                throw invalid("recipients");
            }
            out.add(r.textValue());
        }
        return out;
    }

    private static List<ManifestEntry> entries(JsonNode node) throws BundleException {
        if (!node.isArray()) {
            throw invalid("entries");
        }
        List<ManifestEntry> out = new ArrayList<>(Math.min(node.size(), 1024));
        Set<String> seen = new HashSet<>();
        for (JsonNode e : node) {
            if (!(e instanceof ObjectNode eo)) {
                throw invalid("entries");
            }
            exactFields(eo, ENTRY_FIELDS);
            String path = text(eo, "path");
            if (!EntryPaths.isAllowed(path)) {
                throw new BundleException(Reason.UNSAFE_PATH, "manifest");
            }
            if (!seen.add(path)) {
                throw new BundleException(Reason.DUPLICATE_ENTRY, path);
            }
            long size = integer(eo.get("size"), "entries.size", 0);
            String sha = text(eo, "sha256");
            if (!Sha256.isHex(sha)) {
                throw invalid("entries.sha256");
            }
            out.add(new ManifestEntry(path, size, sha));
        }
        return out;
    }

    private static long integer(JsonNode n, String field, long min) throws BundleException {
        // isIntegralNumber is false for 1.0, 1e3 and "1": integers only, as JSON integers.
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < min) {
            throw invalid(field);
        }
        return n.longValue();
    }

    private static String device(String b64) throws BundleException {
        try {
            byte[] key = Base64.getDecoder().decode(b64);
            if (key.length == Ed25519.PUBLIC_KEY_BYTES && Base64.getEncoder().encodeToString(key).equals(b64)) {
                return b64;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw invalid("device");
    }

    private static UUID uuid(String s) throws BundleException {
        try {
            UUID u = UUID.fromString(s);
            if (u.toString().equals(s)) {
                return u;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw invalid("bundleId");
    }

    private static void exactFields(ObjectNode o, List<String> expected) throws BundleException {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            if (!expected.contains(it.next())) {
                throw invalid("unknown field");
            }
        }
        for (String f : expected) {
            if (!o.has(f)) {
                throw invalid("missing " + f);
            }
        }
    }

    private static String text(ObjectNode o, String field) throws BundleException {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual()) {
            throw invalid(field);
        }
        return n.textValue();
    }

    private static BundleException invalid(String detail) {
        return new BundleException(Reason.MANIFEST_INVALID, detail);
    }
}
