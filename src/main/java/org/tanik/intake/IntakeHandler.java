package org.tanik.intake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.tanik.crypto.Random;
import org.tanik.crypto.Sha256;
import org.tanik.enrolment.Invitation;
import org.tanik.enrolment.InvitationCodec;
import org.tanik.error.TanikException;
import org.tanik.model.Json;
import org.tanik.sync.AllowList;
import org.tanik.sync.Refusal;
import org.tanik.sync.Wire;

/**
 * The intake's HTTP surface as one Jetty core handler: tus 1.0 (core, creation, checksum with
 * sha256, termination, expiration) under {@code /files/}, and the small {@code /v1} API. Every
 * request but OPTIONS is signed ({@link Authenticator}); a refusal is the status of its
 * {@link Refusal}, its code in {@value Refusal#HEADER} and a short English line.
 */
final class IntakeHandler extends Handler.Abstract {

    static final String CALLER_ATTRIBUTE = "org.tanik.intake.caller";
    private static final Pattern UPLOAD_PATH = Pattern.compile("/files/([A-Za-z0-9_-]{1,40})");
    private static final Pattern RECEIPT_PATH = Pattern.compile("/v1/receipts/([^/]*)");
    private static final Pattern BUNDLE_PATH = Pattern.compile("/v1/bundles/([^/]*)");
    private static final Pattern ACK_PATH = Pattern.compile("/v1/bundles/([^/]*)/ack");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
    private static final Pattern CONTENT_DIGEST = Pattern.compile("sha-256=:([A-Za-z0-9+/]+=*):");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final int MAX_INVITATION_BYTES = 64 * 1024;
    private static final int MAX_ALLOW_LIST_BYTES = 8 * 1024 * 1024 + 1024;

    private final Uploads uploads;
    private final IntakeIndex index;
    private final Authenticator auth;
    private final IntakeConfig config;
    private final Clock clock;
    private final boolean acceptUnsigned;

    IntakeHandler(Uploads uploads, IntakeIndex index, Authenticator auth, IntakeConfig config, Clock clock,
                  boolean acceptUnsigned) {
        this.uploads = uploads;
        this.index = index;
        this.auth = auth;
        this.config = config;
        this.clock = clock;
        this.acceptUnsigned = acceptUnsigned;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Reply reply;
        try {
            reply = route(request);
        } catch (Refused r) {
            reply = new Reply(r.refusal.status()).header(Refusal.HEADER, r.refusal.code()).text(r.getMessage());
        } catch (IOException | RuntimeException e) {
            // Never the exception's text: it could name a path or a database detail.
            reply = new Reply(500).text("the intake could not handle this request");
        }
        send(reply, request, response, callback);
        return true;
    }

    private void send(Reply reply, Request request, Response response, Callback callback) {
        response.setStatus(reply.status);
        if (request.getHttpURI().getPath().startsWith(Wire.FILES)) {
            response.getHeaders().put(Wire.TUS_RESUMABLE, Wire.TUS_VERSION);
        }
        reply.headers.forEach((k, v) -> response.getHeaders().put(k, v));
        if (reply.file != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.fileLength);
            Content.copy(Content.Source.from(reply.file, reply.fileOffset, reply.fileLength), response, callback);
            return;
        }
        if (reply.contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType);
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body.length);
        response.write(true, ByteBuffer.wrap(reply.body), callback);
    }

    private Reply route(Request request) throws IOException {
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        if ("OPTIONS".equals(method)) {
            return options();
        }
        if (path.startsWith(Wire.FILES)) {
            String version = request.getHeaders().get(Wire.TUS_RESUMABLE);
            if (version != null && !Wire.TUS_VERSION.equals(version.trim())) {
                throw new Refused(Refusal.UNSUPPORTED_VERSION, "this intake speaks tus 1.0.0");
            }
            Caller caller = tusCaller(request);
            if (path.equals(Wire.FILES) && "POST".equals(method)) {
                return create(request, caller);
            }
            Matcher m = UPLOAD_PATH.matcher(path);
            if (m.matches()) {
                switch (method) {
                    case "HEAD":
                        return head(m.group(1), caller);
                    case "PATCH":
                        return patch(request, m.group(1), caller);
                    case "DELETE":
                        return delete(m.group(1), caller);
                    default:
                        break;
                }
            }
            throw notFound();
        }
        if (path.equals(Wire.REGISTER) && "POST".equals(method)) {
            return register(request, identify(request));
        }
        Matcher receipt = RECEIPT_PATH.matcher(path);
        if (receipt.matches() && "GET".equals(method)) {
            return receipt(receipt.group(1), device(identify(request)));
        }
        if (path.equals(Wire.DEVICES) && "PUT".equals(method)) {
            return publish(request, organisation(identify(request)));
        }
        if (path.equals(Wire.BUNDLES) && "GET".equals(method)) {
            organisation(identify(request));
            return list(request);
        }
        Matcher ack = ACK_PATH.matcher(path);
        if (ack.matches() && "POST".equals(method)) {
            organisation(identify(request));
            return acknowledge(ack.group(1));
        }
        Matcher bundle = BUNDLE_PATH.matcher(path);
        if (bundle.matches() && "GET".equals(method)) {
            organisation(identify(request));
            return download(request, bundle.group(1));
        }
        throw notFound();
    }

    private Reply options() {
        return new Reply(204).header(Wire.TUS_RESUMABLE, Wire.TUS_VERSION).header("Tus-Version", Wire.TUS_VERSION)
                .header("Tus-Extension", "creation,checksum,termination,expiration")
                .header("Tus-Checksum-Algorithm", "sha256").header("Tus-Max-Size", config.maxBundleBytes());
    }

    private Caller identify(Request request) {
        Caller caller = auth.authenticate(request);
        request.setAttribute(CALLER_ATTRIBUTE, caller.keyId());
        return caller;
    }

    /** A device that may upload: registered (small quota) or approved. */
    private static Caller device(Caller caller) {
        switch (caller.state()) {
            case REVOKED -> throw new Refused(Refusal.REVOKED_DEVICE, "this device was revoked by the organisation");
            case UNKNOWN -> throw new Refused(Refusal.UNKNOWN_DEVICE, "this device is not known to the intake");
            default -> {
                return caller;
            }
        }
    }

    private Caller organisation(Caller caller) {
        auth.organisationKey(); // not-configured before not-organisation
        if (!caller.organisation()) {
            throw new Refused(Refusal.NOT_ORGANISATION, "only the organisation may do this");
        }
        return caller;
    }

    private Caller tusCaller(Request request) {
        if (acceptUnsigned && !Authenticator.signed(request)) {
            return Caller.UNSIGNED_TEST_CLIENT;
        }
        return device(identify(request));
    }

    // --- tus ---

    private Reply create(Request request, Caller caller) {
        long length = number(request.getHeaders().get("Upload-Length"), "Upload-Length");
        String sha256 = announcedSha256(request.getHeaders().get("Upload-Metadata"));
        if (sha256 == null && caller != Caller.UNSIGNED_TEST_CLIENT) {
            throw new Refused(Refusal.MALFORMED, "Upload-Metadata must announce the sha256 of the file");
        }
        if (length < 1) {
            // A bundle is never empty; an empty upload would only hold a slot.
            throw new Refused(Refusal.MALFORMED, "Upload-Length must be at least 1");
        }
        if (length > config.maxBundleBytes()) {
            throw new Refused(Refusal.TOO_LARGE, "the bundle is larger than this intake accepts ("
                    + config.maxBundleBytes() + " bytes)");
        }
        Instant now = clock.instant();
        // Only its own sender is told a bundle is here already; anyone else uploads it like a new one.
        Optional<IntakeIndex.Stored> stored = sha256 == null ? Optional.empty()
                : index.bundle(sha256).filter(b -> b.device().equals(caller.keyId()));
        if (stored.isPresent()) {
            if (stored.get().size() != length) {
                throw new Refused(Refusal.MALFORMED, "Upload-Length differs from the stored file with this sha256");
            }
            String id = newId();
            index.createUpload(new IntakeIndex.Upload(id, caller.keyId(), length, length, sha256, now, true));
            return new Reply(201).header("Location", Wire.FILES + id).header("Upload-Expires", expires(now))
                    .header("Upload-Offset", length).header(Wire.RECEIPT_HEADER, stored.get().receipt());
        }
        uploads.admit(caller, length); // quota, then busy; one at a time so two requests cannot both pass
        try {
            String id = newId();
            uploads.createFile(id);
            index.createUpload(new IntakeIndex.Upload(id, caller.keyId(), length, 0, sha256, now, false));
            return new Reply(201).header("Location", Wire.FILES + id).header("Upload-Expires", expires(now));
        } finally {
            uploads.admitted();
        }
    }

    private IntakeIndex.Upload owned(String id, Caller caller) {
        Optional<IntakeIndex.Upload> upload = index.upload(id);
        if (upload.isEmpty() || !upload.get().device().equals(caller.keyId())) {
            throw notFound(); // another device's upload is not even said to exist
        }
        if (!upload.get().finished() && expired(upload.get())) {
            throw new Refused(Refusal.GONE, "the upload expired; start it again");
        }
        return upload.get();
    }

    private Reply head(String id, Caller caller) throws IOException {
        IntakeIndex.Upload u = owned(id, caller);
        if (!u.finished() && u.offset() == u.length()) {
            // Every byte was stored but the intake stopped before it filed the bundle: file it now.
            u = uploads.append(u, InputStream.nullInputStream(), null);
        }
        Reply r = new Reply(200).header("Upload-Offset", u.offset()).header("Upload-Length", u.length())
                .header("Cache-Control", "no-store").header("Upload-Expires", expires(u.touched()));
        receiptOf(u).ifPresent(token -> r.header(Wire.RECEIPT_HEADER, token));
        return r;
    }

    private Reply patch(Request request, String id, Caller caller) throws IOException {
        IntakeIndex.Upload u = owned(id, caller);
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.trim().equalsIgnoreCase(Wire.OFFSET_OCTET_STREAM)) {
            throw new Refused(Refusal.MALFORMED, "a PATCH body must be " + Wire.OFFSET_OCTET_STREAM);
        }
        long offset = number(request.getHeaders().get("Upload-Offset"), "Upload-Offset");
        byte[] checksum = checksum(request.getHeaders().get("Upload-Checksum"));
        if (checksum == null && caller != Caller.UNSIGNED_TEST_CLIENT) {
            // The signature covers the body only through this checksum.
            throw new Refused(Refusal.MALFORMED, "Upload-Checksum (sha256) is required");
        }
        if (offset != u.offset()) {
            throw new Refused(Refusal.OFFSET_MISMATCH, "the upload is at offset " + u.offset());
        }
        long declared = request.getLength();
        if (declared > u.length() - offset) {
            throw new Refused(Refusal.MALFORMED, "the chunk goes past Upload-Length");
        }
        IntakeIndex.Upload after = uploads.append(u, Content.Source.asInputStream(request), checksum);
        Reply r = new Reply(204).header("Upload-Offset", after.offset()).header("Upload-Expires", expires(after.touched()));
        receiptOf(after).ifPresent(token -> r.header(Wire.RECEIPT_HEADER, token));
        return r;
    }

    private Reply delete(String id, Caller caller) {
        IntakeIndex.Upload u = owned(id, caller);
        uploads.terminate(u);
        return new Reply(204);
    }

    private Optional<String> receiptOf(IntakeIndex.Upload u) {
        if (!u.finished() || u.sha256() == null) {
            return Optional.empty();
        }
        return index.bundle(u.sha256()).map(IntakeIndex.Stored::receipt);
    }

    private boolean expired(IntakeIndex.Upload u) {
        return u.touched().plus(config.uploadExpiry()).isBefore(clock.instant());
    }

    private String expires(Instant touched) {
        return HTTP_DATE.format(touched.plus(config.uploadExpiry()));
    }

    // --- devices ---

    private Reply register(Request request, Caller caller) throws IOException {
        byte[] organisationKey = auth.organisationKey();
        if (caller.organisation()) {
            throw new Refused(Refusal.MALFORMED, "the organisation's key is not a device key");
        }
        byte[] file = body(request, MAX_INVITATION_BYTES);
        Invitation invitation;
        try {
            invitation = new InvitationCodec().read(file);
        } catch (TanikException e) {
            throw new Refused(Refusal.INVITATION_REFUSED, "this is not a valid invitation");
        }
        if (!java.security.MessageDigest.isEqual(invitation.signingKey(), organisationKey)) {
            throw new Refused(Refusal.INVITATION_REFUSED, "this invitation is from another organisation");
        }
        if (invitation.expired(clock.instant())) {
            throw new Refused(Refusal.INVITATION_REFUSED, "this invitation has expired");
        }
        if (caller.state() == IntakeIndex.DeviceState.REVOKED) {
            throw new Refused(Refusal.REVOKED_DEVICE, "this device was revoked by the organisation");
        }
        index.register(caller.keyId(), clock.instant());
        return new Reply(204);
    }

    /**
     * A receipt goes only to the device that sent the bundle: to anyone else (a copy of a bundle can
     * travel by USB stick or be seized) the intake does not even say whether it holds it, or since when.
     */
    private Reply receipt(String sha256, Caller caller) {
        if (!Sha256.isHex(sha256)) {
            throw new Refused(Refusal.MALFORMED, "not a SHA-256 in lower-case hex");
        }
        return index.bundle(sha256).filter(b -> b.device().equals(caller.keyId()))
                .map(b -> new Reply(200).text(b.receipt())).orElseThrow(IntakeHandler::notFound);
    }

    // --- the organisation ---

    private Reply publish(Request request, Caller organisation) throws IOException {
        byte[] body = body(request, MAX_ALLOW_LIST_BYTES);
        AllowList list = AllowList.verify(new String(body, StandardCharsets.US_ASCII).trim(), auth.organisationKey())
                .orElseThrow(() -> new Refused(Refusal.MALFORMED, "not an allow-list signed by the organisation"));
        synchronized (this) {
            long held = index.allowListSerial();
            if (list.serial() < held) {
                throw new Refused(Refusal.MALFORMED, "an older allow-list than the one held (serial " + held + ")");
            }
            if (list.serial() > held) {
                index.applyAllowList(list);
            }
        }
        return new Reply(204);
    }

    private Reply list(Request request) {
        Fields query = Request.extractQueryParameters(request);
        long after = query.get("after") == null ? 0 : number(query.getValue("after"), "after");
        long limit = query.get("limit") == null ? 100 : number(query.getValue("limit"), "limit");
        if (limit < 1 || limit > 500) {
            throw new Refused(Refusal.MALFORMED, "limit must be 1 to 500");
        }
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode bundles = out.putArray("bundles");
        for (IntakeIndex.Stored b : index.bundlesAfter(after, (int) limit)) {
            ObjectNode n = bundles.addObject();
            n.put("cursor", b.cursor());
            n.put("sha256", b.sha256());
            n.put("size", b.size());
            n.put("receivedAt", b.receivedAt().toString());
            n.put("device", b.device());
        }
        try {
            return new Reply(200).json(Json.mapper().writeValueAsBytes(out));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply download(Request request, String sha256) {
        IntakeIndex.Stored b = storedBundle(sha256);
        if (b.deleted()) {
            throw notFound();
        }
        Path blob = uploads.blob(sha256);
        String range = request.getHeaders().get(HttpHeader.RANGE);
        if (range == null) {
            return new Reply(200).header("Accept-Ranges", "bytes").file(blob, 0, b.size());
        }
        Matcher m = Pattern.compile("bytes=([0-9]{1,19})-").matcher(range.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) >= b.size()) {
            throw new Refused(Refusal.MALFORMED, "Range must be bytes=N- with N below the size");
        }
        long from = Long.parseLong(m.group(1));
        return new Reply(206).header("Content-Range", "bytes " + from + "-" + (b.size() - 1) + "/" + b.size())
                .file(blob, from, b.size() - from);
    }

    private Reply acknowledge(String sha256) {
        storedBundle(sha256);
        index.acknowledge(sha256, clock.instant());
        if (config.retentionDays() == 0) {
            uploads.deleteAcknowledged(clock.instant());
        }
        return new Reply(204);
    }

    private IntakeIndex.Stored storedBundle(String sha256) {
        if (!Sha256.isHex(sha256)) {
            throw new Refused(Refusal.MALFORMED, "not a SHA-256 in lower-case hex");
        }
        return index.bundle(sha256).orElseThrow(IntakeHandler::notFound);
    }

    // --- parsing ---

    /** A body with a signed Content-Digest (RFC 9530) that it matches; at most {@code max} bytes. */
    private static byte[] body(Request request, int max) throws IOException {
        String digest = request.getHeaders().get("Content-Digest");
        Matcher m = digest == null ? null : CONTENT_DIGEST.matcher(digest.trim());
        if (m == null || !m.matches()) {
            throw new Refused(Refusal.MALFORMED, "Content-Digest: sha-256=:BASE64: is required");
        }
        if (request.getLength() > max) {
            throw new Refused(Refusal.TOO_LARGE, "the body is too large");
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(max + 1);
        }
        if (body.length > max) {
            throw new Refused(Refusal.TOO_LARGE, "the body is too large");
        }
        byte[] expected = Base64.getDecoder().decode(m.group(1));
        if (!MessageDigest.isEqual(expected, Sha256.digest().digest(body))) {
            throw new Refused(Refusal.BAD_SIGNATURE, "the body does not match its signed Content-Digest");
        }
        return body;
    }

    static long number(String value, String what) {
        if (value == null || !DIGITS.matcher(value.trim()).matches()) {
            throw new Refused(Refusal.MALFORMED, what + " must be a non-negative whole number");
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new Refused(Refusal.MALFORMED, what + " is too large");
        }
    }

    /** {@code sha256 <base64 of 32 bytes>}, or null when absent. */
    static byte[] checksum(String header) {
        if (header == null) {
            return null;
        }
        String[] parts = header.trim().split(" ");
        if (parts.length != 2 || !"sha256".equals(parts[0])) {
            throw new Refused(Refusal.MALFORMED, "Upload-Checksum must be: sha256 BASE64");
        }
        try {
            byte[] digest = Base64.getDecoder().decode(parts[1]);
            if (digest.length == 32) {
                return digest;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw new Refused(Refusal.MALFORMED, "Upload-Checksum must be: sha256 BASE64");
    }

    /** The {@code sha256} key of tus Upload-Metadata (base64 of 64 hex digits), or null when absent. */
    static String announcedSha256(String metadata) {
        if (metadata == null || metadata.isBlank()) {
            return null;
        }
        for (String pair : metadata.split(",")) {
            String[] kv = pair.trim().split(" ");
            if (kv.length > 2 || kv[0].isEmpty()) {
                throw new Refused(Refusal.MALFORMED, "Upload-Metadata is malformed");
            }
            if (Wire.SHA256_METADATA.equals(kv[0])) {
                try {
                    String hex = kv.length == 2 ? new String(Base64.getDecoder().decode(kv[1]), StandardCharsets.US_ASCII) : "";
                    if (Sha256.isHex(hex)) {
                        return hex;
                    }
                } catch (IllegalArgumentException e) {
                    // falls through to the refusal
                }
                throw new Refused(Refusal.MALFORMED, "the sha256 metadata must be base64 of 64 lower-case hex digits");
            }
        }
        return null;
    }

    private static String newId() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Random.bytes(16));
    }

    static Refused notFound() {
        return new Refused(Refusal.NOT_FOUND, "not found");
    }
}
