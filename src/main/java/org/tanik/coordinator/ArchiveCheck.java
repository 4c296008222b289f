package org.tanik.coordinator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tanik.bundle.BundleException;
import org.tanik.bundle.EntryPaths;
import org.tanik.bundle.Manifest;
import org.tanik.bundle.ManifestEntry;
import org.tanik.bundle.ManifestJson;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.Fingerprint;
import org.tanik.error.TanikException;
import org.tanik.vault.Archive;

/**
 * Checks the archive again against what the devices signed, long after import: for every kept
 * bundle, the manifest's signature by the device it names, and for every archived version, that
 * the manifest lists it with the hash the archive recorded and that its bytes still have that hash.
 * This is the chain of custody a court or an auditor can ask for, without the original files.
 */
public final class ArchiveCheck {

    /** What was checked and, for each bundle that failed, why (bundle ids and reasons, never content). */
    public record Result(int bundles, int records, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private ArchiveCheck() {
    }

    public static Result run(Archive archive) {
        int bundles = 0;
        int[] records = {0};
        List<String> problems = new ArrayList<>();
        for (Archive.Evidence e : archive.evidence()) {
            bundles++;
            String problem = check(e);
            if (problem == null) {
                try {
                    archive.readBundle(e.bundleId(), entry -> records[0]++);
                } catch (TanikException x) {
                    problem = "a record's bytes no longer match their hash (" + x.problem().name().toLowerCase(java.util.Locale.ROOT) + ")";
                }
            }
            if (problem != null) {
                problems.add("bundle " + e.bundleId() + ": " + problem);
            }
        }
        return new Result(bundles, records[0], List.copyOf(problems));
    }

    /** The manifest-level checks of one bundle; null when they pass. */
    private static String check(Archive.Evidence e) {
        Manifest m;
        try {
            m = ManifestJson.decode(e.manifest());
        } catch (BundleException x) {
            return "the kept manifest cannot be read";
        }
        if (!m.bundleId().toString().equals(e.bundleId())) {
            return "the kept manifest belongs to another bundle";
        }
        byte[] key = m.devicePublicKey();
        if (!Ed25519.verify(key, e.manifest(), e.signature())) {
            return "the manifest's signature does not verify";
        }
        if (!Fingerprint.device(key).equals(e.device())) {
            return "the manifest was signed by another device than the one recorded";
        }
        Map<String, String> hashes = new HashMap<>();
        for (ManifestEntry entry : m.entries()) {
            hashes.put(entry.path(), entry.sha256());
        }
        for (Archive.Recorded r : e.records()) {
            if (!r.sha256().equals(hashes.get(EntryPaths.record(r.id(), r.version())))) {
                return "version " + r.version() + " of " + r.id() + " is not what the signed manifest lists";
            }
        }
        return null;
    }
}
