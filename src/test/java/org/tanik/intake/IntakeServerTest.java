package org.tanik.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.Random;
import org.tanik.crypto.Sha256;
import org.tanik.model.Json;
import org.tanik.sync.Keys;
import org.tanik.sync.Receipt;
import org.tanik.sync.Wire;

/** The intake over real TLS on loopback: the tus flow, registration, the organisation's side. */
class IntakeServerTest {

    @TempDir
    Path dir;
    IntakeFixture intake;
    TestIntakeClient client;

    @BeforeEach
    void start() throws Exception {
        intake = new IntakeFixture(dir);
        client = intake.client;
    }

    @AfterEach
    void stop() {
        intake.close();
    }

    @Test
    void optionsAnnouncesTheTusExtensionsWithoutASignature() throws Exception {
        TestIntakeClient.Answer a = client.raw("OPTIONS", Wire.FILES, Map.of(), null);
        assertThat(a.status()).isEqualTo(204);
        assertThat(a.header("Tus-Resumable")).isEqualTo("1.0.0");
        assertThat(a.header("Tus-Version")).isEqualTo("1.0.0");
        assertThat(a.header("Tus-Extension")).isEqualTo("creation,checksum,termination,expiration");
        assertThat(a.header("Tus-Checksum-Algorithm")).isEqualTo("sha256");
        assertThat(a.header("Tus-Max-Size")).isEqualTo(String.valueOf(2048L * 1024 * 1024));
    }

    @Test
    void aRegisteredDeviceUploadsInChunksAndGetsAReceiptThatVerifies() throws Exception {
        byte[] device = intake.registeredDevice();
        byte[] bundle = Random.bytes(100_000);
        String sha = Sha256.hex(bundle);

        assertThat(client.send("GET", Wire.RECEIPTS + sha, Map.of(), null, device).status()).isEqualTo(404);
        TestIntakeClient.Answer created = client.create(device, bundle.length, sha);
        assertThat(created.status()).isEqualTo(201);
        String location = created.header("Location");
        assertThat(location).matches("/files/[A-Za-z0-9_-]+");
        assertThat(created.header("Upload-Expires")).endsWith("GMT");

        TestIntakeClient.Answer last = client.resume(device, location, bundle, 0, 16 * 1024);
        assertThat(last.status()).isEqualTo(204);
        assertThat(last.header("Upload-Offset")).isEqualTo("100000");
        String token = last.header(Wire.RECEIPT_HEADER);
        Receipt receipt = Receipt.verify(token, Keys.parse(intake.server.intakeKey())).orElseThrow();
        assertThat(receipt.covers(sha, bundle.length)).isTrue();
        assertThat(receipt.receivedAt().getNano()).isZero();

        assertThat(Files.readAllBytes(intake.folder.dir().resolve("blobs").resolve(sha))).isEqualTo(bundle);
        try (var partials = Files.list(intake.folder.dir().resolve("uploads"))) {
            assertThat(partials).isEmpty();
        }
        TestIntakeClient.Answer head = client.head(device, location);
        assertThat(head.header("Upload-Offset")).isEqualTo("100000");
        assertThat(head.header("Cache-Control")).isEqualTo("no-store");
        assertThat(head.header(Wire.RECEIPT_HEADER)).isEqualTo(token);

        // the same bundle again: the same receipt, nothing sent
        TestIntakeClient.Answer again = client.create(device, bundle.length, sha);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header(Wire.RECEIPT_HEADER)).isEqualTo(token);
        assertThat(client.head(device, again.header("Location")).header("Upload-Offset")).isEqualTo("100000");
        TestIntakeClient.Answer asked = client.send("GET", Wire.RECEIPTS + sha, Map.of(), null, device);
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.text().trim()).isEqualTo(token);

        // Another device holding a copy learns nothing: no receipt, and its upload starts at zero.
        byte[] other = intake.registeredDevice();
        assertThat(client.send("GET", Wire.RECEIPTS + sha, Map.of(), null, other).status()).isEqualTo(404);
        TestIntakeClient.Answer copy = client.create(other, bundle.length, sha);
        assertThat(copy.status()).isEqualTo(201);
        assertThat(copy.header(Wire.RECEIPT_HEADER)).isNull();
        assertThat(client.head(other, copy.header("Location")).header("Upload-Offset")).isEqualTo("0");
    }

    @Test
    void anUploadIsTheDeviceThatCreatedItsAlone() throws Exception {
        byte[] device = intake.registeredDevice();
        byte[] other = intake.registeredDevice();
        TestIntakeClient.Answer created = client.create(device, 10, Sha256.hex(new byte[10]));
        assertThat(client.head(other, created.header("Location")).status()).isEqualTo(404);
        assertThat(client.patch(other, created.header("Location"), 0, new byte[10]).status()).isEqualTo(404);
    }

    @Test
    void terminationDeletesThePartialFile() throws Exception {
        byte[] device = intake.registeredDevice();
        byte[] bundle = Random.bytes(1000);
        String location = client.create(device, bundle.length, Sha256.hex(bundle)).header("Location");
        client.patch(device, location, 0, Arrays.copyOf(bundle, 300));
        assertThat(client.send("DELETE", location, Map.of(), null, device).status()).isEqualTo(204);
        assertThat(client.head(device, location).status()).isEqualTo(404);
        try (var partials = Files.list(intake.folder.dir().resolve("uploads"))) {
            assertThat(partials).isEmpty();
        }
    }

    @Test
    void anIdleUploadExpiresAndTheSweeperDeletesIt() throws Exception {
        byte[] device = intake.registeredDevice();
        String location = client.create(device, 1000, Sha256.hex(new byte[1000])).header("Location");
        client.patch(device, location, 0, new byte[100]);
        intake.clock.advance(Duration.ofHours(25));
        assertThat(client.head(device, location).status()).isEqualTo(410);
        assertThat(client.head(device, location).refusal()).isEqualTo("gone");
        intake.server.sweep();
        assertThat(client.head(device, location).status()).isEqualTo(404);
        try (var partials = Files.list(intake.folder.dir().resolve("uploads"))) {
            assertThat(partials).isEmpty();
        }
    }

    @Test
    void theOrganisationListsDownloadsWithARangeAndAcknowledges() throws Exception {
        byte[] device = intake.registeredDevice();
        byte[] first = Random.bytes(5000);
        byte[] second = Random.bytes(7000);
        client.upload(device, first, 4096);
        client.upload(device, second, 4096);

        TestIntakeClient.Answer listed = client.send("GET", Wire.BUNDLES + "?after=0&limit=500", Map.of(), null,
                intake.organisationKey);
        assertThat(listed.status()).isEqualTo(200);
        JsonNode bundles = Json.mapper().readTree(listed.body()).get("bundles");
        assertThat(bundles).hasSize(2);
        assertThat(bundles.get(0).get("sha256").asText()).isEqualTo(Sha256.hex(first));
        assertThat(bundles.get(0).get("size").asLong()).isEqualTo(5000);
        assertThat(bundles.get(0).get("device").asText()).isEqualTo(Keys.keyId(Ed25519.publicKey(device)));
        assertThat(bundles.get(0).get("receivedAt").asText()).endsWith("Z");
        long cursor = bundles.get(0).get("cursor").asLong();
        assertThat(bundles.get(1).get("cursor").asLong()).isGreaterThan(cursor);
        JsonNode after = Json.mapper().readTree(client.send("GET", Wire.BUNDLES + "?after=" + cursor, Map.of(), null,
                intake.organisationKey).body()).get("bundles");
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("sha256").asText()).isEqualTo(Sha256.hex(second));

        String path = Wire.BUNDLES + "/" + Sha256.hex(second);
        TestIntakeClient.Answer whole = client.send("GET", path, Map.of(), null, intake.organisationKey);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(second);
        TestIntakeClient.Answer rest = client.send("GET", path, Map.of("Range", "bytes=3000-"), null, intake.organisationKey);
        assertThat(rest.status()).isEqualTo(206);
        assertThat(rest.header("Content-Range")).isEqualTo("bytes 3000-6999/7000");
        assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(second, 3000, 7000));

        assertThat(client.send("POST", path + "/ack", Map.of(), null, intake.organisationKey).status()).isEqualTo(204);
        assertThat(client.send("POST", Wire.BUNDLES + "/" + Sha256.hex(new byte[1]) + "/ack", Map.of(), null,
                intake.organisationKey).status()).isEqualTo(404);
        Path blob = intake.folder.dir().resolve("blobs").resolve(Sha256.hex(second));
        intake.server.sweep();
        assertThat(blob).exists(); // retention: 7 days by default
        intake.clock.advance(Duration.ofDays(7).plusMinutes(1));
        intake.server.sweep();
        assertThat(blob).doesNotExist();
        assertThat(intake.folder.dir().resolve("blobs").resolve(Sha256.hex(first))).exists(); // not acknowledged
        // gone from the list and the download; the receipt is still given to its device
        JsonNode now = Json.mapper().readTree(client.send("GET", Wire.BUNDLES, Map.of(), null,
                intake.organisationKey).body()).get("bundles");
        assertThat(now).hasSize(1);
        assertThat(client.send("GET", path, Map.of(), null, intake.organisationKey).status()).isEqualTo(404);
        assertThat(client.send("GET", Wire.RECEIPTS + Sha256.hex(second), Map.of(), null, device).status()).isEqualTo(200);
    }

    @Test
    void theAllowListTakesOnlyAHigherSerial() throws Exception {
        byte[] device = intake.registeredDevice();
        String id = Keys.keyId(Ed25519.publicKey(device));
        java.time.Instant t = intake.clock.instant();
        String two = new org.tanik.sync.AllowList(2, t, List.of(id), List.of()).sign(intake.organisationKey);
        String revokedAtOne = new org.tanik.sync.AllowList(1, t, List.of(), List.of(id)).sign(intake.organisationKey);
        String revokedAtTwo = new org.tanik.sync.AllowList(2, t, List.of(), List.of(id)).sign(intake.organisationKey);
        assertThat(intake.publish(two).status()).isEqualTo(204);
        assertThat(intake.publish(revokedAtTwo).status()).isEqualTo(204); // same serial: a no-op
        assertThat(client.create(device, 10, Sha256.hex(new byte[10])).status()).isEqualTo(201);
        TestIntakeClient.Answer older = intake.publish(revokedAtOne);
        assertThat(older.status()).isEqualTo(400);
        assertThat(older.refusal()).isEqualTo("malformed");
        String forged = new org.tanik.sync.AllowList(3, t, List.of(), List.of(id)).sign(Ed25519.generatePrivateKey());
        assertThat(intake.publish(forged).status()).isEqualTo(400);
        assertThat(client.create(device, 10, Sha256.hex(new byte[11])).status()).isEqualTo(201); // still approved
    }

    @Test
    void anApprovedDeviceHasTheLargerQuota() throws Exception {
        byte[] device = intake.registeredDevice();
        long big = 100L * 1024 * 1024;
        assertThat(client.create(device, big, Sha256.hex(new byte[1])).refusal()).isEqualTo("quota-exceeded");
        intake.allowList(List.of(device), List.of());
        assertThat(client.create(device, big, Sha256.hex(new byte[1])).status()).isEqualTo(201);
    }

    @Test
    void aRestartInTheMiddleOfAnUploadLosesNothing() throws Exception {
        byte[] device = intake.registeredDevice();
        byte[] bundle = Random.bytes(300_000);
        String location = client.create(device, bundle.length, Sha256.hex(bundle)).header("Location");
        client.resume(device, location, Arrays.copyOf(bundle, 120_000), 0, 40_000);

        intake.restart();
        client = intake.client;
        TestIntakeClient.Answer head = client.head(device, location);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Upload-Offset")).isEqualTo("120000");
        assertThat(head.header("Upload-Length")).isEqualTo("300000");
        TestIntakeClient.Answer last = client.resume(device, location, bundle, 120_000, 40_000);
        assertThat(last.header(Wire.RECEIPT_HEADER)).isNotNull();
        assertThat(Files.readAllBytes(intake.folder.dir().resolve("blobs").resolve(Sha256.hex(bundle)))).isEqualTo(bundle);
    }

    @Test
    void bytesPastTheRecordedOffsetAreCutOffBeforeTheNextChunk() throws Exception {
        // What a process killed between writing a chunk and recording its offset leaves behind.
        byte[] device = intake.registeredDevice();
        byte[] bundle = Random.bytes(2000);
        String location = client.create(device, bundle.length, Sha256.hex(bundle)).header("Location");
        client.patch(device, location, 0, Arrays.copyOf(bundle, 1000));
        Path partial = intake.folder.dir().resolve("uploads").resolve(location.substring(Wire.FILES.length()));
        Files.write(partial, new byte[500], java.nio.file.StandardOpenOption.APPEND);
        assertThat(client.head(device, location).header("Upload-Offset")).isEqualTo("1000");
        TestIntakeClient.Answer last = client.resume(device, location, bundle, 1000, 1000);
        assertThat(last.status()).isEqualTo(204);
        assertThat(Files.readAllBytes(intake.folder.dir().resolve("blobs").resolve(Sha256.hex(bundle)))).isEqualTo(bundle);
    }

    @Test
    void requestLinesCarryMethodPathAndStatusButNoAddress() throws Exception {
        byte[] device = intake.registeredDevice();
        byte[] bundle = Random.bytes(1000);
        client.upload(device, bundle, 400);
        client.send("GET", Wire.RECEIPTS + Sha256.hex(bundle), Map.of(), null, device);
        String log = intake.logOnce("GET /v1/receipts/");
        assertThat(log).contains("intake: POST /v1/register 204").contains("intake: PATCH /files/");
        assertThat(log.lines().filter(l -> l.startsWith("intake: ")).count()).isGreaterThanOrEqualTo(5);
        assertThat(log).doesNotContain("127.0.0.1").doesNotContainPattern("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b")
                .doesNotContain(Keys.keyId(Ed25519.publicKey(device)));
    }

    @Test
    void withLogIpAddressesTheOperatorSeesAddressAndKey() throws Exception {
        intake.close();
        intake = new IntakeFixture(dir.resolve("logging"), true, c -> c.withLogIpAddresses(true), false);
        byte[] device = intake.registeredDevice();
        assertThat(intake.logOnce("from=")).contains("from=127.0.0.1").contains("key=" + Keys.keyId(Ed25519.publicKey(device)));
    }

    @Test
    void theDataFolderIsTheOwnersAlone() throws Exception {
        Path d = intake.folder.dir();
        assertThat(Files.getPosixFilePermissions(d)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
                java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
        for (String f : List.of("intake.json", "tls.p12", "tls.password", "receipt.key")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(d.resolve(f))))
                    .as(f).isEqualTo("rw-------");
        }
    }
}
