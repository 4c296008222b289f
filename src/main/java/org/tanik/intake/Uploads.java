package org.tanik.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.tanik.crypto.Sha256;
import org.tanik.files.AtomicFiles;
import org.tanik.sync.Receipt;
import org.tanik.sync.Refusal;

/**
 * The files behind tus: partial uploads in {@code uploads/}, finished bundles in {@code blobs/}.
 * The index holds each upload's offset, and it only ever moves after the bytes up to it are written
 * and synced; bytes past it (a chunk cut off, or a process killed before the index moved) are cut
 * off before the next chunk is written. So after any crash HEAD tells the truth and PATCH resumes.
 */
final class Uploads {

    private static final int BUFFER = 64 * 1024;
    /** Unfinished uploads one device may hold at once: a device sends its bundles one after another. */
    static final int UNAPPROVED_UNFINISHED = 2;
    static final int APPROVED_UNFINISHED = 8;

    private final IntakeFolder folder;
    private final IntakeIndex index;
    private final IntakeConfig config;
    private final Clock clock;
    private final byte[] receiptKey;
    private final ReentrantLock admission = new ReentrantLock();
    /** Per upload, the whole-file digest at its last stored offset: saves reading a finished file again. */
    private final java.util.Map<String, Running> running = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<String> writing = ConcurrentHashMap.newKeySet();

    Uploads(IntakeFolder folder, IntakeIndex index, IntakeConfig config, Clock clock, byte[] receiptKey) {
        this.folder = folder;
        this.index = index;
        this.config = config;
        this.clock = clock;
        this.receiptKey = receiptKey.clone();
    }

    /** Checks quota and room for one more upload; holds the admission lock until {@link #admitted}. */
    void admit(Caller caller, long length) {
        admission.lock();
        try {
            long quota = caller.state() == IntakeIndex.DeviceState.APPROVED ? config.approvedQuotaBytes()
                    : config.unapprovedQuotaBytes();
            if (index.bytesHeld(caller.keyId()) + length > quota) {
                throw new Refused(Refusal.QUOTA_EXCEEDED, "this device's quota at the intake is used up");
            }
            // One device cannot take the shared slots: without this, a registered key could fill them all
            // with tiny unfinished uploads and keep every other device "busy" until they expire.
            int own = caller.state() == IntakeIndex.DeviceState.APPROVED ? APPROVED_UNFINISHED : UNAPPROVED_UNFINISHED;
            if (index.unfinishedUploads(caller.keyId()) >= own) {
                throw new Refused(Refusal.BUSY, "this device has too many unfinished uploads; finish or delete one");
            }
            if (index.unfinishedUploads() >= config.maxUploadsInFlight()) {
                throw new Refused(Refusal.BUSY, "too many uploads at once; try again later");
            }
        } catch (RuntimeException e) {
            admission.unlock();
            throw e;
        }
    }

    void admitted() {
        admission.unlock();
    }

    void createFile(String id) {
        try {
            AtomicFiles.createOwnerOnly(partial(id)).close();
        } catch (IOException e) {
            throw AtomicFiles.failure(e, "uploads/" + id);
        }
    }

    /**
     * Appends one PATCH body at the upload's offset. With a checksum the chunk is kept whole or not
     * at all; without one (tus clients that send none, test mode only) what arrived is kept.
     */
    IntakeIndex.Upload append(IntakeIndex.Upload u, InputStream body, byte[] checksum) throws IOException {
        if (!writing.add(u.id())) {
            throw new Refused(Refusal.BUSY, "another request is writing to this upload");
        }
        try {
            if (u.finished()) {
                return u;
            }
            long start = u.offset();
            long room = u.length() - start;
            MessageDigest chunk = Sha256.digest();
            // The whole file's digest so far, when this process saw every byte of it; else null, and the
            // finished file is read once more to hash it (after a restart, for instance).
            Running known = running.remove(u.id());
            MessageDigest whole = start == 0 ? Sha256.digest()
                    : known != null && known.offset() == start ? known.digest() : null;
            long written = 0;
            boolean cut = false;
            try (FileChannel file = FileChannel.open(partial(u.id()), StandardOpenOption.WRITE)) {
                file.truncate(start); // bytes past the recorded offset were never acknowledged
                file.position(start);
                byte[] buf = new byte[BUFFER];
                try {
                    int n;
                    while ((n = body.read(buf)) > 0) {
                        if (written + n > room) {
                            file.truncate(start);
                            file.force(true);
                            throw new Refused(Refusal.MALFORMED, "the chunk goes past Upload-Length");
                        }
                        chunk.update(buf, 0, n);
                        if (whole != null) {
                            whole.update(buf, 0, n);
                        }
                        ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
                        while (b.hasRemaining()) {
                            file.write(b);
                        }
                        written += n;
                    }
                } catch (IOException e) {
                    cut = true; // the connection was cut: tus keeps what arrived unless a checksum says otherwise
                }
                if (checksum != null && (cut || !MessageDigest.isEqual(checksum, chunk.digest()))) {
                    file.truncate(start);
                    file.force(true);
                    if (cut) {
                        throw new IOException("the connection was cut during a chunk");
                    }
                    throw new Refused(Refusal.CHECKSUM_MISMATCH, "the chunk does not match its Upload-Checksum");
                }
                // Data and size (fdatasync): what the intake acknowledges survives a power cut.
                file.force(false);
            } catch (NoSuchFileException e) {
                throw new Refused(Refusal.GONE, "the upload is gone; start it again");
            }
            long offset = start + written;
            Instant now = clock.instant();
            index.advance(u.id(), offset, now, false);
            if (whole != null) {
                running.put(u.id(), new Running(offset, whole));
            }
            IntakeIndex.Upload after = new IntakeIndex.Upload(u.id(), u.device(), u.length(), offset, u.sha256(), now, false);
            if (cut) {
                throw new IOException("the connection was cut; kept " + written + " bytes");
            }
            return offset == u.length() ? finish(after) : after;
        } finally {
            writing.remove(u.id());
        }
    }

    /** Checks the whole file against the announced SHA-256, stores it by its hash and signs its receipt. */
    private IntakeIndex.Upload finish(IntakeIndex.Upload u) throws IOException {
        Path partial = partial(u.id());
        Running known = running.remove(u.id());
        String actual = known != null && known.offset() == u.length() ? Sha256.hex(known.digest()) : hash(partial);
        if (u.sha256() != null && !u.sha256().equals(actual)) {
            Files.deleteIfExists(partial);
            index.deleteUpload(u.id());
            throw new Refused(Refusal.DIGEST_MISMATCH, "the file does not match the sha256 announced for it");
        }
        synchronized (this) {
            if (index.bundle(actual).isEmpty()) {
                Files.move(partial, blob(actual), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                AtomicFiles.syncDirectory(folder.blobs());
                Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                String receipt = new Receipt(actual, u.length(), receivedAt).sign(receiptKey);
                index.addBundle(actual, u.length(), receivedAt, u.device(), receipt);
            } else {
                Files.deleteIfExists(partial); // the same bundle finished by another upload meanwhile
            }
        }
        IntakeIndex.Upload done = new IntakeIndex.Upload(u.id(), u.device(), u.length(), u.length(), actual,
                u.touched(), true);
        index.deleteUpload(u.id());
        index.createUpload(done);
        return done;
    }

    void terminate(IntakeIndex.Upload u) {
        if (!writing.add(u.id())) {
            throw new Refused(Refusal.BUSY, "another request is writing to this upload");
        }
        try {
            discard(u);
        } catch (IOException e) {
            throw AtomicFiles.failure(e, "uploads/" + u.id());
        } finally {
            writing.remove(u.id());
        }
    }

    /** Forgets an upload and its partial file; the caller holds it in {@code writing}. */
    private void discard(IntakeIndex.Upload u) throws IOException {
        running.remove(u.id());
        if (!u.finished()) {
            Files.deleteIfExists(partial(u.id()));
        }
        index.deleteUpload(u.id());
    }

    /** The sweeper's work: expired uploads, acknowledged blobs past retention, old nonces. */
    void sweep() {
        Instant now = clock.instant();
        for (IntakeIndex.Upload u : index.uploadsIdleSince(now.minus(config.uploadExpiry()))) {
            if (writing.add(u.id())) {
                try {
                    discard(u);
                } catch (IOException e) {
                    // tried again at the next sweep
                } finally {
                    writing.remove(u.id());
                }
            }
        }
        deleteAcknowledged(now);
        index.forgetNoncesBefore(now.minus(Authenticator.NONCE_MEMORY));
    }

    void deleteAcknowledged(Instant now) {
        for (IntakeIndex.Stored b : index.acknowledgedBefore(now.minus(config.retention()))) {
            try {
                Files.deleteIfExists(blob(b.sha256()));
                index.markDeleted(b.sha256());
            } catch (IOException e) {
                // tried again at the next sweep
            }
        }
    }

    /** The digest of an upload's first {@code offset} bytes, as this process received them. */
    private record Running(long offset, MessageDigest digest) {
    }

    Path blob(String sha256) {
        return folder.blobs().resolve(sha256);
    }

    private Path partial(String id) {
        return folder.uploads().resolve(id);
    }

    private static String hash(Path file) throws IOException {
        MessageDigest d = Sha256.digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[BUFFER];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
        }
        return Sha256.hex(d);
    }

    void close() {
        Arrays.fill(receiptKey, (byte) 0);
    }
}
