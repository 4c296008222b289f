package org.tanik.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.Random;
import org.tanik.crypto.Sha256;
import org.tanik.sync.RequestSignature;
import org.tanik.sync.Wire;

/** Every refusal of the wire protocol: its HTTP status and its Tanik-Refusal code. */
class IntakeRefusalTest {

    @TempDir
    Path dir;
    IntakeFixture intake;

    @AfterEach
    void stop() {
        if (intake != null) {
            intake.close();
        }
    }

    private TestIntakeClient start() throws Exception {
        intake = new IntakeFixture(dir);
        return intake.client;
    }

    private static void refused(TestIntakeClient.Answer a, int status, String code) {
        assertThat(a.status()).as("status (%s)", a.text()).isEqualTo(status);
        assertThat(a.refusal()).isEqualTo(code);
        assertThat(a.header("Content-Type")).startsWith("text/plain");
        assertThat(a.text()).isNotBlank();
    }

    @Test
    void unsignedBadSignatureUnknownRevokedReplayedStale() throws Exception {
        TestIntakeClient c = start();
        byte[] device = intake.registeredDevice();
        String sha = Sha256.hex(new byte[10]);
        Map<String, String> create = Map.of("Upload-Length", "10", "Upload-Metadata", TestIntakeClient.metadata(sha));

        refused(c.raw("POST", Wire.FILES, create, null), 401, "unsigned");

        // signed for 10 bytes, sent with 11: the covered header no longer matches
        Map<String, String> signed = signedHeaders("POST", Wire.FILES, create, device, c);
        Map<String, String> tampered = new LinkedHashMap<>(signed);
        tampered.put("Upload-Length", "11");
        refused(c.raw("POST", Wire.FILES, tampered, null), 401, "bad-signature");
        // a covered header dropped on the way is refused too
        Map<String, String> dropped = new LinkedHashMap<>(signed);
        dropped.remove("Upload-Metadata");
        refused(c.raw("POST", Wire.FILES, dropped, null), 401, "bad-signature");

        assertThat(c.raw("POST", Wire.FILES, signed, null).status()).isEqualTo(201);
        refused(c.raw("POST", Wire.FILES, signed, null), 401, "replayed");

        refused(c.send("POST", Wire.FILES, create, null, device, intake.clock.instant().minusSeconds(301)), 401, "stale-time");
        refused(c.send("POST", Wire.FILES, create, null, device, intake.clock.instant().plusSeconds(301)), 401, "stale-time");
        assertThat(c.send("POST", Wire.FILES, create, null, device, intake.clock.instant().minusSeconds(299)).status())
                .isEqualTo(201);

        refused(c.create(Ed25519.generatePrivateKey(), 10, sha), 401, "unknown-device");

        intake.allowList(List.of(), List.of(device));
        refused(c.create(device, 10, sha), 403, "revoked-device");
        // a revoked key that shows an invitation again stays revoked
        refused(intake.register(device, intake.invitation(intake.organisationKey, intake.clock.instant().plus(Duration.ofDays(1)))),
                403, "revoked-device");
    }

    private static Map<String, String> signedHeaders(String method, String path, Map<String, String> headers, byte[] key,
                                                     TestIntakeClient c) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(Wire.TUS_RESUMABLE, Wire.TUS_VERSION);
        int port = Integer.parseInt(c.base().substring(c.base().lastIndexOf(':') + 1));
        RequestSignature.Headers sig = RequestSignature.sign(method, RequestSignature.targetUri("https", "127.0.0.1", port, path),
                all, key, java.time.Instant.now());
        all.put(RequestSignature.SIGNATURE_INPUT, sig.signatureInput());
        all.put(RequestSignature.SIGNATURE, sig.signature());
        return all;
    }

    @Test
    void invitationsFromAnotherOrganisationOrExpiredAreRefused() throws Exception {
        start();
        byte[] device = Ed25519.generatePrivateKey();
        refused(intake.register(device, intake.invitation(Ed25519.generatePrivateKey(),
                intake.clock.instant().plus(Duration.ofDays(1)))), 403, "invitation-refused");
        refused(intake.register(device, intake.invitation(intake.organisationKey,
                intake.clock.instant().minus(Duration.ofMinutes(1)))), 403, "invitation-refused");
        refused(intake.register(device, "{\"format\":\"tanik-invitation\"}".getBytes()), 403, "invitation-refused");
        // a body that is not the one whose digest was signed
        byte[] good = intake.invitation(intake.organisationKey, intake.clock.instant().plus(Duration.ofDays(1)));
        refused(intake.client.send("POST", Wire.REGISTER, Map.of("Content-Digest", TestIntakeClient.contentDigest(new byte[1])),
                good, device), 401, "bad-signature");
        refused(intake.client.send("POST", Wire.REGISTER, Map.of(), good, device), 400, "malformed");
        refused(intake.client.create(device, 10, Sha256.hex(new byte[10])), 401, "unknown-device");
        assertThat(intake.register(device, good).status()).isEqualTo(204);
        assertThat(intake.register(device, good).status()).isEqualTo(204); // idempotent
        assertThat(intake.client.create(device, 10, Sha256.hex(new byte[10])).status()).isEqualTo(201);
    }

    @Test
    void sizeQuotaAndBusy() throws Exception {
        intake = new IntakeFixture(dir, true, c -> c.withLimits(1000, 2, 1500, 5000), false);
        TestIntakeClient c = intake.client;
        byte[] device = intake.registeredDevice();
        refused(c.create(device, 1001, Sha256.hex(new byte[1])), 413, "too-large");
        assertThat(c.create(device, 1000, Sha256.hex(new byte[2])).status()).isEqualTo(201);
        refused(c.create(device, 501, Sha256.hex(new byte[3])), 429, "quota-exceeded"); // 1000 + 501 > 1500
        assertThat(c.create(device, 500, Sha256.hex(new byte[4])).status()).isEqualTo(201);
        intake.allowList(List.of(device), List.of());
        refused(c.create(device, 10, Sha256.hex(new byte[5])), 503, "busy"); // two unfinished uploads in flight
    }

    @Test
    void oneDeviceCannotHoldTheSharedSlotsWithEmptyOrUnfinishedUploads() throws Exception {
        intake = new IntakeFixture(dir, true, c -> c.withLimits(1000, 64, 1500, 5000), false);
        TestIntakeClient c = intake.client;
        byte[] device = intake.registeredDevice();
        refused(c.create(device, 0, Sha256.hex(new byte[0])), 400, "malformed");
        assertThat(c.create(device, 1, Sha256.hex(new byte[1])).status()).isEqualTo(201);
        assertThat(c.create(device, 1, Sha256.hex(new byte[] {1})).status()).isEqualTo(201);
        // Two unfinished uploads before approval: the third waits, while others still find room.
        refused(c.create(device, 1, Sha256.hex(new byte[] {2})), 503, "busy");
        assertThat(c.create(intake.registeredDevice(), 1, Sha256.hex(new byte[] {3})).status()).isEqualTo(201);
    }

    @Test
    void malformedOffsetChecksumAndMetadata() throws Exception {
        TestIntakeClient c = start();
        byte[] device = intake.registeredDevice();
        byte[] bundle = Random.bytes(100);
        String location = c.create(device, 100, Sha256.hex(bundle)).header("Location");
        Map<String, String> h = new LinkedHashMap<>(Map.of("Content-Type", Wire.OFFSET_OCTET_STREAM,
                "Upload-Checksum", TestIntakeClient.checksum(bundle)));
        h.put("Upload-Offset", "abc");
        refused(c.send("PATCH", location, h, bundle, device), 400, "malformed");
        h.put("Upload-Offset", "-1");
        refused(c.send("PATCH", location, h, bundle, device), 400, "malformed");
        h.put("Upload-Offset", "0");
        h.put("Upload-Checksum", "md5 AAAA");
        refused(c.send("PATCH", location, h, bundle, device), 400, "malformed");
        h.put("Upload-Checksum", "sha256 notbase64!");
        refused(c.send("PATCH", location, h, bundle, device), 400, "malformed");
        h.remove("Upload-Checksum");
        refused(c.send("PATCH", location, h, bundle, device), 400, "malformed"); // required from a signed device
        refused(c.send("POST", Wire.FILES, Map.of("Upload-Length", "ten", "Upload-Metadata",
                TestIntakeClient.metadata(Sha256.hex(bundle))), null, device), 400, "malformed");
        refused(c.send("POST", Wire.FILES, Map.of("Upload-Length", "10"), null, device), 400, "malformed");
        refused(c.send("POST", Wire.FILES, Map.of("Upload-Length", "10", "Upload-Metadata", "sha256 "
                + java.util.Base64.getEncoder().encodeToString("ABC".getBytes())), null, device), 400, "malformed");
        assertThat(c.head(device, location).header("Upload-Offset")).isEqualTo("0");
    }

    @Test
    void offsetChecksumAndDigestMismatch() throws Exception {
        TestIntakeClient c = start();
        byte[] device = intake.registeredDevice();
        byte[] bundle = Random.bytes(100);
        String location = c.create(device, 100, Sha256.hex(bundle)).header("Location");
        refused(c.patch(device, location, 50, java.util.Arrays.copyOfRange(bundle, 50, 100)), 409, "offset-mismatch");

        Map<String, String> wrong = Map.of("Content-Type", Wire.OFFSET_OCTET_STREAM, "Upload-Offset", "0",
                "Upload-Checksum", TestIntakeClient.checksum(new byte[60]));
        refused(c.send("PATCH", location, wrong, java.util.Arrays.copyOf(bundle, 60), device), 460, "checksum-mismatch");
        assertThat(c.head(device, location).header("Upload-Offset")).isEqualTo("0"); // nothing of the chunk kept

        byte[] other = Random.bytes(100);
        String announcedWrong = c.create(device, 100, Sha256.hex(other)).header("Location");
        refused(c.patch(device, announcedWrong, 0, bundle), 460, "digest-mismatch");
        assertThat(c.head(device, announcedWrong).status()).isEqualTo(404); // the upload was deleted
    }

    @Test
    void onlyTheOrganisationFetchesAndOnlyOnceItIsConfigured() throws Exception {
        TestIntakeClient c = start();
        byte[] device = intake.registeredDevice();
        String sha = Sha256.hex(new byte[1]);
        refused(c.send("GET", Wire.BUNDLES, Map.of(), null, device), 403, "not-organisation");
        refused(c.send("GET", Wire.BUNDLES + "/" + sha, Map.of(), null, device), 403, "not-organisation");
        refused(c.send("POST", Wire.BUNDLES + "/" + sha + "/ack", Map.of(), null, device), 403, "not-organisation");
        byte[] list = "x".getBytes();
        refused(c.send("PUT", Wire.DEVICES, Map.of("Content-Digest", TestIntakeClient.contentDigest(list)), list, device),
                403, "not-organisation");
        refused(c.send("GET", Wire.BUNDLES, Map.of(), null, Ed25519.generatePrivateKey()), 403, "not-organisation");
        refused(c.send("GET", Wire.BUNDLES + "?limit=501", Map.of(), null, intake.organisationKey), 400, "malformed");

        intake.close();
        intake = new IntakeFixture(dir.resolve("untrusted"), false, cfg -> cfg, false);
        refused(intake.client.send("GET", Wire.BUNDLES, Map.of(), null, intake.organisationKey), 503, "not-configured");
        refused(intake.register(Ed25519.generatePrivateKey(), intake.invitation(intake.organisationKey,
                intake.clock.instant().plus(Duration.ofDays(1)))), 503, "not-configured");
    }
}
