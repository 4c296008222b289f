package org.tanik.enrolment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.age.X25519Recipient;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.i18n.Texts;
import org.tanik.model.Json;

/**
 * The invitation file: a JSON object whose {@code payload} is the base64url of the exact signed
 * JSON bytes (as in JWS), so the signature never depends on how JSON is re-serialised, plus the
 * Ed25519 {@code signature} over those bytes by the key inside.
 */
public final class InvitationCodec {

    static final String FORMAT = "tanik-invitation";
    static final int VERSION = 1;
    private static final Set<String> OUTER = Set.of("format", "version", "payload", "signature", "note");
    private static final Set<String> REQUIRED = Set.of("format", "version", "organisation", "recipients", "signingKey",
            "intakeUrl", "tlsPin", "issuedAt", "expiresAt");
    /** Added with sync: an invitation without them still reads (its device exports to files only). */
    private static final Set<String> INNER = union(REQUIRED, Set.of("intakeKey", "route"));
    private final ObjectMapper json = Json.mapper();

    /** The family of the invitation's human-readable note. */
    static final String NOTE_TEXTS = "org.tanik.i18n.invitation";

    public byte[] write(Invitation inv, byte[] signingPrivateKey) {
        return write(inv, signingPrivateKey, Locale.ENGLISH);
    }

    /**
     * The invitation signed, with its note (outside the signed payload, for whoever opens the file in
     * a text editor) in {@code language}: the organisation's, as its coordinator chose it.
     */
    public byte[] write(Invitation inv, byte[] signingPrivateKey, Locale language) {
        ObjectNode p = json.createObjectNode();
        p.put("format", FORMAT);
        p.put("version", VERSION);
        p.put("organisation", inv.organisation());
        ArrayNode r = p.putArray("recipients");
        inv.recipients().forEach(r::add);
        p.put("signingKey", Base64.getEncoder().encodeToString(inv.signingKey()));
        p.put("intakeUrl", inv.intakeUrl());
        p.put("tlsPin", inv.tlsPin());
        if (inv.intakeKey() != null) {
            p.put("intakeKey", inv.intakeKey());
            p.put("route", inv.route());
        }
        p.put("issuedAt", inv.issuedAt().toString());
        p.put("expiresAt", inv.expiresAt().toString());
        try {
            byte[] payload = json.writeValueAsBytes(p);
            ObjectNode outer = json.createObjectNode();
            outer.put("format", FORMAT);
            outer.put("version", VERSION);
            outer.put("note", Texts.of(NOTE_TEXTS, language).format("invitation.note", inv.organisation(),
                    inv.fingerprint()));
            outer.put("payload", Base64.getUrlEncoder().withoutPadding().encodeToString(payload));
            outer.put("signature", Base64.getEncoder().encodeToString(Ed25519.sign(signingPrivateKey, payload)));
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(outer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses and checks the signature; expiry is the caller's decision (it knows the clock). */
    public Invitation read(byte[] file) {
        try {
            JsonNode outer = json.readTree(file);
            requireFields(outer, OUTER, Set.of("format", "version", "payload", "signature"));
            checkFormat(outer);
            byte[] payload = Base64.getUrlDecoder().decode(text(outer, "payload"));
            byte[] signature = Base64.getDecoder().decode(text(outer, "signature"));
            JsonNode p = json.readTree(payload);
            requireFields(p, INNER, REQUIRED);
            checkFormat(p);
            byte[] key = Base64.getDecoder().decode(text(p, "signingKey"));
            if (!Ed25519.verify(key, payload, signature)) {
                throw invalid("its signature does not match");
            }
            List<String> recipients = new ArrayList<>();
            for (JsonNode n : p.get("recipients")) {
                X25519Recipient.parse(n.asText()); // must be a valid age1… key
                recipients.add(n.asText());
            }
            if (recipients.isEmpty()) {
                throw invalid("it names no recipient");
            }
            Instant issuedAt = Instant.parse(text(p, "issuedAt"));
            Instant expiresAt = Instant.parse(text(p, "expiresAt"));
            if (!expiresAt.isAfter(issuedAt)) {
                // An empty or reversed validity window: a broken or crafted file, never what org invite writes.
                throw new TanikException(Problem.INVITATION_DATES);
            }
            Invitation inv = new Invitation(text(p, "organisation"), recipients, key, optional(p, "intakeUrl"),
                    optional(p, "tlsPin"), optional(p, "intakeKey"), optional(p, "route"), issuedAt, expiresAt);
            inv.intake(); // a pin, key or route that does not parse makes the whole invitation invalid
            return inv;
        } catch (IOException | IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw invalid("it is not a well-formed Tanik invitation");
        }
    }

    private static void checkFormat(JsonNode n) {
        if (!FORMAT.equals(text(n, "format"))) {
            throw invalid("it is not a Tanik invitation");
        }
        if (!n.get("version").isInt() || n.get("version").asInt() != VERSION) {
            throw invalid("it was made by an unknown version of Tanik");
        }
    }

    private static void requireFields(JsonNode n, Set<String> allowed, Set<String> required) {
        if (!n.isObject()) {
            throw invalid("it is not a well-formed Tanik invitation");
        }
        n.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                throw invalid("it has an unknown field \"" + f + "\"");
            }
        });
        for (String f : required) {
            if (!n.has(f)) {
                throw invalid("the field \"" + f + "\" is missing");
            }
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(field);
        }
        return v.asText();
    }

    private static String optional(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : text(n, field);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    static TanikException invalid(String why) {
        return new TanikException(Problem.INVALID_INVITATION, why);
    }
}
