package org.tanik.bundle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tanik.bundle.BundleException.Reason;
import org.tanik.model.Testimony;
import org.tanik.model.json.JsonRefusal;
import org.tanik.model.json.TestimonyCodec;

/**
 * Testimonies to bundle entries and back. A record is the model's one testimony shape
 * ({@link TestimonyCodec}) at {@code records/<id>/v<version>.json}, read in the codec's strict mode;
 * this class adds what only the bundle knows: the path must be a record's, and the id and version
 * inside must match it.
 */
public final class TestimonyRecords {

    private TestimonyRecords() {
    }

    /** One entry per testimony version, in the given order. */
    public static List<BundleEntry> toEntries(List<Testimony> testimonies) {
        List<BundleEntry> out = new ArrayList<>(testimonies.size());
        Set<String> paths = new HashSet<>();
        for (Testimony t : testimonies) {
            String path = EntryPaths.record(t.id(), t.version());
            if (!paths.add(path)) {
                throw new IllegalArgumentException("the same testimony version twice: " + path);
            }
            out.add(new BundleEntry(path, TestimonyCodec.toJson(t).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    public static Testimony parse(BundleEntry entry) throws BundleException {
        return parse(entry.path(), entry.content());
    }

    /** Parses a record entry strictly; the detail of any failure is the path, never the content. */
    public static Testimony parse(String path, byte[] json) throws BundleException {
        if (!EntryPaths.isRecord(path)) {
            throw new BundleException(Reason.UNSAFE_PATH, path);
        }
        Testimony t;
        try {
            t = TestimonyCodec.readStrict(json);
        } catch (JsonRefusal e) {
            throw StrictJson.refusal(e, Reason.RECORD_INVALID, path);
        }
        // The path is a record path, so equality also proves a canonical id and a version of nine digits at most.
        if (!(EntryPaths.RECORDS + t.id() + "/v" + t.version() + ".json").equals(path)) {
            throw new BundleException(Reason.RECORD_INVALID, path); // the record says it is something else
        }
        return t;
    }
}
