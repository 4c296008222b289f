package org.tanik.volunteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.tanik.crypto.Argon2Params;
import org.tanik.crypto.Sha256;
import org.tanik.model.Attachment;
import org.tanik.model.TestimonyContent;
import org.tanik.session.OpenVault;
import org.tanik.store.Vaults;
import org.tanik.work.Progress;

/**
 * Child process for {@link AttachmentMemoryTest}: with a heap far smaller than the file, writes a file
 * of the given size, adds it to a testimony and reads it back whole. Prints "SOURCE sha", "ADDED sha
 * size" and "READ sha"; a copy held in memory anywhere would end it with an OutOfMemoryError instead.
 */
public final class AttachmentMemoryWorker {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        Path file = dir.resolve("source.bin");
        System.out.println("SOURCE " + write(file, size));
        Vaults vaults = new Vaults(new Argon2Params(8, 1, 1), Clock.systemUTC());
        try (OpenVault vault = new OpenVault(vaults.create(dir.resolve("vault"), "memory test passphrase".toCharArray()))) {
            String id = new Drafts(vault).create(TestimonyContent.empty()).id();
            Attachments attachments = new Attachments(vault);
            Attachment a = attachments.add(id, file, "", false, Progress.none());
            System.out.println("ADDED " + a.sha256() + " " + a.size());
            MessageDigest sha = Sha256.digest();
            byte[] buf = new byte[1 << 16];
            try (InputStream in = attachments.content(id, a.id()).open(0)) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    sha.update(buf, 0, n);
                }
            }
            System.out.println("READ " + Sha256.hex(sha));
            System.out.println("PEAK-HEAP-MIB " + peakHeapMib());
        }
    }

    /** A deterministic, incompressible file, written and hashed in pieces. */
    static String write(Path file, long size) throws IOException {
        MessageDigest sha = Sha256.digest();
        SplittableRandom random = new SplittableRandom(size);
        byte[] buf = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; ) {
                int n = (int) Math.min(buf.length, left);
                random.nextBytes(buf);
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
                left -= n;
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static long peakHeapMib() {
        long peak = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
