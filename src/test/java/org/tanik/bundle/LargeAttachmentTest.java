package org.tanik.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.age.X25519Identity;

/**
 * A bundle far larger than the heap is verified without holding its attachment: a reader in a
 * 48 MiB JVM checks a bundle with a 160 MiB attachment (it ran out of memory when every entry was
 * kept as bytes). And the whole path of an attachment larger than the heap (added to a vault,
 * exported, imported, read back from the archive) runs in a 64 MiB JVM with a matching SHA-256;
 * {@code AttachmentTravelBenchmark} runs the same path with 3 GiB.
 */
class LargeAttachmentTest {

    static final int ATTACHMENT = 160 << 20;

    @TempDir
    Path dir;

    @Test
    void aBundleLargerThanTheHeapIsVerifiedStreaming() throws Exception {
        X25519Identity org = X25519Identity.generate();
        Path identity = Files.writeString(dir.resolve("identity.txt"), org.encode());
        Path bundle = dir.resolve("large.tanik");
        List<BundleEntry> entries = new ArrayList<>(TestimonyRecords.toEntries(Fixtures.testimonies(2, 5)));
        byte[] blob = new byte[ATTACHMENT];
        new java.util.Random(7).nextBytes(blob);
        entries.add(new BundleEntry("attachments/interview.ogg", blob));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(bundle), 1 << 16)) {
            BundleWriter.write(out, List.of(org.recipient()), Fixtures.DEVICE, 1, null, Fixtures.CREATED, entries);
        }
        blob = null;
        entries = null;

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-XX:-HeapDumpOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                Reader.class.getName(), bundle.toString(), identity.toString()).redirectErrorStream(true).start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(output).as("the child's output").contains("verified: 2 records, attachment of " + ATTACHMENT);
        assertThat(p.exitValue()).isZero();
    }

    static final long TRAVELLING = 96L << 20;

    @Test
    void anAttachmentLargerThanTheHeapTravelsFromVaultToArchive() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:-HeapDumpOnOutOfMemoryError", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), org.tanik.coordinator.AttachmentPath.class.getName(),
                Long.toString(TRAVELLING), dir.toString()).redirectErrorStream(true).start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.print(output);
        assertThat(output).as("the child's output").contains("import (verify and archive)").contains("sha256 match: ");
        assertThat(p.exitValue()).as(output).isZero();
    }

    /** The child: verifies the bundle in a heap much smaller than it. */
    public static final class Reader {
        public static void main(String[] args) throws Exception {
            X25519Identity org = X25519Identity.parse(Files.readString(Path.of(args[1])).strip());
            try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
                VerifiedBundle b = BundleReader.read(in, List.of(org), BundleLimits.DEFAULT);
                System.out.println("verified: " + b.testimonies().size() + " records, attachment of "
                        + b.manifest().entries().get(2).size());
            }
        }
    }
}
