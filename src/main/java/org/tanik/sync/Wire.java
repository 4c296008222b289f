package org.tanik.sync;

/**
 * The intake's HTTP surface, shared by the server and the client so that neither spells a path or
 * header on its own. tus 1.0 for uploads; a small JSON API under {@code /v1} for the rest.
 */
public final class Wire {

    /** tus creation endpoint; an upload lives at {@code /files/<id>}. */
    public static final String FILES = "/files/";
    /** {@code POST}: a new device shows its invitation (body: the invitation file). */
    public static final String REGISTER = "/v1/register";
    /** {@code GET /v1/receipts/<sha256>}: the receipt of a stored bundle, to the device that sent it. */
    public static final String RECEIPTS = "/v1/receipts/";
    /** {@code GET /v1/bundles?after=<cursor>}: finished bundles (organisation only). */
    public static final String BUNDLES = "/v1/bundles";
    /** {@code PUT}: the organisation's signed {@link AllowList} (body: the token). */
    public static final String DEVICES = "/v1/devices";

    public static final String TUS_RESUMABLE = "Tus-Resumable";
    public static final String TUS_VERSION = "1.0.0";
    /** Where the intake's signed receipt comes back on the PATCH that completes an upload. */
    public static final String RECEIPT_HEADER = "Tanik-Receipt";
    /** The tus Upload-Metadata key announcing the whole file's SHA-256, base64 of the 64 hex digits. */
    public static final String SHA256_METADATA = "sha256";
    /** The content type of a tus PATCH body. */
    public static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    private Wire() {
    }
}
