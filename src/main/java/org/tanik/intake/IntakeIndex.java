package org.tanik.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tanik.sync.AllowList;

/**
 * What the intake remembers besides the files: devices, uploads in progress, stored bundles and
 * recent nonces. Only public keys, hashes, sizes and times: nothing in it is secret. An interface so
 * that a later PostgreSQL index can serve several intake machines; {@link H2IntakeIndex} is the
 * embedded one.
 */
public interface IntakeIndex extends AutoCloseable {

    enum DeviceState { UNKNOWN, REGISTERED, APPROVED, REVOKED }

    /**
     * @param sha256   the announced SHA-256 (hex), or null (only test-mode interop uploads)
     * @param finished true once the whole file is stored as a bundle
     */
    record Upload(String id, String device, long length, long offset, String sha256, Instant touched,
                  boolean finished) {
    }

    /** A stored bundle; {@code deleted} once its blob is gone after acknowledgement and retention. */
    record Stored(long cursor, String sha256, long size, Instant receivedAt, String device, String receipt,
                  Instant acknowledgedAt, boolean deleted) {
    }

    DeviceState device(String keyId);

    /** Records a key that showed a valid invitation; a key already known keeps its state. */
    void register(String keyId, Instant at);

    long allowListSerial();

    /** Replaces the approved and revoked sets with the list's, and holds its serial. */
    void applyAllowList(AllowList list);

    /** False when this key used this nonce before (a replay); otherwise remembers it. */
    boolean rememberNonce(String keyId, String nonce, Instant at);

    void forgetNoncesBefore(Instant before);

    void createUpload(Upload upload);

    Optional<Upload> upload(String id);

    /** The offset now stored and synced; the upload was touched at {@code at}. */
    void advance(String id, long offset, Instant at, boolean finished);

    void deleteUpload(String id);

    int unfinishedUploads();

    /** A device's own unfinished uploads. */
    int unfinishedUploads(String device);

    /** Bytes a device holds here: its unfinished uploads' lengths plus its stored blobs. */
    long bytesHeld(String device);

    List<Upload> uploadsIdleSince(Instant before);

    Optional<Stored> bundle(String sha256);

    Stored addBundle(String sha256, long size, Instant receivedAt, String device, String receipt);

    /** Bundles whose blob is still here, cursor after {@code cursor}, in cursor order. */
    List<Stored> bundlesAfter(long cursor, int limit);

    boolean acknowledge(String sha256, Instant at);

    List<Stored> acknowledgedBefore(Instant before);

    void markDeleted(String sha256);

    @Override
    void close();
}
