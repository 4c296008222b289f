package org.tanik.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory stays constant whatever the file's size: a child JVM with a 48 MiB heap adds a 320 MiB file
 * and reads it back, with the same SHA-256 ({@link AttachmentMemoryWorker}). Holding the file, or a
 * growing part of it, anywhere on the way would run out of heap.
 */
class AttachmentMemoryTest {

    static final long SIZE = 320L << 20;

    @TempDir
    Path dir;

    @Test
    void aFileSixTimesTheHeapIsAddedAndReadBack() throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-XX:-HeapDumpOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                AttachmentMemoryWorker.class.getName(), dir.toString(), Long.toString(SIZE));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        String source = line(out, "SOURCE ").substring(7);
        assertThat(line(out, "ADDED ")).isEqualTo("ADDED " + source + " " + SIZE);
        assertThat(line(out, "READ ")).isEqualTo("READ " + source);
        System.out.println("AttachmentMemoryTest: " + line(out, "PEAK-HEAP-MIB ") + " for " + (SIZE >> 20) + " MiB");
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix.strip() + " line in:\n" + out));
    }
}
