package org.tanik.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tanik.crypto.Ed25519;

class RequestSignatureTest {

    private final byte[] key = Ed25519.generatePrivateKey();
    private final String uri = RequestSignature.targetUri("https", "Intake.Example", 443, "/files/abc");
    private final Instant now = Instant.parse("2026-12-04T12:00:00Z");

    private Map<String, String> tusHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Upload-Offset", "1024");
        h.put("Upload-Checksum", "sha256 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        h.put("Content-Type", "application/offset+octet-stream");
        return h;
    }

    private RequestSignature.Parsed parsed(RequestSignature.Headers s) {
        return RequestSignature.parse(s.signatureInput(), s.signature()).orElseThrow();
    }

    @Test
    void aSignedRequestVerifiesAndNamesItsKeyAndTime() {
        RequestSignature.Headers s = RequestSignature.sign("PATCH", uri, tusHeaders(), key, now);
        RequestSignature.Parsed p = parsed(s);
        assertThat(RequestSignature.verify(p, "PATCH", uri, tusHeaders())).isTrue();
        assertThat(p.keyId()).isEqualTo(Ed25519.publicKey(key));
        assertThat(p.created()).isEqualTo(now);
        assertThat(p.covered()).containsExactly("@method", "@target-uri", "upload-offset", "upload-checksum");
        assertThat(s.signatureInput()).startsWith("tanik=(\"@method\" \"@target-uri\" \"upload-offset\"");
    }

    @Test
    void anyChangeToACoveredPartIsRefused() {
        RequestSignature.Parsed p = parsed(RequestSignature.sign("PATCH", uri, tusHeaders(), key, now));
        Map<String, String> moved = tusHeaders();
        moved.put("Upload-Offset", "2048");
        assertThat(RequestSignature.verify(p, "PATCH", uri, moved)).isFalse();
        assertThat(RequestSignature.verify(p, "DELETE", uri, tusHeaders())).isFalse();
        assertThat(RequestSignature.verify(p, "PATCH", uri + "x", tusHeaders())).isFalse();
    }

    @Test
    void aCoverableHeaderAddedAfterSigningIsRefused() {
        RequestSignature.Parsed p = parsed(RequestSignature.sign("PATCH", uri, tusHeaders(), key, now));
        Map<String, String> more = tusHeaders();
        more.put("Upload-Length", "99");
        assertThat(RequestSignature.verify(p, "PATCH", uri, more)).isFalse();
        Map<String, String> fewer = tusHeaders();
        fewer.remove("Upload-Checksum");
        assertThat(RequestSignature.verify(p, "PATCH", uri, fewer)).isFalse();
    }

    @Test
    void anotherKeysSignatureUnderThisKeyIdIsRefused() {
        RequestSignature.Headers mine = RequestSignature.sign("HEAD", uri, Map.of(), key, now);
        RequestSignature.Headers other = RequestSignature.sign("HEAD", uri, Map.of(), Ed25519.generatePrivateKey(), now);
        String forgedInput = other.signatureInput().replaceAll("keyid=\"[^\"]+\"",
                "keyid=\"" + Keys.keyId(Ed25519.publicKey(key)) + "\"");
        RequestSignature.Parsed forged = RequestSignature.parse(forgedInput, other.signature()).orElseThrow();
        assertThat(RequestSignature.verify(forged, "HEAD", uri, Map.of())).isFalse();
        assertThat(RequestSignature.verify(parsed(mine), "HEAD", uri, Map.of())).isTrue();
    }

    @Test
    void malformedHeadersAreNotParsed() {
        RequestSignature.Headers s = RequestSignature.sign("HEAD", uri, Map.of(), key, now);
        assertThat(RequestSignature.parse(null, s.signature())).isEmpty();
        assertThat(RequestSignature.parse(s.signatureInput(), "tanik=:not base64:")).isEmpty();
        assertThat(RequestSignature.parse(s.signatureInput().replace("ed25519", "rsa"), s.signature())).isEmpty();
        assertThat(RequestSignature.parse(s.signatureInput() + ";created=1", s.signature())).isEmpty();
        assertThat(RequestSignature.parse("other=" + s.signatureInput().substring(6), s.signature())).isEmpty();
    }

    @Test
    void theTargetUriDropsDefaultPortsAndLowersTheHost() {
        assertThat(RequestSignature.targetUri("HTTPS", "Abc.ONION", 443, "/x?y=Z")).isEqualTo("https://abc.onion/x?y=Z");
        assertThat(RequestSignature.targetUri("https", "127.0.0.1", 8443, "/x")).isEqualTo("https://127.0.0.1:8443/x");
        assertThat(RequestSignature.targetUri("https", "::1", 8443, "/")).isEqualTo("https://[::1]:8443/");
    }
}
