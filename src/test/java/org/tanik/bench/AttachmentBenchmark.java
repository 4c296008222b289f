package org.tanik.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;
import org.tanik.model.Attachment;
import org.tanik.model.TestimonyContent;
import org.tanik.session.OpenVault;
import org.tanik.store.Vaults;
import org.tanik.volunteer.Attachments;
import org.tanik.volunteer.Drafts;
import org.tanik.work.Progress;

/**
 * Attachment throughput against a plain file copy of the same file in the same run, and the peak heap,
 * in a child JVM with {@code -Xmx256m}: {@code mvn -B test -Dtest=AttachmentBenchmark
 * [-Dtanik.bench.attachmentMiB=3072]} (default 256). Three figures each, best of two rounds:
 * <ul>
 * <li>add: {@code Attachments.add} (read, SHA-256, encrypt, write, fsync, rename), against a plain
 * copy through a 64 KiB buffer with fsync (and {@code Files.copy} for reference);</li>
 * <li>read: the whole content decrypted through {@code Content.open(0)}, against reading the plain
 * copy through the same buffer.</li>
 * </ul>
 * The files are fresh in the page cache (the machine has the memory), so this measures the CPU's
 * share rather than the disk's. Target: at least 60% of plain copy throughput. MB = 10^6 bytes. The
 * CPU time the working thread used per GiB is printed too: on a machine shared with other work the
 * throughput of the CPU-bound add falls further than the copy's, and the CPU time says by how much.
 */
class AttachmentBenchmark {

    static final int BUFFER = 1 << 16;

    @TempDir
    Path dir;

    @Test
    void addAndReadAgainstAPlainCopy() throws Exception {
        long mib = Long.getLong("tanik.bench.attachmentMiB", 256);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Probe.class.getName(), dir.toString(),
                Long.toString(mib << 20)).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            r.lines().forEach(System.out::println);
        }
        if (child.waitFor() != 0) {
            throw new AssertionError("the benchmark's child JVM failed");
        }
    }

    /** Runs in the child JVM. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            long size = Long.parseLong(args[1]);
            Path source = dir.resolve("source.bin");
            write(source, size);
            Vaults vaults = new Vaults(new Argon2Params(8, 1, 1), Clock.systemUTC());
            try (OpenVault vault = new OpenVault(vaults.create(dir.resolve("vault"), "benchmark passphrase".toCharArray()))) {
                Attachments attachments = new Attachments(vault);
                String id = new Drafts(vault).create(TestimonyContent.empty()).id();
                double copy = 0;
                double filesCopy = 0;
                double add = 0;
                double plainRead = 0;
                double read = 0;
                double copyCpu = Double.MAX_VALUE;
                double addCpu = Double.MAX_VALUE;
                var threads = ManagementFactory.getThreadMXBean();
                for (int round = 0; round < 2; round++) {
                    Path copyFile = dir.resolve("copy.bin");
                    Files.deleteIfExists(copyFile);
                    long t = System.nanoTime();
                    long cpu = threads.getCurrentThreadCpuTime();
                    streamCopy(source, copyFile);
                    copy = Math.max(copy, mbps(size, t));
                    copyCpu = Math.min(copyCpu, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
                    Files.delete(copyFile);
                    t = System.nanoTime();
                    Files.copy(source, copyFile);
                    filesCopy = Math.max(filesCopy, mbps(size, t));

                    t = System.nanoTime();
                    cpu = threads.getCurrentThreadCpuTime();
                    Attachment a = attachments.add(id, source, "", false, Progress.none());
                    add = Math.max(add, mbps(size, t));
                    addCpu = Math.min(addCpu, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);

                    t = System.nanoTime();
                    try (InputStream in = Files.newInputStream(copyFile)) {
                        drain(in);
                    }
                    plainRead = Math.max(plainRead, mbps(size, t));
                    t = System.nanoTime();
                    try (InputStream in = attachments.content(id, a.id()).open(0)) {
                        drain(in);
                    }
                    read = Math.max(read, mbps(size, t));
                    attachments.remove(id, a.id());
                    Files.delete(copyFile);
                }
                System.out.printf("attachment-bench: %d MiB, %d cores, best of 2 rounds%n", size >> 20,
                        Runtime.getRuntime().availableProcessors());
                System.out.printf("attachment-bench: plain copy (64 KiB buffer, fsync) %.0f MB/s; Files.copy %.0f MB/s%n",
                        copy, filesCopy);
                System.out.printf("attachment-bench: add %.0f MB/s = %.0f%% of plain copy%n", add, 100 * add / copy);
                // CPU seconds per GiB of the one thread doing the work: what the machine's load cannot change.
                System.out.printf("attachment-bench: CPU time per GiB: plain copy %.2f s, add %.2f s; load average %.1f%n",
                        copyCpu / (size / (double) (1L << 30)), addCpu / (size / (double) (1L << 30)),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                System.out.printf("attachment-bench: plain read %.0f MB/s; read (decrypt) %.0f MB/s = %.0f%% of plain read%n",
                        plainRead, read, 100 * read / plainRead);
                System.out.printf("attachment-bench: peak heap %d MiB (-Xmx256m)%n", peakHeapMib());
            }
        }

        static double mbps(long size, long start) {
            return size / 1e6 / ((System.nanoTime() - start) / 1e9);
        }

        static void streamCopy(Path from, Path to) throws IOException {
            try (InputStream in = Files.newInputStream(from);
                 FileChannel ch = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                byte[] buf = new byte[BUFFER];
                for (int n; (n = in.read(buf)) >= 0; ) {
                    out.write(buf, 0, n);
                }
                ch.force(true);
            }
        }

        static void drain(InputStream in) throws IOException {
            byte[] buf = new byte[BUFFER];
            while (in.read(buf) >= 0) {
                // discard
            }
        }

        static void write(Path file, long size) throws IOException {
            SplittableRandom random = new SplittableRandom(size);
            byte[] buf = new byte[1 << 20];
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long left = size; left > 0; left -= buf.length) {
                    random.nextBytes(buf);
                    out.write(buf, 0, (int) Math.min(buf.length, left));
                }
            }
        }

        static long peakHeapMib() {
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            return peak >> 20;
        }
    }
}
