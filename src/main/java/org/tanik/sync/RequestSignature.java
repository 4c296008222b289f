package org.tanik.sync;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.Random;

/**
 * A small profile of RFC 9421 (HTTP Message Signatures) for every request a device or the
 * organisation makes to the intake. One signature, labelled {@code tanik}, over:
 * <ul>
 *   <li>{@code "@method"} and {@code "@target-uri"} (always);</li>
 *   <li>each of {@link #HEADERS} that the request carries (the tus offset, length, checksum and
 *       metadata, a range, a content digest): a verifier refuses a request carrying one uncovered;</li>
 *   <li>the parameters {@code created} (seconds since the epoch), {@code nonce} (128 random bits),
 *       {@code keyid} (base64url of the Ed25519 public key) and {@code alg="ed25519"}.</li>
 * </ul>
 * The body of a PATCH is covered through the signed {@code upload-checksum} of that chunk; any other
 * body through a signed {@code content-digest} (RFC 9530, sha-256). Freshness (the window for
 * {@code created}) and replay (a nonce seen before) are the verifier's to enforce, since it owns
 * the clock and the memory of nonces.
 */
public final class RequestSignature {

    public static final String LABEL = "tanik";
    public static final String SIGNATURE_INPUT = "Signature-Input";
    public static final String SIGNATURE = "Signature";
    /** The headers covered whenever present, lower case as RFC 9421 names them. */
    public static final List<String> HEADERS = List.of("upload-offset", "upload-length", "upload-checksum",
            "upload-metadata", "range", "content-digest", "tanik-cursor");

    private static final Pattern INPUT = Pattern.compile(
            "tanik=\\(((?:\"[a-z@-]+\"(?: \"[a-z@-]+\")*)?)\\)((?:;[a-z]+=(?:\"[A-Za-z0-9_+/=.-]*\"|[0-9]+))*)");
    private static final Pattern PARAM = Pattern.compile(";([a-z]+)=(\"[^\"]*\"|[0-9]+)");
    private static final Pattern SIGNATURE_VALUE = Pattern.compile("tanik=:([A-Za-z0-9+/]+=*):");

    /** The two header values to send. */
    public record Headers(String signatureInput, String signature) {
    }

    /** What a well-formed signature claims; {@link #verify} checks it against the key it names. */
    public record Parsed(List<String> covered, String params, Instant created, String nonce, byte[] keyId,
                         byte[] signature) {
    }

    private RequestSignature() {
    }

    /**
     * Signs a request.
     *
     * @param targetUri the request's absolute URI as {@link #targetUri} writes it
     * @param headers   the request's headers (any case); only {@link #HEADERS} are covered
     */
    public static Headers sign(String method, String targetUri, Map<String, String> headers, byte[] privateKey,
                               Instant created) {
        Map<String, String> present = covered(headers);
        List<String> covered = new ArrayList<>(List.of("@method", "@target-uri"));
        covered.addAll(present.keySet());
        byte[] publicKey = Ed25519.publicKey(privateKey);
        String params = params(covered, created.getEpochSecond(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(Random.bytes(16)), Keys.keyId(publicKey));
        byte[] base = base(method, targetUri, present, covered, params);
        String sig = Base64.getEncoder().encodeToString(Ed25519.sign(privateKey, base));
        return new Headers(LABEL + "=" + params, LABEL + "=:" + sig + ":");
    }

    /** Parses the two headers; empty when either is missing or not of this profile. */
    public static Optional<Parsed> parse(String signatureInput, String signature) {
        if (signatureInput == null || signature == null) {
            return Optional.empty();
        }
        Matcher in = INPUT.matcher(signatureInput.trim());
        Matcher sig = SIGNATURE_VALUE.matcher(signature.trim());
        if (!in.matches() || !sig.matches()) {
            return Optional.empty();
        }
        List<String> covered = new ArrayList<>();
        for (String item : in.group(1).split(" ")) {
            if (!item.isEmpty()) {
                covered.add(item.substring(1, item.length() - 1));
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher p = PARAM.matcher(in.group(2));
        while (p.find()) {
            if (params.put(p.group(1), p.group(2)) != null) {
                return Optional.empty();
            }
        }
        if (!params.keySet().equals(java.util.Set.of("created", "nonce", "keyid", "alg"))
                || !"\"ed25519\"".equals(params.get("alg")) || params.get("created").startsWith("\"")
                || !params.get("nonce").startsWith("\"") || !params.get("keyid").startsWith("\"")
                || params.get("created").length() > 12 || covered.size() != new java.util.HashSet<>(covered).size()) {
            return Optional.empty();
        }
        byte[] keyId = Keys.fromKeyId(unquote(params.get("keyid")));
        String nonce = unquote(params.get("nonce"));
        if (keyId == null || nonce.length() < 16 || nonce.length() > 64) {
            return Optional.empty();
        }
        byte[] signatureBytes = Base64.getDecoder().decode(sig.group(1));
        String paramsText = signatureInput.trim().substring(LABEL.length() + 1);
        return Optional.of(new Parsed(List.copyOf(covered), paramsText,
                Instant.ofEpochSecond(Long.parseLong(params.get("created"))), nonce, keyId, signatureBytes));
    }

    /**
     * Whether the signature is by the key it names and covers the method, the target URI and every
     * one of {@link #HEADERS} that the request carries.
     */
    public static boolean verify(Parsed parsed, String method, String targetUri, Map<String, String> headers) {
        Map<String, String> present = covered(headers);
        List<String> required = new ArrayList<>(List.of("@method", "@target-uri"));
        required.addAll(present.keySet());
        if (!parsed.covered().equals(required)) {
            // Same order as sign(): a header added or dropped by someone in between is a refusal.
            return false;
        }
        byte[] base = base(method, targetUri, present, parsed.covered(), parsed.params());
        return Ed25519.verify(parsed.keyId(), base, parsed.signature());
    }

    /**
     * The target URI both sides sign: lower-case scheme and host, the port only when it is not the
     * scheme's default, then the path and query exactly as sent.
     */
    public static String targetUri(String scheme, String host, int port, String pathAndQuery) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || ("https".equals(s) && port == 443) || ("http".equals(s) && port == 80);
        String h = host.toLowerCase(Locale.ROOT);
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return s + "://" + h + (defaultPort ? "" : ":" + port) + pathAndQuery;
    }

    private static Map<String, String> covered(Map<String, String> headers) {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        Map<String, String> present = new LinkedHashMap<>();
        for (String h : HEADERS) {
            if (lower.containsKey(h) && lower.get(h) != null) {
                present.put(h, lower.get(h).trim());
            }
        }
        return present;
    }

    private static String params(List<String> covered, long created, String nonce, String keyId) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < covered.size(); i++) {
            s.append(i == 0 ? "" : " ").append('"').append(covered.get(i)).append('"');
        }
        return s.append(");created=").append(created).append(";nonce=\"").append(nonce).append("\";keyid=\"")
                .append(keyId).append("\";alg=\"ed25519\"").toString();
    }

    /** The signature base of RFC 9421 section 2.5, for the components this profile knows. */
    private static byte[] base(String method, String targetUri, Map<String, String> headers, List<String> covered,
                               String params) {
        StringBuilder b = new StringBuilder();
        for (String c : covered) {
            String value = switch (c) {
                case "@method" -> method.toUpperCase(Locale.ROOT);
                case "@target-uri" -> targetUri;
                default -> headers.getOrDefault(c, "");
            };
            b.append('"').append(c).append("\": ").append(value).append('\n');
        }
        b.append("\"@signature-params\": ").append(params);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1);
    }
}
