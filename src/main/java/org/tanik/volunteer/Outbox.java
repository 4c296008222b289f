package org.tanik.volunteer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.nio.file.StandardCopyOption;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.tanik.bundle.BlobMismatchException;
import org.tanik.bundle.BundleBlob;
import org.tanik.bundle.BundleSummary;
import org.tanik.bundle.BundleWriter;
import org.tanik.bundle.TestimonyRecords;
import org.tanik.crypto.Secrets;
import org.tanik.crypto.age.X25519Recipient;
import org.tanik.enrolment.Enrolment;
import org.tanik.enrolment.Invitation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.AtomicFiles;
import org.tanik.files.Content;
import org.tanik.model.Attachment;
import org.tanik.model.Testimony;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.store.vault.BlobDamagedException;
import org.tanik.store.vault.OwnerOnly;
import org.tanik.store.volunteer.ExportLedger;

/**
 * Puts every sealed testimony version not yet sent, with every attachment they name (streamed from
 * the vault's encrypted blobs, once per content hash), into one bundle file, for a USB stick, any
 * messenger or the intake. The bundle is written into the vault folder's {@code outbox/} (where it
 * waits, as ciphertext, until the intake's receipt says it arrived) and, for an export to a file,
 * copied to that file; each is written under a temporary name, synced, then renamed. Only then are
 * the versions marked as exported and the bundle added to the outbox, in one transaction. A failure
 * leaves no file under a final name and marks nothing, so the next export takes the same sequence
 * number: none is skipped or reused.
 */
public final class Outbox {

    /** What an export produced. */
    public record Exported(Path file, String bundleId, long sequence, int records, String fileSha256) {
    }

    /** What waits to be sent, to whom, and the number the next bundle will carry. */
    public record Waiting(int pending, Optional<Membership.Org> to, long nextSequence) {
    }

    static final String STAGING_PREFIX = ".staged-";
    private final VaultSession vault;
    private final Clock clock;
    /** Where bundle bytes go on their way to the file; tests put a disk that fills up here. */
    private UnaryOperator<OutputStream> disk = UnaryOperator.identity();

    public Outbox(OpenVault vault, Clock clock) {
        this.vault = vault.store();
        this.clock = clock;
    }

    Outbox onDisk(UnaryOperator<OutputStream> disk) {
        this.disk = disk;
        return this;
    }

    /** How many sealed versions wait to be sent. */
    public int pending() {
        return vault.exports().pending().size();
    }

    public Waiting waiting() {
        return new Waiting(pending(), new Enrolment(clock).current(vault).map(Membership.Org::of),
                nextSequence(vault.exports().last()));
    }

    /**
     * Exports to a file the volunteer chose; the outbox keeps a copy of it until it is delivered.
     * The file holds exactly the bundle's bytes, as before the outbox existed.
     */
    public Exported export(Path target) {
        return export(Optional.of(target));
    }

    /** Exports into the outbox alone, for sending. */
    public Exported exportForSending() {
        return export(Optional.empty());
    }

    private Exported export(Optional<Path> target) {
        Invitation org = new Enrolment(clock).require(vault);
        ExportLedger ledger = vault.exports();
        List<Testimony> pending = ledger.pending();
        if (pending.isEmpty()) {
            throw new TanikException(Problem.NOTHING_TO_EXPORT);
        }
        if (target.isPresent() && Files.exists(target.get())) {
            throw new TanikException(Problem.FILE_EXISTS, String.valueOf(target.get().getFileName()));
        }
        Optional<ExportLedger.LastBundle> last = ledger.last();
        long sequence = nextSequence(last);
        String previous = last.map(ExportLedger.LastBundle::fileSha256).orElse(null);
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<X25519Recipient> recipients = org.recipients().stream().map(X25519Recipient::parse).toList();
        Path folder = outboxFolder(vault);
        // The bundle id is the writer's to choose, so the copy is written under a staging name first.
        Path staged = folder.resolve(STAGING_PREFIX + UUID.randomUUID() + ".tanik");
        List<Path> written = new ArrayList<>();
        boolean recorded = false;
        try {
            byte[] key = vault.device().privateKey();
            BundleSummary summary;
            try {
                // Owner-only like every file Tanik writes: a bundle names nobody, but it is nobody else's to copy.
                Map<String, String> blobIds = new HashMap<>();
                List<BundleBlob> blobs = attachments(pending, blobIds);
                summary = AtomicFiles.createNew(staged, out -> {
                    try {
                        return BundleWriter.write(disk.apply(out), recipients, key, sequence, previous, createdAt,
                                TestimonyRecords.toEntries(pending), blobs);
                    } catch (BlobMismatchException e) {
                        throw new TanikException(Problem.ATTACHMENT_DAMAGED, e, blobIds.get(e.path()));
                    } catch (BlobDamagedException e) {
                        throw new TanikException(Problem.ATTACHMENT_DAMAGED, e, e.attachmentId());
                    }
                });
                written.add(staged);
            } finally {
                Secrets.wipe(key);
            }
            String bundleId = summary.bundleId().toString();
            Path copy = folder.resolve(bundleId + ".tanik");
            move(staged, copy);
            written.set(0, copy);
            if (target.isPresent()) {
                AtomicFiles.createNew(target.get(), out -> {
                    Files.copy(copy, disk.apply(out));
                    return null;
                });
                written.add(target.get());
            }
            ledger.recordExport(sequence, bundleId, summary.fileSha256(), createdAt, pending,
                    new ExportLedger.OutboxCopy(vault.outbox(), copy.getFileName().toString(), summary.fileSize()));
            recorded = true;
            return new Exported(target.orElse(copy), bundleId, sequence, pending.size(), summary.fileSha256());
        } finally {
            if (!recorded) {
                // Nothing is marked, so the next export takes this sequence again: no file may claim it.
                written.forEach(Outbox::deleteQuietly);
            }
        }
    }

    /**
     * Every attachment the versions name, once per content hash (bundle-format.md §8), to be streamed
     * from the vault's encrypted blobs as the bundle is written: never held, never in plaintext on
     * disk. A blob is read by its attachment id, which every version that names it shares, so a
     * sealed version still carries an attachment that a later draft removed. {@code ids} receives the
     * attachment id of each entry path, to name a blob that turns out damaged.
     */
    private List<BundleBlob> attachments(List<Testimony> versions, Map<String, String> ids) {
        Map<String, BundleBlob> bySha = new LinkedHashMap<>();
        for (Testimony t : versions) {
            for (Attachment a : t.content().attachments()) {
                if (!bySha.containsKey(a.sha256())) {
                    BundleBlob blob = BundleBlob.of(a.sha256(), a.size(), blob(a));
                    bySha.put(a.sha256(), blob);
                    ids.put(blob.path(), a.id());
                }
            }
        }
        return List.copyOf(bySha.values());
    }

    /** An attachment's blob, opened (its final chunk authenticated) before anything is written. */
    private Content blob(Attachment a) {
        try {
            Content c = vault.blobs().open(a.id());
            if (c.size() != a.size()) {
                throw new TanikException(Problem.ATTACHMENT_DAMAGED, a.id());
            }
            return c;
        } catch (IOException e) {
            throw new TanikException(Problem.ATTACHMENT_DAMAGED, e, a.id());
        }
    }

    /** The vault folder's outbox, where bundles wait (as ciphertext) until delivered. */
    static Path outboxFolder(VaultSession vault) {
        Path folder = vault.directory().resolve("outbox");
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                OwnerOnly.apply(folder);
            }
            return folder;
        } catch (IOException e) {
            throw AtomicFiles.failure(e, folder);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.syncDirectory(to.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw AtomicFiles.failure(e, to);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Ciphertext only; the next export or send does not depend on it being gone.
        }
    }

    /** Bundles are numbered 1, 2, 3… per device, so the organisation can tell a gap or a replay. */
    private static long nextSequence(Optional<ExportLedger.LastBundle> last) {
        return last.map(l -> l.sequence() + 1).orElse(1L);
    }
}
