package org.tanik.sync.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.Sha256;
import org.tanik.sync.Receipt;
import org.tanik.sync.Refusal;
import org.tanik.sync.RequestSignature;
import org.tanik.sync.TlsPin;
import org.tanik.sync.Wire;

/**
 * Just enough of the intake's protocol for the client's tests, on loopback with a self-signed
 * certificate made here: it verifies every request's signature (and Content-Digest) as the real
 * intake does, keeps uploads in memory, and can cut a connection once at a chosen byte of the file.
 */
final class FakeIntake implements AutoCloseable {

    final byte[] receiptKey = Ed25519.generatePrivateKey();
    final String pin;
    private final HttpsServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    /** Every request that reached a handler (after TLS). */
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger creations = new AtomicInteger();
    /** Bytes of PATCH bodies the intake read, cut ones included. */
    final AtomicLong patchBytes = new AtomicLong();
    /** Bytes of bundles sent to a downloader. */
    final AtomicLong downloadBytes = new AtomicLong();
    final AtomicInteger cuts = new AtomicInteger();
    final List<String> hosts = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<String> acknowledged = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile byte[] registered;
    volatile String published;

    /** Cut the connection once, when a PATCH reaches this byte of the file (-1: never). */
    volatile long cutAt = -1;
    /** Cut every PATCH after half its chunk: an intake that can never be reached for long. */
    volatile boolean cutEveryPatch;
    /** Answer the next PATCH 409 offset-mismatch, as after a write the client did not hear of. */
    volatile boolean conflictOnce;
    /** Answer every request with this refusal (null: none); with {@link #refusalHeader} false, only the status. */
    volatile Refusal refuseAll;
    volatile boolean refusalHeader = true;
    /** Sign receipts with this key instead (a forged receipt). */
    volatile byte[] receiptSigner;
    /** Put this size into receipts instead of the file's (a receipt for another file). */
    volatile long receiptSize = -1;
    /** Serve downloads with their first byte flipped. */
    volatile boolean damage;

    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    final Map<String, byte[]> stored = new ConcurrentHashMap<>();
    private final Map<String, String> receipts = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private static final class Upload {
        final long length;
        final String sha256;
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        String receipt;

        Upload(long length, String sha256) {
            this.length = length;
            this.sha256 = sha256;
        }
    }

    FakeIntake() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair tlsKey = generator.generateKeyPair();
        X509Certificate certificate = selfSigned(tlsKey);
        pin = TlsPin.of(certificate.getPublicKey());
        char[] password = "test".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("intake", tlsKey.getPrivate(), password, new Certificate[] {certificate});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    static X509Certificate selfSigned(KeyPair key) throws Exception {
        X500Name name = new X500Name("CN=intake");
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), name, key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
    }

    int port() {
        return server.getAddress().getPort();
    }

    byte[] receiptPublicKey() {
        return Ed25519.publicKey(receiptKey);
    }

    /** A bundle the intake already holds, as after an upload. */
    void hold(byte[] content) {
        String sha = Sha256.hex(content);
        stored.put(sha, content);
        receipts.put(sha, receipt(sha, content.length));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    // ---- the protocol ----

    private void handle(HttpExchange x) throws IOException {
        requests.incrementAndGet();
        String host = x.getRequestHeaders().getFirst("Host");
        hosts.add(host);
        String path = x.getRequestURI().getRawPath();
        String query = x.getRequestURI().getRawQuery();
        String method = x.getRequestMethod();
        if (refuseAll != null) {
            refuseAllWay(x);
            return;
        }
        if (!signed(x, method, host, path + (query == null ? "" : "?" + query))) {
            refuse(x, Refusal.BAD_SIGNATURE);
            return;
        }
        byte[] body = "PATCH".equals(method) ? null : x.getRequestBody().readAllBytes();
        String digest = x.getRequestHeaders().getFirst("Content-Digest");
        if (body != null && body.length > 0 && (digest == null
                || !digest.equals("sha-256=:" + Base64.getEncoder().encodeToString(Sha256.digest().digest(body)) + ":"))) {
            refuse(x, Refusal.MALFORMED);
            return;
        }
        if (method.equals("POST") && path.equals(Wire.REGISTER)) {
            registered = body;
            answer(x, 204, Map.of());
        } else if (method.equals("PUT") && path.equals(Wire.DEVICES)) {
            published = new String(body, StandardCharsets.US_ASCII);
            answer(x, 204, Map.of());
        } else if (method.equals("GET") && path.startsWith(Wire.RECEIPTS)) {
            String token = receipts.get(path.substring(Wire.RECEIPTS.length()));
            if (token == null) {
                refuse(x, Refusal.NOT_FOUND);
            } else {
                byte[] text = token.getBytes(StandardCharsets.US_ASCII);
                x.sendResponseHeaders(200, text.length);
                x.getResponseBody().write(text);
                x.close();
            }
        } else if (method.equals("POST") && path.equals(Wire.FILES)) {
            create(x);
        } else if (method.equals("HEAD") && path.startsWith(Wire.FILES)) {
            Upload u = uploads.get(path);
            if (u == null) {
                refuse(x, Refusal.NOT_FOUND);
                return;
            }
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Upload-Offset", Long.toString(u.data.size()));
            h.put("Upload-Length", Long.toString(u.length));
            if (u.receipt != null) {
                h.put(Wire.RECEIPT_HEADER, u.receipt);
            }
            answer(x, 200, h);
        } else if (method.equals("PATCH") && path.startsWith(Wire.FILES)) {
            patch(x, path);
        } else if (method.equals("GET") && path.equals(Wire.BUNDLES)) {
            list(x, Long.parseLong(query.replaceAll(".*after=(\\d+).*", "$1")));
        } else if (method.equals("GET") && path.startsWith(Wire.BUNDLES + "/")) {
            download(x, path.substring(Wire.BUNDLES.length() + 1));
        } else if (method.equals("POST") && path.endsWith("/ack")) {
            acknowledged.add(path.substring(Wire.BUNDLES.length() + 1, path.length() - 4));
            answer(x, 204, Map.of());
        } else {
            refuse(x, Refusal.NOT_FOUND);
        }
    }

    private boolean signed(HttpExchange x, String method, String host, String pathAndQuery) {
        Map<String, String> headers = new LinkedHashMap<>();
        x.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
        var parsed = RequestSignature.parse(x.getRequestHeaders().getFirst(RequestSignature.SIGNATURE_INPUT),
                x.getRequestHeaders().getFirst(RequestSignature.SIGNATURE));
        int colon = host.lastIndexOf(':');
        String target = RequestSignature.targetUri("https", host.substring(0, colon),
                Integer.parseInt(host.substring(colon + 1)), pathAndQuery);
        return parsed.isPresent() && RequestSignature.verify(parsed.get(), method, target, headers);
    }

    private void create(HttpExchange x) throws IOException {
        creations.incrementAndGet();
        String metadata = x.getRequestHeaders().getFirst("Upload-Metadata");
        String sha = new String(Base64.getDecoder().decode(metadata.substring(Wire.SHA256_METADATA.length() + 1)),
                StandardCharsets.US_ASCII);
        String path = Wire.FILES + "u" + ids.incrementAndGet();
        uploads.put(path, new Upload(Long.parseLong(x.getRequestHeaders().getFirst("Upload-Length")), sha));
        answer(x, 201, Map.of("Location", path));
    }

    private void patch(HttpExchange x, String path) throws IOException {
        Upload u = uploads.get(path);
        long offset = Long.parseLong(x.getRequestHeaders().getFirst("Upload-Offset"));
        if (u == null) {
            refuse(x, Refusal.NOT_FOUND);
            return;
        }
        if (offset != u.data.size() || conflictOnce) {
            conflictOnce = false;
            refuse(x, Refusal.OFFSET_MISMATCH);
            return;
        }
        int length = Integer.parseInt(x.getRequestHeaders().getFirst("Content-Length"));
        long cut = cutEveryPatch ? offset + length / 2 : cutAt;
        boolean cutting = cut >= offset && cut < offset + length;
        int wanted = cutting ? (int) (cut - offset) : length;
        byte[] chunk = new byte[wanted];
        InputStream in = x.getRequestBody();
        int got = 0;
        while (got < wanted) {
            int n = in.read(chunk, got, Math.min(8192, wanted - got));
            if (n < 0) {
                break;
            }
            got += n;
            patchBytes.addAndGet(n);
        }
        if (cutting) {
            cutAt = -1;
            cuts.incrementAndGet();
            // Thrown from the handler, the JDK's server closes the connection: the client sees it cut
            // mid-chunk; the partial chunk is dropped, as the intake does for a chunk with a checksum.
            throw new IllegalStateException("cut");
        }
        String checksum = "sha256 " + Base64.getEncoder().encodeToString(Sha256.digest().digest(chunk));
        if (got != length || !checksum.equals(x.getRequestHeaders().getFirst("Upload-Checksum"))) {
            refuse(x, Refusal.CHECKSUM_MISMATCH);
            return;
        }
        u.data.write(chunk);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Upload-Offset", Long.toString(u.data.size()));
        if (u.data.size() == u.length) {
            byte[] content = u.data.toByteArray();
            if (!Sha256.hex(content).equals(u.sha256)) {
                uploads.remove(path);
                refuse(x, Refusal.DIGEST_MISMATCH);
                return;
            }
            stored.put(u.sha256, content);
            u.receipt = receipt(u.sha256, content.length);
            receipts.put(u.sha256, u.receipt);
            h.put(Wire.RECEIPT_HEADER, u.receipt);
        }
        answer(x, 204, h);
    }

    private void list(HttpExchange x, long after) throws IOException {
        StringBuilder json = new StringBuilder("{\"bundles\":[");
        int cursor = 0;
        for (String sha : stored.keySet().stream().sorted().toList()) {
            cursor++;
            if (cursor > after) {
                json.append(json.charAt(json.length() - 1) == '[' ? "" : ",").append("{\"cursor\":").append(cursor)
                        .append(",\"sha256\":\"").append(sha).append("\",\"size\":").append(stored.get(sha).length)
                        .append(",\"receivedAt\":\"2026-01-02T03:04:05Z\",\"device\":\"dev").append(cursor).append("\"}");
            }
        }
        byte[] text = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(200, text.length);
        x.getResponseBody().write(text);
        x.close();
    }

    private void download(HttpExchange x, String sha) throws IOException {
        byte[] content = stored.get(sha);
        if (content == null) {
            refuse(x, Refusal.NOT_FOUND);
            return;
        }
        if (damage) {
            content = content.clone();
            content[0] ^= 1;
        }
        String range = x.getRequestHeaders().getFirst("Range");
        int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
        byte[] part = Arrays.copyOfRange(content, from, content.length);
        if (range != null) {
            x.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
        }
        x.sendResponseHeaders(range == null ? 200 : 206, part.length);
        x.getResponseBody().write(part);
        downloadBytes.addAndGet(part.length);
        x.close();
    }

    private String receipt(String sha, long size) {
        byte[] key = receiptSigner == null ? receiptKey : receiptSigner;
        return new Receipt(sha, receiptSize >= 0 ? receiptSize : size, Instant.parse("2026-01-02T03:04:05Z")).sign(key);
    }

    private static void refuse(HttpExchange x, Refusal r) throws IOException {
        refuse(x, r, true);
    }

    private void refuseAllWay(HttpExchange x) throws IOException {
        refuse(x, refuseAll, refusalHeader);
    }

    private static void refuse(HttpExchange x, Refusal r, boolean header) throws IOException {
        if (header) {
            x.getResponseHeaders().set(Refusal.HEADER, r.code());
        }
        byte[] text = ("refused: " + r.code()).getBytes(StandardCharsets.US_ASCII);
        x.sendResponseHeaders(r.status(), "HEAD".equals(x.getRequestMethod()) ? -1 : text.length);
        if (!"HEAD".equals(x.getRequestMethod())) {
            x.getResponseBody().write(text);
        }
        x.close();
    }

    private static void answer(HttpExchange x, int status, Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> x.getResponseHeaders().set(k, v));
        x.sendResponseHeaders(status, -1);
        x.close();
    }
}
