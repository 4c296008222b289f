package org.tanik.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanik.bundle.BundleEntry;
import org.tanik.bundle.BundleLimits;
import org.tanik.bundle.BundleReader;
import org.tanik.bundle.BundleSummary;
import org.tanik.bundle.BundleWriter;
import org.tanik.bundle.Fixtures;
import org.tanik.bundle.TestimonyRecords;
import org.tanik.bundle.VerifiedBundle;
import org.tanik.model.Testimony;

/**
 * Export and verification speed for a large bundle (excluded from the normal test run):
 * {@code mvn -B test -Dtest=BundleBenchmark}. Three rounds; the first includes JIT warm-up.
 */
class BundleBenchmark {
    private static final int RECORDS = 10_000;

    @Test
    void exportAndVerify() throws Exception {
        List<Testimony> testimonies = Fixtures.testimonies(RECORDS, 42);
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            List<BundleEntry> entries = TestimonyRecords.toEntries(testimonies);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 << 20);
            BundleSummary summary = BundleWriter.write(out, List.of(Fixtures.ORG.recipient()), Fixtures.DEVICE, 1,
                    null, Fixtures.CREATED, entries);
            long t1 = System.nanoTime();
            byte[] file = out.toByteArray();
            VerifiedBundle b = BundleReader.read(new ByteArrayInputStream(file), List.of(Fixtures.ORG),
                    BundleLimits.DEFAULT);
            long t2 = System.nanoTime();
            assertThat(b.testimonies()).hasSize(RECORDS);
            assertThat(b.fileSha256()).isEqualTo(summary.fileSha256());
            print("export", round, t1 - t0, file.length);
            print("verify", round, t2 - t1, file.length);
        }
    }

    private static void print(String what, int round, long nanos, long bytes) {
        double s = nanos / 1e9;
        System.out.printf("bundle-bench: %s %d records in %.2f s = %.0f records/s, %.1f MB (round %d)%n", what,
                RECORDS, s, RECORDS / s, bytes / 1e6, round);
    }
}
