package org.tanik.volunteer;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
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
import org.tanik.model.Testimony;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.store.volunteer.ExportLedger;

/**
 * Puts every sealed testimony version not yet sent into one bundle file, for a USB stick or any
 * messenger. The file is written under a temporary name in the target folder, synced, then renamed;
 * only then are the versions marked as exported. A failure leaves no file under the final name and
 * marks nothing, so the next export takes the same sequence number: none is skipped or reused.
 */
public final class Outbox {

    /** What an export produced. */
    public record Exported(Path file, String bundleId, long sequence, int records, String fileSha256) {
    }

    /** What waits to be sent, to whom, and the number the next bundle will carry. */
    public record Waiting(int pending, Optional<Membership.Org> to, long nextSequence) {
    }

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

    public Exported export(Path target) {
        Invitation org = new Enrolment(clock).require(vault);
        ExportLedger ledger = vault.exports();
        List<Testimony> pending = ledger.pending();
        if (pending.isEmpty()) {
            throw new TanikException(Problem.NOTHING_TO_EXPORT);
        }
        if (Files.exists(target)) {
            throw new TanikException(Problem.FILE_EXISTS, String.valueOf(target.getFileName()));
        }
        Optional<ExportLedger.LastBundle> last = ledger.last();
        long sequence = nextSequence(last);
        String previous = last.map(ExportLedger.LastBundle::fileSha256).orElse(null);
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<X25519Recipient> recipients = org.recipients().stream().map(X25519Recipient::parse).toList();
        byte[] key = vault.device().privateKey();
        BundleSummary summary;
        try {
            // Owner-only like every file Tanik writes: a bundle names nobody, but it is nobody else's to copy.
            summary = AtomicFiles.createNew(target, out -> BundleWriter.write(disk.apply(out), recipients, key,
                    sequence, previous, createdAt, TestimonyRecords.toEntries(pending)));
        } finally {
            Secrets.wipe(key);
        }
        ledger.recordExport(sequence, summary.bundleId().toString(), summary.fileSha256(), createdAt, pending);
        return new Exported(target, summary.bundleId().toString(), sequence, pending.size(), summary.fileSha256());
    }

    /** Bundles are numbered 1, 2, 3… per device, so the organisation can tell a gap or a replay. */
    private static long nextSequence(Optional<ExportLedger.LastBundle> last) {
        return last.map(l -> l.sequence() + 1).orElse(1L);
    }
}
