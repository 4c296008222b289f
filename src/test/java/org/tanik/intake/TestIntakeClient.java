package org.tanik.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.tanik.crypto.Sha256;
import org.tanik.sync.RequestSignature;
import org.tanik.sync.Wire;

/**
 * A tus client for tests, built on plain OkHttp requests signed with {@link RequestSignature}: it
 * does exactly what the test says, so each refusal can be provoked. Trusts only the intake's own
 * self-signed certificate (not a pin check: that is the sync client's; here the point is the server).
 */
final class TestIntakeClient implements AutoCloseable {

    /** What came back: status, headers, body text. */
    record Answer(int status, okhttp3.Headers headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        String refusal() {
            return headers.get(org.tanik.sync.Refusal.HEADER);
        }
    }

    private final OkHttpClient http;
    private final int port;
    private final Clock clock;

    TestIntakeClient(Path certificatePem, int port, Clock clock) throws Exception {
        this.port = port;
        this.clock = clock;
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificatePem)) {
            trust.setCertificateEntry("intake", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        this.http = new OkHttpClient.Builder().sslSocketFactory(ssl.getSocketFactory(),
                (X509TrustManager) tmf.getTrustManagers()[0]).retryOnConnectionFailure(false).build();
    }

    String base() {
        return "https://127.0.0.1:" + port;
    }

    /** Sends a request, signed with {@code key} at the clock's time unless key is null. */
    Answer send(String method, String path, Map<String, String> headers, byte[] body, byte[] key) throws IOException {
        return send(method, path, headers, body, key, clock.instant());
    }

    Answer send(String method, String path, Map<String, String> headers, byte[] body, byte[] key, Instant created)
            throws IOException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (path.startsWith(Wire.FILES)) {
            all.putIfAbsent(Wire.TUS_RESUMABLE, Wire.TUS_VERSION);
        }
        if (key != null) {
            RequestSignature.Headers sig = RequestSignature.sign(method,
                    RequestSignature.targetUri("https", "127.0.0.1", port, path), all, key, created);
            all.put(RequestSignature.SIGNATURE_INPUT, sig.signatureInput());
            all.put(RequestSignature.SIGNATURE, sig.signature());
        }
        return raw(method, path, all, body);
    }

    /** Exactly these headers, no signature added. */
    Answer raw(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        Request.Builder b = new Request.Builder().url(base() + path);
        String type = headers.getOrDefault("Content-Type", "application/octet-stream");
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Type")) {
                b.header(k, v);
            }
        });
        RequestBody requestBody = body == null ? ("POST".equals(method) || "PATCH".equals(method) || "PUT".equals(method)
                ? RequestBody.create(new byte[0], null) : null) : RequestBody.create(body, MediaType.get(type));
        b.method(method, requestBody);
        try (Response r = http.newCall(b.build()).execute()) {
            return new Answer(r.code(), r.headers(), r.body() == null ? new byte[0] : r.body().bytes());
        }
    }

    // --- the tus flow, step by step ---

    static String metadata(String sha256) {
        return Wire.SHA256_METADATA + " " + Base64.getEncoder().encodeToString(sha256.getBytes()) + ",filename "
                + Base64.getEncoder().encodeToString("bundle.tanik".getBytes());
    }

    Answer create(byte[] key, long length, String sha256) throws IOException {
        return send("POST", Wire.FILES, Map.of("Upload-Length", String.valueOf(length), "Upload-Metadata",
                metadata(sha256)), null, key);
    }

    Answer head(byte[] key, String location) throws IOException {
        return send("HEAD", location, Map.of(), null, key);
    }

    Answer patch(byte[] key, String location, long offset, byte[] chunk) throws IOException {
        return send("PATCH", location, Map.of("Content-Type", Wire.OFFSET_OCTET_STREAM, "Upload-Offset",
                String.valueOf(offset), "Upload-Checksum", checksum(chunk)), chunk, key);
    }

    static String checksum(byte[] chunk) {
        return "sha256 " + Base64.getEncoder().encodeToString(Sha256.digest().digest(chunk));
    }

    static String contentDigest(byte[] body) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(Sha256.digest().digest(body)) + ":";
    }

    /** A whole upload in chunks; returns the last PATCH's answer (carrying the receipt). */
    Answer upload(byte[] key, byte[] file, int chunk) throws IOException {
        Answer created = create(key, file.length, Sha256.hex(file));
        if (created.status() != 201) {
            return created;
        }
        return resume(key, created.header("Location"), file, 0, chunk);
    }

    Answer resume(byte[] key, String location, byte[] file, long from, int chunk) throws IOException {
        Answer last = null;
        for (long off = from; off < file.length; off += chunk) {
            byte[] part = java.util.Arrays.copyOfRange(file, (int) off, (int) Math.min(file.length, off + chunk));
            last = patch(key, location, off, part);
            if (last.status() != 204) {
                return last;
            }
        }
        return last;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
