package org.tanik.coordinator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.tanik.coordinator.imports.ImportPipeline;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.crypto.Sha256;
import org.tanik.files.Content;
import org.tanik.model.Attachment;
import org.tanik.model.Consent;
import org.tanik.model.ConsentMethod;
import org.tanik.model.ConsentScope;
import org.tanik.model.TestimonyContent;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;
import org.tanik.volunteer.Attachments;
import org.tanik.volunteer.Drafts;
import org.tanik.volunteer.Outbox;
import org.tanik.work.Progress;

/**
 * The whole path of one large attachment, run in a JVM of its own (small heap) by
 * {@code LargeAttachmentTest} and {@code AttachmentTravelBenchmark}: a file is added to a volunteer's
 * vault, exported in a bundle, imported by an organisation that approved the device, and read back
 * from the archive; the SHA-256 must match. Prints MB/s of each step (against a plain copy of the
 * same file) and the peak heap. Arguments: size in bytes, work folder.
 */
public final class AttachmentPath {

    private AttachmentPath() {
    }

    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[0]);
        Path work = Path.of(args[1]);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
        Path file = work.resolve("interview.wav");
        String sha = generate(file, size);

        long t = System.nanoTime();
        Files.copy(file, work.resolve("plain-copy"));
        report("plain copy", size, t);
        Files.delete(work.resolve("plain-copy"));

        Organisations orgs = new Organisations(work, clock).createOrganisation("Org");
        try (VaultSession v = orgs.volunteer("vol")) {
            OpenVault open = new OpenVault(v);
            Drafts drafts = new Drafts(open);
            String first = drafts.create(TestimonyContent.empty().withTitle("İlk")).id();
            consentAndSeal(drafts, first, clock);
            new Outbox(open, clock).exportForSending();

            String id = drafts.create(TestimonyContent.empty().withTitle("Görüşme")).id();
            t = System.nanoTime();
            Attachment a = new Attachments(open).add(id, file, "Görüşme kaydı", false, Progress.none());
            report("attachment add (encrypt into the vault)", size, t);
            check("added", a.sha256(), sha);
            t = System.nanoTime();
            check("vault read", hash(new Attachments(open).content(id, a.id())), sha);
            report("attachment read (decrypt from the vault)", size, t);
            consentAndSeal(drafts, id, clock);
        }
        Files.delete(file); // from here on the plaintext exists only inside the vaults
        try (VaultSession org = orgs.openOrg(); VaultSession v = orgs.vaults().open(work.resolve("vol"), Organisations.PASS)) {
            Path outbox = v.directory().resolve("outbox");
            Path firstBundle;
            try (var files = Files.list(outbox)) {
                firstBundle = files.filter(p -> p.toString().endsWith(".tanik")).findFirst().orElseThrow();
            }
            ImportPipeline importer = AttachmentTravelTest.importer(org);
            ImportResult r = importer.importFile(firstBundle);
            new Volunteers(org.coordinator(), clock).approve(r.device(), "vol", importer);

            t = System.nanoTime();
            Outbox.Exported exported = new Outbox(new OpenVault(v), clock).exportForSending();
            report("export (bundle with the attachment)", size, t);
            t = System.nanoTime();
            ImportResult big = importer.importFile(exported.file());
            report("import (verify and archive)", size, t);
            if (big.verdict() != ImportResult.Verdict.IMPORTED) {
                throw new IllegalStateException("import: " + big.verdict() + " " + big.reason());
            }
            t = System.nanoTime();
            Content archived = new ReviewDesk(org.coordinator(), null).attachment(sha);
            check("archive read", hash(archived), sha);
            report("archive read (decrypt from the bundle payload)", size, t);
        }
        System.out.printf("peak heap %.1f MB of max %.1f MB%n", peakHeapMb(), Runtime.getRuntime().maxMemory() / 1e6);
        System.out.println("sha256 match: " + sha);
    }

    private static void consentAndSeal(Drafts drafts, String id, MutableClock clock) {
        drafts.consent(id, new Consent(ConsentMethod.ORAL, clock.instant(), "Gönüllü",
                List.of(ConsentScope.DOCUMENTATION), null, null));
        drafts.seal(id);
    }

    /** Pseudo-random bytes (fast to make, impossible to compress), written as they are made. */
    private static String generate(Path file, long size) throws IOException {
        MessageDigest md = Sha256.digest();
        SplittableRandom random = new SplittableRandom(16);
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (long left = size; left > 0; ) {
                for (int i = 0; i < buffer.length; i += 8) {
                    long r = random.nextLong();
                    for (int j = 0; j < 8; j++) {
                        buffer[i + j] = (byte) (r >>> (8 * j));
                    }
                }
                int n = (int) Math.min(buffer.length, left);
                md.update(buffer, 0, n);
                out.write(buffer, 0, n);
                left -= n;
            }
        }
        return Sha256.hex(md);
    }

    static String hash(Content c) throws IOException {
        MessageDigest md = Sha256.digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = c.open(0)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return Sha256.hex(md);
    }

    private static void check(String what, String actual, String expected) {
        if (!actual.equals(expected)) {
            throw new IllegalStateException(what + ": sha256 differs");
        }
    }

    private static void report(String step, long size, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%-48s %8.1f s %8.1f MB/s%n", step, seconds, size / 1e6 / seconds);
    }

    /** The peak of every heap pool together: an upper bound of the heap ever in use. */
    private static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1e6;
    }
}
