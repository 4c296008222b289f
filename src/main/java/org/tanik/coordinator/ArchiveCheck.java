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
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.store.coordinator.Archive;
import org.tanik.store.coordinator.AuditDetail;
import org.tanik.work.Progress;

/**
 * Checks the archive again against what the devices signed, long after import: for every kept
 * bundle, the manifest's signature by the device it names, and for every archived version, that
 * the manifest lists it with the hash the archive recorded and that its bytes still have that hash.
 * This is the chain of custody a court or an auditor can ask for, without the original files.
 */
public final class ArchiveCheck {

    /** What failed in a bundle, as a message key with arguments (ids and hashes, never content). */
    public record Failure(String bundleId, String device, AuditDetail reason) {
        /** One line for a person: the bundle, its device and the reason, in {@code text}'s language. */
        public String text(AuditText text) {
            return text.format("archive.failure", bundleId, device, text.format(reason));
        }
    }

    /**
     * What was checked: {@code bundles} of {@code total} (fewer when cancelled), the records read back
     * from them, and the bundles that failed. {@code older} counts archived versions outside the check:
     * releases before payload files kept no signed manifest for them.
     */
    public record Result(int bundles, int total, int records, int older, List<Failure> failures) {
        public Result {
            failures = List.copyOf(failures);
        }

        public boolean complete() {
            return bundles == total;
        }

        /** How many bundles failed; a bundle can have several failures, one per version found altered. */
        public long failedBundles() {
            return failures.stream().map(Failure::bundleId).distinct().count();
        }

        /** Every bundle was checked and none failed; never said of versions it could not check alone. */
        public boolean intact() {
            return complete() && failures.isEmpty() && (bundles > 0 || older == 0);
        }

        /** The outcome in one sentence, as the command line and the desktop app both say it. */
        public String summary(AuditText text) {
            String outcome = !complete() ? text.format("archive.cancelled", bundles, total, failedBundles(), records)
                    : total == 0 && older == 0 ? text.format("archive.empty")
                    : total == 0 ? text.format("archive.nothingCheckable", older)
                    : failures.isEmpty() ? text.format("archive.intact", bundles, records)
                    : text.format("archive.failed", failedBundles(), total);
            // "Intact" must not read as covering versions it never looked at.
            return older == 0 || total == 0 ? outcome : outcome + " " + text.format("archive.older", older);
        }
    }

    private ArchiveCheck() {
    }

    public static Result run(Archive archive) {
        return run(archive, Progress.none());
    }

    /**
     * Checks bundle after bundle; {@code progress} hears after each bundle (with its id) how far the
     * check is, from the checking thread, and is asked between bundles, never inside one, whether to stop.
     */
    public static Result run(Archive archive, Progress<String> progress) {
        List<Archive.Evidence> evidence = archive.evidence();
        int older = Math.max(0, archive.countVersions() - evidence.stream().mapToInt(e -> e.records().size()).sum());
        int bundles = 0;
        int[] records = {0};
        List<Failure> failures = new ArrayList<>();
        for (Archive.Evidence e : evidence) {
            if (progress.cancelled()) {
                break;
            }
            List<AuditDetail> reasons = check(e);
            if (reasons.isEmpty()) {
                int before = records[0];
                try {
                    archive.readBundle(e.bundleId(), entry -> records[0]++);
                } catch (RuntimeException x) {
                    records[0] = before; // a bundle that fails is not counted as records checked
                    reasons = unreadable(archive, e, x);
                }
            }
            for (AuditDetail reason : reasons) {
                failures.add(new Failure(e.bundleId(), e.device(), reason));
            }
            bundles++;
            progress.advanced(bundles, evidence.size(), e.bundleId());
        }
        return new Result(bundles, evidence.size(), records[0], older, failures);
    }

    /**
     * Why reading a bundle's records failed. A payload that cannot be read at all is one finding; when
     * records were altered, each version that fails is listed, so that the others are known good.
     */
    private static List<AuditDetail> unreadable(Archive archive, Archive.Evidence e, RuntimeException failure) {
        // A damaged row (H2's encryption has no integrity) fails its bundle, not the whole check.
        if (!(failure instanceof TanikException t) || t.problem() != Problem.RECORD_TAMPERED) {
            return List.of(AuditDetail.of("archive.reason.payloadUnreadable"));
        }
        List<AuditDetail> reasons = new ArrayList<>();
        try {
            for (Archive.Unreadable u : archive.unreadableVersions(e.bundleId())) {
                reasons.add(AuditDetail.of(u.problem() == Problem.RECORD_TAMPERED ? "archive.reason.versionChanged"
                        : "archive.reason.versionUnreadable", (long) u.version(), u.id()));
            }
        } catch (RuntimeException x) {
            return List.of(AuditDetail.of("archive.reason.recordChanged"));
        }
        return reasons.isEmpty() ? List.of(AuditDetail.of("archive.reason.recordChanged")) : reasons;
    }

    /**
     * The manifest-level checks of one bundle; empty when they pass. A manifest that cannot be trusted
     * is one finding; versions the trusted manifest does not list as recorded are each one.
     */
    private static List<AuditDetail> check(Archive.Evidence e) {
        Manifest m;
        try {
            m = ManifestJson.decode(e.manifest());
        } catch (BundleException x) {
            return List.of(AuditDetail.of("archive.reason.manifestUnreadable"));
        }
        if (!m.bundleId().toString().equals(e.bundleId())) {
            return List.of(AuditDetail.of("archive.reason.otherBundle", m.bundleId().toString()));
        }
        byte[] key = m.devicePublicKey();
        if (!Ed25519.verify(key, e.manifest(), e.signature())) {
            return List.of(AuditDetail.of("archive.reason.badSignature"));
        }
        String signer = Fingerprint.deviceId(key);
        if (!signer.equals(e.device())) {
            return List.of(AuditDetail.of("archive.reason.otherDevice", signer));
        }
        Map<String, String> hashes = new HashMap<>();
        for (ManifestEntry entry : m.entries()) {
            hashes.put(entry.path(), entry.sha256());
        }
        List<AuditDetail> reasons = new ArrayList<>();
        for (Archive.Recorded r : e.records()) {
            if (!r.sha256().equals(hashes.get(EntryPaths.record(r.id(), r.version())))) {
                reasons.add(AuditDetail.of("archive.reason.notInManifest", (long) r.version(), r.id()));
            }
        }
        return reasons;
    }
}
