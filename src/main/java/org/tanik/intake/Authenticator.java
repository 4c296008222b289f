package org.tanik.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.tanik.sync.Keys;
import org.tanik.sync.Refusal;
import org.tanik.sync.RequestSignature;

/**
 * Checks a request's RFC 9421 signature ({@link RequestSignature}) and says who made it. The checks,
 * in order: a signature of this profile (else unsigned), by the key it names over this very request
 * (bad-signature), made within {@link #FRESHNESS} of the intake's clock (stale-time), with a nonce
 * this key has not used within {@link #NONCE_MEMORY} (replayed). What the key may do is the caller's
 * decision, from its state.
 */
final class Authenticator {

    static final Duration FRESHNESS = Duration.ofSeconds(300);
    /** Longer than twice the freshness window, so a nonce is remembered as long as its request could pass. */
    static final Duration NONCE_MEMORY = Duration.ofSeconds(600);

    private final IntakeIndex index;
    private final Clock clock;
    private final byte[] organisationKey;

    Authenticator(IntakeIndex index, Clock clock, byte[] organisationKey) {
        this.index = index;
        this.clock = clock;
        this.organisationKey = organisationKey == null ? null : organisationKey.clone();
    }

    static boolean signed(Request request) {
        return request.getHeaders().get(RequestSignature.SIGNATURE_INPUT) != null
                || request.getHeaders().get(RequestSignature.SIGNATURE) != null;
    }

    Caller authenticate(Request request) {
        HttpFields h = request.getHeaders();
        Optional<RequestSignature.Parsed> parsed = RequestSignature.parse(h.get(RequestSignature.SIGNATURE_INPUT),
                h.get(RequestSignature.SIGNATURE));
        if (parsed.isEmpty()) {
            throw new Refused(Refusal.UNSIGNED, "this request carries no valid signature");
        }
        Map<String, String> covered = new LinkedHashMap<>();
        for (String name : RequestSignature.HEADERS) {
            String value = h.get(name);
            if (value != null) {
                covered.put(name, value);
            }
        }
        HttpURI uri = request.getHttpURI();
        String target = RequestSignature.targetUri("https", uri.getHost() == null ? "" : uri.getHost(), uri.getPort(),
                uri.getPathQuery());
        if (!RequestSignature.verify(parsed.get(), request.getMethod(), target, covered)) {
            throw new Refused(Refusal.BAD_SIGNATURE, "the signature does not match this request");
        }
        Instant now = clock.instant();
        if (Duration.between(parsed.get().created(), now).abs().compareTo(FRESHNESS) > 0) {
            throw new Refused(Refusal.STALE_TIME, "the request was signed too far from the intake's time");
        }
        String keyId = Keys.keyId(parsed.get().keyId());
        if (!index.rememberNonce(keyId, parsed.get().nonce(), now)) {
            throw new Refused(Refusal.REPLAYED, "this request was seen before");
        }
        boolean organisation = organisationKey != null
                && java.security.MessageDigest.isEqual(organisationKey, parsed.get().keyId());
        return new Caller(keyId, organisation ? IntakeIndex.DeviceState.UNKNOWN : index.device(keyId), organisation);
    }

    /** The organisation's key, or a refusal when the operator has not recorded it. */
    byte[] organisationKey() {
        if (organisationKey == null) {
            throw new Refused(Refusal.NOT_CONFIGURED, "the intake has no organisation key yet (intake trust)");
        }
        return organisationKey.clone();
    }

    boolean configured() {
        return organisationKey != null;
    }
}
