package org.tanik.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanik.model.Testimony;
import org.tanik.model.json.JsonRefusal;
import org.tanik.model.json.StrictModeProbe;

/**
 * Record parsing speed, old (tree, {@link ReferenceRecordParser}) against new ({@link TestimonyRecords#parse}),
 * excluded from the normal test run: {@code mvn -B -q test -Dtest=RecordParseBenchmark}. Figures only. The
 * first rounds warm the JIT up; then each round times every parser over all records, in turn, after a GC.
 */
class RecordParseBenchmark {
    private static final int RECORDS = 2_000;
    private static final int WARM_UP = 5;
    private static final int ROUNDS = 10;

    interface Parse {
        Testimony parse(String path, byte[] json) throws BundleException;
    }

    @Test
    void oldAgainstNew() throws Exception {
        List<BundleEntry> entries = TestimonyRecords.toEntries(Fixtures.testimonies(RECORDS, 42));
        long bytes = entries.stream().mapToLong(e -> e.content().length).sum();
        System.out.printf("record-parse-bench: %d records, %.0f bytes each on average%n", RECORDS,
                (double) bytes / RECORDS);
        for (BundleEntry e : entries) {
            assertThat(TestimonyRecords.parse(e)).isEqualTo(ReferenceRecordParser.parse(e.path(), e.content()));
        }
        Parse[] parsers = {ReferenceRecordParser::parse, RecordParseBenchmark::fullPathAlone, TestimonyRecords::parse};
        double bestOld = Double.MAX_VALUE;
        double bestNew = Double.MAX_VALUE;
        for (int round = 1; round <= WARM_UP + ROUNDS; round++) {
            long[] nanos = new long[parsers.length];
            for (int k = 0; k < parsers.length; k++) {
                int which = (k + round) % parsers.length; // a different one goes first each round
                System.gc(); // each run collects its own garbage, not the previous one's
                nanos[which] = run(entries, parsers[which]);
            }
            double old = nanos[0] / 1e3 / RECORDS;
            double strict = nanos[1] / 1e3 / RECORDS;
            double fresh = nanos[2] / 1e3 / RECORDS;
            if (round > WARM_UP) {
                System.out.printf("record-parse-bench: round %d: old %.1f µs, new %.1f µs per record (%.1fx); "
                        + "new strict path alone %.1f µs%n", round - WARM_UP, old, fresh, old / fresh, strict);
                bestOld = Math.min(bestOld, old);
                bestNew = Math.min(bestNew, fresh);
            }
        }
        // The best round of each is the least disturbed by other work on the machine.
        System.out.printf("record-parse-bench: best rounds: old %.1f µs, new %.1f µs per record (%.1fx)%n", bestOld,
                bestNew, bestOld / bestNew);
    }

    /** The codec's strict full path without its one-pass reader (and without the bundle's path checks). */
    private static Testimony fullPathAlone(String path, byte[] json) throws BundleException {
        try {
            return StrictModeProbe.fully(json);
        } catch (JsonRefusal e) {
            throw new BundleException(BundleException.Reason.RECORD_INVALID, path);
        }
    }

    /** Nanoseconds for all entries. */
    private static long run(List<BundleEntry> entries, Parse parser) throws BundleException {
        long sink = 0;
        long t0 = System.nanoTime();
        for (BundleEntry e : entries) {
            sink += parser.parse(e.path(), e.content()).version();
        }
        long nanos = System.nanoTime() - t0;
        assertThat(sink).isPositive();
        return nanos;
    }
}
