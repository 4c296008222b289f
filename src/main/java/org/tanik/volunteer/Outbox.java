package org.tanik.volunteer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.tanik.bundle.BundleSummary;
import org.tanik.bundle.BundleWriter;
import org.tanik.bundle.TestimonyRecords;
import org.tanik.crypto.Secrets;
import org.tanik.crypto.age.X25519Recipient;
import org.tanik.enrolment.Enrolment;
import org.tanik.enrolment.Invitation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Testimony;
import org.tanik.store.VaultSession;
import org.tanik.store.vault.AtomicFiles;
import org.tanik.store.volunteer.ExportLedger;

/**
 * Puts every sealed testimony version not yet sent into one bundle file, for a USB stick or any
 * messenger. The file is written under a temporary name in the target folder, synced, then renamed;
 * only then are the versions marked as exported. A failure leaves no file under the final name and
 * marks nothing.
 */
public final class Outbox {

    /** What an export produced. */
    public record Exported(Path file, String bundleId, long sequence, int records, String fileSha256) {
    }

    private final Clock clock;

    public Outbox(Clock clock) {
        this.clock = clock;
    }

    /** How many sealed versions wait to be sent. */
    public int pending(VaultSession vault) {
        return vault.exports().pending().size();
    }

    public Exported export(VaultSession vault, Path target) {
        Invitation org = new Enrolment(clock).require(vault);
        List<Testimony> pending = vault.exports().pending();
        if (pending.isEmpty()) {
            throw new TanikException(Problem.NOTHING_TO_EXPORT);
        }
        if (Files.exists(target)) {
            throw new TanikException(Problem.FILE_EXISTS, String.valueOf(target.getFileName()));
        }
        ExportLedger ledger = vault.exports();
        long sequence = ledger.last().map(l -> l.sequence() + 1).orElse(1L);
        String previous = ledger.last().map(ExportLedger.LastBundle::fileSha256).orElse(null);
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<X25519Recipient> recipients = org.recipients().stream().map(X25519Recipient::parse).toList();
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
        byte[] key = vault.device().privateKey();
        BundleSummary summary;
        try {
            // Owner-only like every file Tanik writes: a bundle names nobody, but it is nobody else's to copy.
            try (FileChannel file = AtomicFiles.createOwnerOnly(temp);
                 OutputStream out = new java.io.BufferedOutputStream(Channels.newOutputStream(file), 1 << 16)) {
                summary = BundleWriter.write(out, recipients, key, sequence, previous, createdAt,
                        TestimonyRecords.toEntries(pending));
                out.flush();
                file.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.syncDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new TanikException(Problem.FILE_EXISTS, String.valueOf(target.getFileName()));
        } catch (IOException e) {
            throw new TanikException(AtomicFiles.isDiskFull(e) ? Problem.DISK_FULL : Problem.IO_FAILURE, e, target.toString());
        } finally {
            Secrets.wipe(key);
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // A leftover partial file holds only ciphertext, and a dot-name; nothing to do now.
            }
        }
        ledger.recordExport(sequence, summary.bundleId().toString(), summary.fileSha256(), createdAt, pending);
        return new Exported(target, summary.bundleId().toString(), sequence, pending.size(), summary.fileSha256());
    }
}
