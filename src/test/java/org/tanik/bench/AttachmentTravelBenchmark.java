package org.tanik.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tanik.coordinator.AttachmentPath;

/**
 * One large attachment from a volunteer's vault to the coordinator's archive under -Xmx256m
 * (excluded from the normal test run): {@code mvn -B test -Dtest=AttachmentTravelBenchmark}, or with
 * another size {@code -Dtanik.bench.attachmentMiB=1024}. Needs about four times the size in free disk
 * under target/test-tmp. Prints MB/s per step against a plain copy, the peak heap and the SHA-256 match.
 */
class AttachmentTravelBenchmark {

    @Test
    void threeGibFromVaultToArchive() throws Exception {
        long size = Long.getLong("tanik.bench.attachmentMiB", 3072) << 20;
        Path work = Files.createTempDirectory("attachment-bench");
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:-HeapDumpOnOutOfMemoryError",
                    "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                    "-cp", System.getProperty("java.class.path"), AttachmentPath.class.getName(),
                    Long.toString(size), work.toString()).redirectErrorStream(true).start();
            StringBuilder output = new StringBuilder();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    System.out.println(line);
                    output.append(line).append('\n');
                }
            }
            System.out.printf("attachment of %d MiB, child JVM -Xmx256m%n", size >> 20);
            assertThat(p.waitFor()).as(output.toString()).isZero();
            assertThat(output).contains("sha256 match: ");
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
