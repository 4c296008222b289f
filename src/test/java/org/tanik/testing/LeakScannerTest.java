package org.tanik.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leak tests are only as good as the scanner: it must find what is there, and never scan less. */
class LeakScannerTest {

    @TempDir
    Path dir;

    @Test
    void findsMarkersInEveryEncodingInTheRoots() {
        LeakScanner scanner = LeakScanner.watch(List.of("MARKERşğıİ", "absent"));
        write(dir.resolve("a"), "xxMARKERşğıİyy".getBytes(StandardCharsets.UTF_16LE));
        write(dir.resolve("sub/b"), "MARKERşğıİ".getBytes(StandardCharsets.UTF_16BE));
        int[] scanned = {0};
        List<String> hits = scanner.findIn(List.of(dir), scanned);
        assertThat(hits).anyMatch(h -> h.contains("UTF-16LE")).anyMatch(h -> h.contains("UTF-16BE"))
                .noneMatch(h -> h.contains("absent"));
        assertThat(scanned[0]).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFileWrittenAndDeletedDuringTheWatchIsStillScanned() throws Exception {
        LeakScanner scanner = LeakScanner.watch(List.of("MARKERtransient"));
        Path transient_ = dir.resolve(".record.tmp");
        write(transient_, "MARKERtransient".getBytes(StandardCharsets.UTF_8));
        // The watcher reads it as it appears; then it goes, like an atomic-write temp.
        for (int i = 0; scanner.hitsSoFar() == 0; i++) {
            assertThat(i).as("the watcher never found the marker in the new file").isLessThan(12_000);
            Thread.sleep(10);
        }
        Files.delete(transient_);
        List<String> hits = scanner.findIn(List.of(dir), new int[1]);
        assertThat(hits).singleElement().asString().contains(".record.tmp").contains("MARKERtransient");
    }

    @Test
    void aTempFileOutsideTheRootsFailsEvenIfDeletedAndEmpty() throws Exception {
        LeakScanner scanner = LeakScanner.watch(List.of("MARKER"));
        Path temp = Files.createTempFile("leak", ".tmp");
        Files.delete(temp);
        List<String> hits = scanner.findIn(List.of(dir), new int[1]);
        assertThat(hits).singleElement().asString().contains(temp.getFileName().toString())
                .contains("created outside");
    }

    @Test
    void aRootThatCannotBeReadFailsTheScanInsteadOfShrinkingIt() {
        LeakScanner scanner = LeakScanner.watch(List.of("MARKER"));
        assertThatThrownBy(() -> scanner.findIn(List.of(dir.resolve("not-there")), new int[1]))
                .isInstanceOf(AssertionError.class).hasMessageContaining("not-there");
    }

    private static void write(Path p, byte[] content) {
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
