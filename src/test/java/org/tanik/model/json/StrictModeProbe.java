package org.tanik.model.json;

import org.tanik.model.Testimony;

/**
 * The strict mode's two stages, one at a time, for tests and benchmarks outside this package (the
 * bundle's differential test and RecordParseBenchmark): production code reads through
 * {@link TestimonyCodec#readStrict} only.
 */
public final class StrictModeProbe {
    private StrictModeProbe() {
    }

    /** The one-pass reader's testimony, or null where it hands over to the full path. */
    public static Testimony onePass(byte[] json) {
        return OnePassReader.read(json);
    }

    /** The full path alone: the strict mode's definition. */
    public static Testimony fully(byte[] json) throws JsonRefusal {
        return TestimonyCodec.readStrictFully(json);
    }
}
