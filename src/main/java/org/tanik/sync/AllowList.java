package org.tanik.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tanik.model.Json;

/**
 * The organisation's word to its intake about device transport keys: which are approved (full
 * quota) and which are revoked (refused). Signed by the organisation's signing key; the intake
 * takes a list only with a higher serial than the one it holds, so an old list cannot be replayed
 * to un-revoke a device. Keys are base64url key ids ({@link Keys#keyId}).
 */
public record AllowList(long serial, Instant issuedAt, List<String> approved, List<String> revoked) {

    static final String DOMAIN = "tanik-allowlist-v1";
    /** Room for tens of thousands of devices. */
    static final int MAX_CHARS = 8 * 1024 * 1024;

    public AllowList {
        approved = List.copyOf(approved);
        revoked = List.copyOf(revoked);
    }

    public String sign(byte[] organisationPrivateKey) {
        ObjectMapper json = Json.mapper();
        ObjectNode p = json.createObjectNode();
        p.put("format", "tanik-allowlist");
        p.put("version", 1);
        p.put("serial", serial);
        p.put("issuedAt", issuedAt.toString());
        ArrayNode a = p.putArray("approved");
        approved.forEach(a::add);
        ArrayNode r = p.putArray("revoked");
        revoked.forEach(r::add);
        return SignedToken.write(DOMAIN, p, organisationPrivateKey);
    }

    public static Optional<AllowList> verify(String token, byte[] organisationPublicKey) {
        return SignedToken.read(DOMAIN, token, organisationPublicKey, MAX_CHARS).flatMap(AllowList::parse);
    }

    private static Optional<AllowList> parse(byte[] payload) {
        try {
            JsonNode p = Json.mapper().readTree(payload);
            if (p == null || !"tanik-allowlist".equals(p.path("format").asText()) || p.path("version").asInt() != 1
                    || !p.path("serial").canConvertToLong()) {
                return Optional.empty();
            }
            List<String> approved = keys(p.get("approved"));
            List<String> revoked = keys(p.get("revoked"));
            if (approved == null || revoked == null) {
                return Optional.empty();
            }
            return Optional.of(new AllowList(p.get("serial").asLong(), Instant.parse(p.get("issuedAt").asText()),
                    approved, revoked));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<String> keys(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode k : array) {
            if (!k.isTextual() || Keys.fromKeyId(k.asText()) == null) {
                return null;
            }
            keys.add(k.asText());
        }
        return keys;
    }
}
