package org.tanik.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leak tests are only as good as the scanner: it must find what is there. */
class LeakScannerTest {

    @TempDir
    Path dir;

    @Test
    void findsMarkersInEveryEncodingAndInNewTempFiles() throws Exception {
        LeakScanner scanner = LeakScanner.snapshotTemp();
        Files.write(dir.resolve("a"), "xxMARKERşğıİyy".getBytes(StandardCharsets.UTF_16LE));
        Path temp = Files.createTempFile("leak", ".tmp");
        try {
            Files.write(temp, "MARKERtwo".getBytes(StandardCharsets.UTF_8));
            int[] scanned = {0};
            List<String> hits = scanner.findIn(List.of(dir), List.of("MARKERşğıİ", "MARKERtwo", "absent"), scanned);
            assertThat(hits).hasSize(2);
            assertThat(hits.get(0)).contains("UTF-16LE");
        } finally {
            Files.delete(temp);
        }
    }
}
