package org.tanik.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Call;
import okhttp3.ConnectionSpec;
import okhttp3.Dns;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.TlsVersion;
import okio.BufferedSink;
import org.tanik.crypto.Secrets;
import org.tanik.crypto.Sha256;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.AtomicFiles;
import org.tanik.model.Json;
import org.tanik.sync.Connection;
import org.tanik.sync.IntakeAddress;
import org.tanik.sync.ProxyAddress;
import org.tanik.sync.Receipt;
import org.tanik.sync.Refusal;
import org.tanik.sync.RequestSignature;
import org.tanik.sync.Wire;

/**
 * A device's or the organisation's connection to its intake: pinned TLS, every request signed with
 * the caller's key, through the SOCKS proxy when the {@link Connection} has one (and then never
 * directly). Uploads are tus 1.0 in chunks, resumed from the intake's offset after a cut; a bundle
 * counts as delivered only with a receipt that verifies with the intake key and names that file.
 * One caller at a time; close it to wipe the key.
 */
public final class IntakeClient implements AutoCloseable {

    static final int DEFAULT_CHUNK = 4 * 1024 * 1024;
    /** Retries of one upload or download after a broken connection, before SYNC_UNREACHABLE. */
    static final int RETRIES = 5;
    private static final int LIST_LIMIT = 500;
    private static final int MAX_RECEIPT_CHARS = 4096;
    private static final int MAX_LIST_BYTES = 4 * 1024 * 1024;
    private static final MediaType OCTETS = MediaType.get(Wire.OFFSET_OCTET_STREAM);
    private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");
    private static final MediaType BYTES = MediaType.get("application/octet-stream");

    /**
     * Through a proxy, OkHttp never asks its Dns: for a SOCKS proxy its RouteSelector makes the
     * route's address with InetSocketAddress.createUnresolved(url host, port), and ConnectPlan
     * connects a java.net.Socket(proxy) to that unresolved address, so the JDK's SOCKS5 client sends
     * the host name to the proxy (address type 3, "domain name"; never SOCKS4, which cannot carry a
     * name). This Dns is the second lock: should that ever change, the request fails instead of
     * asking the local resolver, which would leak the intake's name and break .onion addresses.
     */
    private static final Dns NO_LOCAL_DNS = host -> {
        throw new UnknownHostException("names are resolved by the proxy only");
    };

    private final IntakeAddress intake;
    private final Connection connection;
    private final byte[] signingKey;
    private final Clock clock;
    private final HttpUrl base;
    private final OkHttpClient http;
    private int chunkSize = DEFAULT_CHUNK;
    private Duration pause = Duration.ofSeconds(1);

    /** @param signingKey the device transport private key, or the organisation's signing key; copied, wiped on close */
    public IntakeClient(IntakeAddress intake, Connection connection, byte[] signingKey, Clock clock) {
        this.intake = intake;
        this.connection = connection;
        this.signingKey = signingKey.clone();
        this.clock = clock;
        HttpUrl url = HttpUrl.parse(intake.url().toString());
        if (url == null || !url.isHttps()) {
            throw new TanikException(Problem.INTAKE_URL_NOT_HTTPS);
        }
        this.base = url;
        PinnedTls tls = new PinnedTls(intake.tlsPin());
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .sslSocketFactory(tls.context().getSocketFactory(), tls.trustManager())
                .hostnameVerifier(tls.hostnameVerifier())
                .connectionSpecs(List.of(new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
                        .tlsVersions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2).build()))
                // Tor circuits take long to build, and a 4 MiB chunk over a slow one takes minutes.
                .connectTimeout(Duration.ofSeconds(60))
                .readTimeout(Duration.ofSeconds(120))
                .writeTimeout(Duration.ofSeconds(120))
                .followRedirects(false)
                .followSslRedirects(false)
                // A network interceptor runs once per attempt on the wire, so a request OkHttp
                // retries on a fresh connection gets a fresh nonce instead of a "replayed" refusal.
                .addNetworkInterceptor(this::sign)
                .eventListenerFactory(call -> new TunnelWatch());
        Optional<ProxyAddress> proxy = connection.proxy();
        if (proxy.isPresent()) {
            // An explicit proxy, not a ProxySelector: OkHttp tries exactly this one, and a proxy
            // that is down fails the call; it never falls back to a direct connection.
            SocksCredentials.install(); // never the login name to the proxy
            b.proxy(new Proxy(Proxy.Type.SOCKS, InetSocketAddress.createUnresolved(proxy.get().host(), proxy.get().port())))
                    .dns(NO_LOCAL_DNS);
        } else {
            // Direct means direct: no system-wide proxy setting is consulted either.
            b.proxy(Proxy.NO_PROXY).dns(Dns.SYSTEM);
        }
        this.http = b.build();
    }

    /** The size of each PATCH (default 4 MiB); tests use small chunks. */
    public IntakeClient chunkSize(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("chunk size");
        }
        this.chunkSize = bytes;
        return this;
    }

    /** The wait before the second retry after a broken connection, doubled for each further one. */
    IntakeClient retryPause(Duration first) {
        this.pause = first;
        return this;
    }

    /** A new device shows its invitation (the file's bytes exactly) to be let in with a small quota. */
    public void register(byte[] invitationFile) {
        try (Response r = call(post(Wire.REGISTER, invitationFile, BYTES))) {
            expect(r, 200, 201, 204);
        }
    }

    /** The intake's receipt for a bundle it holds, verified with the intake key; empty when it holds none. */
    public Optional<Receipt> receipt(String sha256) {
        requireSha(sha256);
        Optional<String> token = receiptToken(sha256);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Receipt receipt = Receipt.verify(token.get(), intake.intakeKey())
                .orElseThrow(() -> new TanikException(Problem.SYNC_RECEIPT_INVALID));
        if (!receipt.sha256().equals(sha256)) {
            throw new TanikException(Problem.SYNC_RECEIPT_INVALID);
        }
        return Optional.of(receipt);
    }

    /**
     * Uploads a bundle file, or resumes its upload, and returns the intake's verified receipt that
     * covers exactly this file. A bundle the intake already holds is not sent again.
     *
     * @param sha256     the file's SHA-256, 64 lower-case hex digits
     * @param resumeFrom the upload path {@link Transfer#created} gave earlier, if any
     */
    public Receipt upload(Path file, String sha256, Optional<String> resumeFrom, Transfer transfer) {
        requireSha(sha256);
        long size = size(file);
        Optional<Receipt> held = receipt(sha256);
        if (held.isPresent()) {
            return covering(held.get(), sha256, size, transfer);
        }
        Status status = resumeFrom.flatMap(p -> head(p).filter(s -> s.length == size)).orElse(null);
        if (status == null) {
            status = create(sha256, size, transfer);
        }
        String path = status.path;
        long offset = status.offset;
        String token = status.receipt;
        transfer.moved(offset, size);
        // One buffer for the whole upload: memory stays at one chunk, whatever the bundle's size.
        byte[] chunk = new byte[(int) Math.max(1, Math.min(chunkSize, size))];
        int failures = 0;
        boolean ask = false;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (token == null) {
                try {
                    if (ask) {
                        Optional<Status> now = head(path);
                        if (now.isEmpty() || now.get().length != size) {
                            // Expired or terminated while the connection was down: begin again.
                            now = Optional.of(create(sha256, size, transfer));
                        }
                        path = now.get().path;
                        offset = now.get().offset;
                        token = now.get().receipt;
                        ask = false;
                        transfer.moved(offset, size);
                        continue;
                    }
                    if (offset >= size) {
                        // Finished, but the answer that carried the receipt was lost.
                        token = receiptToken(sha256).orElseThrow(() -> new TanikException(Problem.SYNC_RECEIPT_INVALID));
                        break;
                    }
                    if (transfer.cancelled()) {
                        throw new TanikException(Problem.SYNC_CANCELLED);
                    }
                    int n = (int) Math.min(chunk.length, size - offset);
                    read(in, offset, chunk, n, file);
                    Status after = patch(path, offset, chunk, n);
                    if (after == null || after.offset <= offset || after.offset > size) {
                        // 409: the intake holds another offset (or answered one we cannot use): ask it.
                        ask = true;
                        failures++;
                        if (failures > RETRIES) {
                            throw new TanikException(Problem.SYNC_REFUSED, Refusal.OFFSET_MISMATCH.code());
                        }
                        continue;
                    }
                    offset = after.offset;
                    token = after.receipt;
                    failures = 0;
                    transfer.moved(offset, size);
                } catch (TanikException e) {
                    if (!retryable(e) || ++failures > RETRIES) {
                        throw e;
                    }
                    sleep(failures);
                    ask = true;
                }
            }
        } catch (IOException e) {
            throw AtomicFiles.failure(e, file);
        }
        Receipt receipt = Receipt.verify(token, intake.intakeKey())
                .orElseThrow(() -> new TanikException(Problem.SYNC_RECEIPT_INVALID));
        return covering(receipt, sha256, size, transfer);
    }

    /** Organisation: hands the intake a new signed allow-list of device transport keys. */
    public void publish(String allowListToken) {
        try (Response r = call(put(Wire.DEVICES, allowListToken.getBytes(StandardCharsets.US_ASCII), TEXT))) {
            expect(r, 200, 204);
        }
    }

    /** Organisation: every finished bundle after {@code afterCursor}, in the intake's order (all pages). */
    public List<Stored> list(long afterCursor) {
        List<Stored> all = new ArrayList<>();
        long cursor = afterCursor;
        while (true) {
            HttpUrl url = base.newBuilder().encodedPath(Wire.BUNDLES).addQueryParameter("after", Long.toString(cursor))
                    .addQueryParameter("limit", Integer.toString(LIST_LIMIT)).build();
            List<Stored> page;
            try (Response r = call(new Request.Builder().url(url).get().build())) {
                expect(r, 200);
                page = parseList(bounded(r.body(), MAX_LIST_BYTES), cursor);
            }
            all.addAll(page);
            if (page.size() < LIST_LIMIT) {
                return all;
            }
            cursor = page.get(page.size() - 1).cursor();
        }
    }

    /**
     * Organisation: downloads a bundle into {@code partial}, appending from the size it already has
     * (a ranged GET), retrying a broken connection, and checks the whole file's SHA-256 at the end.
     * A file that does not match is deleted (SYNC_DOWNLOAD_DAMAGED); the caller renames a good one.
     */
    /** Room left free on the coordinator's disk whatever the intake lists: the vault must still be able to write. */
    static final long DISK_MARGIN = 256L << 20;

    public void download(Stored bundle, Path partial, Transfer transfer) {
        requireSha(bundle.sha256());
        int failures = 0;
        while (true) {
            try {
                long have = Files.exists(partial) ? Files.size(partial) : 0;
                if (have > bundle.size()) {
                    Files.delete(partial);
                    have = 0;
                }
                if (have == bundle.size()) {
                    break;
                }
                // The size is the intake's word: a disk too small (or a hostile size) stops here, not half full.
                java.nio.file.Path folder = partial.toAbsolutePath().getParent();
                if (Files.getFileStore(folder).getUsableSpace() - DISK_MARGIN < bundle.size() - have) {
                    throw new TanikException(Problem.DISK_FULL);
                }
                fetch(bundle, partial, have, transfer);
                failures = 0;
            } catch (TanikException e) {
                if (!retryable(e) || ++failures > RETRIES) {
                    throw e;
                }
                sleep(failures);
            } catch (IOException e) {
                throw AtomicFiles.failure(e, partial);
            }
        }
        if (!sha256(partial).equals(bundle.sha256())) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                throw AtomicFiles.failure(e, partial);
            }
            throw new TanikException(Problem.SYNC_DOWNLOAD_DAMAGED, bundle.sha256().substring(0, 12));
        }
    }

    /** Organisation: the bundle is imported; the intake may delete it after its retention period. */
    public void acknowledge(String sha256) {
        requireSha(sha256);
        try (Response r = call(post(Wire.BUNDLES + "/" + sha256 + "/ack", new byte[0], BYTES))) {
            expect(r, 200, 204);
        }
    }

    @Override
    public void close() {
        Secrets.wipe(signingKey);
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    // ---- uploads ----

    /** What the intake holds of one upload. */
    private record Status(String path, long offset, long length, String receipt) {
    }

    private Status create(String sha256, long size, Transfer transfer) {
        String metadata = Wire.SHA256_METADATA + " "
                + Base64.getEncoder().encodeToString(sha256.getBytes(StandardCharsets.US_ASCII));
        Request request = post(Wire.FILES, new byte[0], BYTES).newBuilder()
                .header(Wire.TUS_RESUMABLE, Wire.TUS_VERSION)
                .header("Upload-Length", Long.toString(size))
                .header("Upload-Metadata", metadata).build();
        try (Response r = call(request)) {
            expect(r, 201);
            HttpUrl location = r.header("Location") == null ? null : base.resolve(r.header("Location"));
            if (location == null || !sameOrigin(location)) {
                throw new TanikException(Problem.SYNC_REFUSED, Refusal.MALFORMED.code());
            }
            String path = location.encodedPath();
            transfer.created(path);
            String receipt = r.header(Wire.RECEIPT_HEADER);
            return new Status(path, receipt == null ? 0 : size, size, receipt);
        }
    }

    /** The intake's offset for an upload; empty when it no longer has it (404, 410). */
    private Optional<Status> head(String path) {
        HttpUrl url = base.resolve(path);
        if (url == null || !sameOrigin(url)) {
            return Optional.empty();
        }
        Request request = new Request.Builder().url(url).head().header(Wire.TUS_RESUMABLE, Wire.TUS_VERSION).build();
        try (Response r = call(request)) {
            if (r.code() == 404 || r.code() == 410) {
                return Optional.empty();
            }
            expect(r, 200, 204);
            long offset = number(r.header("Upload-Offset"));
            long length = number(r.header("Upload-Length"));
            if (offset < 0 || length < 0 || offset > length) {
                throw new TanikException(Problem.SYNC_REFUSED, Refusal.MALFORMED.code());
            }
            return Optional.of(new Status(url.encodedPath(), offset, length, r.header(Wire.RECEIPT_HEADER)));
        }
    }

    /** One chunk; null on 409 (the intake holds another offset). */
    private Status patch(String path, long offset, byte[] chunk, int n) {
        MessageDigest digest = Sha256.digest();
        digest.update(chunk, 0, n);
        Request request = new Request.Builder().url(base.resolve(path))
                .patch(new ChunkBody(chunk, n))
                .header(Wire.TUS_RESUMABLE, Wire.TUS_VERSION)
                .header("Upload-Offset", Long.toString(offset))
                .header("Upload-Checksum", "sha256 " + Base64.getEncoder().encodeToString(digest.digest()))
                .build();
        try (Response r = call(request)) {
            if (r.code() == 409) {
                return null;
            }
            expect(r, 200, 204);
            return new Status(path, number(r.header("Upload-Offset")), -1, r.header(Wire.RECEIPT_HEADER));
        }
    }

    /**
     * A chunk written straight from the upload's one buffer. One-shot: once its bytes went on the
     * wire OkHttp does not resend it on its own; the client asks the intake's offset instead.
     */
    private static final class ChunkBody extends RequestBody {
        private final byte[] chunk;
        private final int n;

        ChunkBody(byte[] chunk, int n) {
            this.chunk = chunk;
            this.n = n;
        }

        @Override
        public MediaType contentType() {
            return OCTETS;
        }

        @Override
        public long contentLength() {
            return n;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(chunk, 0, n);
        }
    }

    private Optional<String> receiptToken(String sha256) {
        try (Response r = call(new Request.Builder().url(base.newBuilder().encodedPath(Wire.RECEIPTS + sha256).build())
                .get().build())) {
            if (r.code() == 404) {
                return Optional.empty();
            }
            expect(r, 200);
            return Optional.of(new String(bounded(r.body(), MAX_RECEIPT_CHARS), StandardCharsets.US_ASCII).trim());
        }
    }

    private static Receipt covering(Receipt receipt, String sha256, long size, Transfer transfer) {
        if (!receipt.covers(sha256, size)) {
            throw new TanikException(Problem.SYNC_RECEIPT_INVALID);
        }
        transfer.moved(size, size);
        return receipt;
    }

    private static void read(FileChannel in, long offset, byte[] chunk, int n, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, n);
        while (buffer.hasRemaining()) {
            if (in.read(buffer, offset + buffer.position()) < 0) {
                // The file shrank under us: not the bundle whose hash was given.
                throw new TanikException(Problem.IO_FAILURE, file.toString());
            }
        }
    }

    // ---- downloads ----

    private void fetch(Stored bundle, Path partial, long have, Transfer transfer) throws IOException {
        Request.Builder request = new Request.Builder()
                .url(base.newBuilder().encodedPath(Wire.BUNDLES + "/" + bundle.sha256()).build()).get();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        try (Response r = call(request.build())) {
            expect(r, 200, 206);
            // 200: the intake sent the whole file (it ignored the range): start the partial anew.
            long from = r.code() == 206 ? have : 0;
            if (r.code() == 206 && !String.valueOf(r.header("Content-Range")).startsWith("bytes " + have + "-")) {
                throw new TanikException(Problem.SYNC_REFUSED, Refusal.MALFORMED.code());
            }
            try (FileChannel out = open(partial, from); InputStream body = r.body().byteStream()) {
                byte[] buffer = new byte[64 * 1024];
                long done = from;
                transfer.moved(done, bundle.size());
                while (true) {
                    if (transfer.cancelled()) {
                        throw new TanikException(Problem.SYNC_CANCELLED);
                    }
                    int n;
                    try {
                        n = body.read(buffer);
                    } catch (IOException e) {
                        out.force(false);
                        throw Failures.unreachable(e, connection, true);
                    }
                    if (n < 0) {
                        break;
                    }
                    if (done + n > bundle.size()) {
                        // More than the bundle's size: never written; the hash check removes the rest.
                        n = (int) (bundle.size() - done);
                        out.write(ByteBuffer.wrap(buffer, 0, n));
                        break;
                    }
                    out.write(ByteBuffer.wrap(buffer, 0, n));
                    done += n;
                    transfer.moved(done, bundle.size());
                }
                out.force(false);
            }
        }
    }

    private static FileChannel open(Path partial, long from) throws IOException {
        if (from == 0) {
            Files.deleteIfExists(partial);
            return AtomicFiles.createOwnerOnly(partial);
        }
        return FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private static String sha256(Path file) {
        MessageDigest digest = Sha256.digest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw AtomicFiles.failure(e, file);
        }
        return Sha256.hex(digest);
    }

    private static List<Stored> parseList(byte[] json, long after) {
        List<Stored> page = new ArrayList<>();
        try {
            JsonNode bundles = Json.mapper().readTree(json).get("bundles");
            if (bundles == null || !bundles.isArray() || bundles.size() > LIST_LIMIT) {
                throw malformed();
            }
            long last = after;
            for (JsonNode b : bundles) {
                Stored s = new Stored(b.path("cursor").asLong(-1), b.path("sha256").asText(""),
                        b.path("size").asLong(-1), Instant.parse(b.path("receivedAt").asText("")),
                        b.path("device").asText(""));
                if (s.cursor() <= last || !Sha256.isHex(s.sha256()) || s.size() < 0 || s.device().isEmpty()) {
                    throw malformed();
                }
                last = s.cursor();
                page.add(s);
            }
            return page;
        } catch (IOException | DateTimeParseException e) {
            throw malformed();
        }
    }

    // ---- requests ----

    /** Marks a call whose connection reached TLS: a later failure is not the proxy's. */
    private static final class Phase {
        volatile boolean tunnelUp;
    }

    private static final class TunnelWatch extends EventListener {
        @Override
        public void secureConnectStart(Call call) {
            mark(call);
        }

        @Override
        public void connectionAcquired(Call call, okhttp3.Connection connection) {
            mark(call);
        }

        private static void mark(Call call) {
            Phase phase = call.request().tag(Phase.class);
            if (phase != null) {
                phase.tunnelUp = true;
            }
        }
    }

    private Response call(Request request) {
        Phase phase = new Phase();
        try {
            return http.newCall(request.newBuilder().tag(Phase.class, phase).build()).execute();
        } catch (IOException e) {
            throw Failures.unreachable(e, connection, phase.tunnelUp);
        }
    }

    /** Adds the RFC 9421 signature over the request exactly as it goes on the wire. */
    private Response sign(Interceptor.Chain chain) throws IOException {
        Request r = chain.request();
        HttpUrl u = r.url();
        String pathAndQuery = u.encodedPath() + (u.encodedQuery() == null ? "" : "?" + u.encodedQuery());
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : r.headers().names()) {
            headers.put(name, r.header(name));
        }
        RequestSignature.Headers signature = RequestSignature.sign(r.method(),
                RequestSignature.targetUri(u.scheme(), u.host(), u.port(), pathAndQuery), headers, signingKey,
                clock.instant());
        return chain.proceed(r.newBuilder().header(RequestSignature.SIGNATURE_INPUT, signature.signatureInput())
                .header(RequestSignature.SIGNATURE, signature.signature()).build());
    }

    private Request post(String path, byte[] body, MediaType type) {
        return withBody(path, body).post(RequestBody.create(body, type)).build();
    }

    private Request put(String path, byte[] body, MediaType type) {
        return withBody(path, body).put(RequestBody.create(body, type)).build();
    }

    /** A body other than a tus chunk is covered by the signature through its Content-Digest (RFC 9530). */
    private Request.Builder withBody(String path, byte[] body) {
        String digest = Base64.getEncoder().encodeToString(Sha256.digest().digest(body));
        return new Request.Builder().url(base.newBuilder().encodedPath(path).build())
                .header("Content-Digest", "sha-256=:" + digest + ":");
    }

    private static void expect(Response r, int... ok) {
        for (int code : ok) {
            if (r.code() == code) {
                return;
            }
        }
        throw Failures.refused(r.code(), r.header(Refusal.HEADER));
    }

    /** A response body read whole, refused when longer than {@code max}: never read unbounded. */
    private byte[] bounded(ResponseBody body, int max) {
        try {
            okio.BufferedSource source = body.source();
            if (source.request(max + 1L)) {
                throw malformed();
            }
            return source.readByteArray();
        } catch (IOException e) {
            throw Failures.unreachable(e, connection, true);
        }
    }

    private boolean sameOrigin(HttpUrl url) {
        return url.scheme().equals(base.scheme()) && url.host().equals(base.host()) && url.port() == base.port();
    }

    private static boolean retryable(TanikException e) {
        return e.problem() == Problem.SYNC_UNREACHABLE || e.problem() == Problem.SYNC_PROXY_UNREACHABLE;
    }

    /** The first retry at once (a cut connection is often just that), then doubling pauses. */
    private void sleep(int failures) {
        if (failures <= 1) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis() << Math.min(failures - 2, 6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TanikException(Problem.SYNC_CANCELLED);
        }
    }

    private static long number(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw new TanikException(Problem.IO_FAILURE, e, file.toString());
        } catch (IOException e) {
            throw AtomicFiles.failure(e, file);
        }
    }

    private static void requireSha(String sha256) {
        if (!Sha256.isHex(sha256)) {
            throw new TanikException(Problem.INVALID_INPUT, "sha256");
        }
    }

    private static TanikException malformed() {
        return new TanikException(Problem.SYNC_REFUSED, "malformed-answer");
    }
}
