package org.tanik.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import org.tanik.model.Json;

/**
 * The intake's word that it holds a bundle: the bundle file's SHA-256 (hex), its size and when it
 * was received, signed by the intake key that the organisation certified in its invitation. A
 * bundle is marked delivered only when its receipt verifies and names exactly that file.
 */
public record Receipt(String sha256, long size, Instant receivedAt) {

    static final String DOMAIN = "tanik-receipt-v1";
    /** A header-sized bound: a receipt is about 200 characters. */
    static final int MAX_CHARS = 2048;
    private static final Set<String> FIELDS = Set.of("format", "version", "sha256", "size", "receivedAt");

    public String sign(byte[] intakePrivateKey) {
        ObjectMapper json = Json.mapper();
        ObjectNode p = json.createObjectNode();
        p.put("format", "tanik-receipt");
        p.put("version", 1);
        p.put("sha256", sha256);
        p.put("size", size);
        p.put("receivedAt", receivedAt.toString());
        return SignedToken.write(DOMAIN, p, intakePrivateKey);
    }

    /** The receipt in {@code token} when the intake key signed it; empty for anything else. */
    public static Optional<Receipt> verify(String token, byte[] intakePublicKey) {
        return SignedToken.read(DOMAIN, token, intakePublicKey, MAX_CHARS).flatMap(Receipt::parse);
    }

    /** Whether this receipt is for exactly the file with this hash and size. */
    public boolean covers(String fileSha256, long fileSize) {
        return sha256.equalsIgnoreCase(fileSha256) && size == fileSize;
    }

    private static Optional<Receipt> parse(byte[] payload) {
        try {
            JsonNode p = Json.mapper().readTree(payload);
            if (p == null || !p.isObject() || p.size() != FIELDS.size()
                    || !FIELDS.containsAll(iterable(p)) || !"tanik-receipt".equals(p.path("format").asText())
                    || p.path("version").asInt() != 1 || !p.path("size").canConvertToLong()
                    || !p.path("sha256").asText().matches("[0-9a-f]{64}")) {
                return Optional.empty();
            }
            return Optional.of(new Receipt(p.get("sha256").asText(), p.get("size").asLong(),
                    Instant.parse(p.get("receivedAt").asText())));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Set<String> iterable(JsonNode n) {
        Set<String> names = new java.util.HashSet<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
