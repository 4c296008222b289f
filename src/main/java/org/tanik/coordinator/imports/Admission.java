package org.tanik.coordinator.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tanik.bundle.VerifiedBundle;
import org.tanik.coordinator.search.SearchIndex;
import org.tanik.model.Device;
import org.tanik.model.DeviceState;
import org.tanik.model.ReceivedBundle;
import org.tanik.model.Testimony;
import org.tanik.store.coordinator.Archive;
import org.tanik.store.coordinator.AuditDetail;
import org.tanik.store.coordinator.CoordinatorStores;

/**
 * The rules that decide what becomes of a checked bundle: stored, held in quarantine (its device is
 * not approved yet), refused, or already imported. Every refusal of a bundle that names itself is
 * audited. Two ways in: a file that has just arrived, and a held bundle released by an approval.
 */
final class Admission {

    private final CoordinatorStores stores;
    private final IndexFollower index;
    private final Clock clock;
    private final QuarantineLimits quarantine;

    /** {@code index} may be null: then nothing is indexed. */
    Admission(CoordinatorStores stores, SearchIndex index, Clock clock, QuarantineLimits quarantine) {
        this.stores = stores;
        this.index = new IndexFollower(stores, index);
        this.clock = clock;
        this.quarantine = quarantine;
    }

    /**
     * The verdict on a file that has just arrived: refused, already known (by its file hash), held or
     * stored. Call inside the group's transaction.
     */
    ImportResult arrived(Checked c, GroupCommit group) {
        if (c instanceof Checked.Unread u) {
            return ImportResult.rejected(u.name(), u.reason());
        }
        String sha = c instanceof Checked.Unverified u ? u.sha() : ((Checked.Authentic) c).sha();
        Optional<ReceivedBundle> known = stores.bundles().byFileHash(sha);
        if (known.isPresent()) {
            ReceivedBundle b = known.get();
            return new ImportResult(c.name(), b.state() == ReceivedBundle.State.QUARANTINED
                    ? ImportResult.Verdict.QUARANTINED : ImportResult.Verdict.ALREADY_IMPORTED, null, b.bundleId(),
                    b.device(), b.sequence(), b.recordCount(), List.of());
        }
        if (c instanceof Checked.Unverified u) {
            audit("import.rejected", sha.substring(0, 16),
                    AuditDetail.of("audit.detail.rejectedUnverified", AuditDetail.of(u.reason().key())));
            return ImportResult.rejected(u.name(), ImportNote.of(u.reason()));
        }
        return decide((Checked.Authentic) c, null, group);
    }

    /**
     * The verdict on a bundle held in quarantine, read and checked again now that its device is
     * approved: stored in its own transaction, or refused. A refused one leaves quarantine, with its
     * verdict in the audit log: it is never held forever.
     */
    ImportResult released(ReceivedBundle held, Checked c) {
        ImportResult result;
        if (c instanceof Checked.Authentic a) {
            ImportResult[] stored = new ImportResult[1];
            GroupCommit.run(stores, group -> stored[0] = decide(a, held, group)).forEach(Runnable::run);
            stores.archive().payloads().dropHeld(held.bundleId());
            result = stored[0];
        } else {
            result = reject(c.name(), held.bundleId(), held.device(), held.sequence(),
                    c instanceof Checked.Unverified u ? ImportNote.of(u.reason()) : ((Checked.Unread) c).reason());
        }
        return leaveQuarantineIfRefused(held, result);
    }

    /** A held bundle whose file cannot be read again is refused, and leaves quarantine. */
    ImportResult heldUnreadable(ReceivedBundle held, String name) {
        return leaveQuarantineIfRefused(held, reject(name, held.bundleId(), held.device(), held.sequence(),
                ImportNote.of("import.reason.unreadable")));
    }

    private ImportResult leaveQuarantineIfRefused(ReceivedBundle held, ImportResult result) {
        if (result.verdict() == ImportResult.Verdict.REJECTED) {
            stores.inTransaction(() -> stores.bundles().remove(held.bundleId()));
            stores.archive().payloads().dropHeld(held.bundleId());
        }
        return result;
    }

    /**
     * The rules for an authentic bundle, first arrived ({@code held} null) or released from quarantine:
     * no replayed id, a device key that matches its registry row, the organisation's acceptance, then
     * hold or store. Call inside the group's transaction.
     */
    private ImportResult decide(Checked.Authentic a, ReceivedBundle held, GroupCommit group) {
        VerifiedBundle bundle = a.bundle();
        String name = a.name();
        String bundleId = bundle.manifest().bundleId().toString();
        String fp = bundle.deviceId();
        long seq = bundle.manifest().sequence();
        Optional<ReceivedBundle> sameId = held == null ? stores.bundles().byId(bundleId) : Optional.empty();
        if (sameId.isPresent()) {
            // The same signed content in another file (encrypted again, perhaps by someone else) is no replay.
            if (stores.archive().holdsSigned(bundleId, bundle.manifestBytes(), bundle.signature())) {
                ReceivedBundle b = sameId.get();
                return new ImportResult(name, ImportResult.Verdict.ALREADY_IMPORTED, null, bundleId, b.device(),
                        b.sequence(), b.recordCount(), List.of(ImportNote.of("import.note.sameSigned", bundleId)));
            }
            return reject(name, bundleId, fp, seq, ImportNote.of("import.reason.replayId"));
        }
        // A device is its public key: the short id only names the row, and a row whose key differs is not this device.
        Device device = stores.devices().findByKey(bundle.devicePublicKey()).orElse(null);
        if (device == null && stores.devices().find(fp).isPresent()) {
            return reject(name, bundleId, fp, seq, ImportNote.of("import.reason.deviceKeyMismatch"));
        }
        if (a instanceof Checked.Unacceptable u) {
            return reject(name, bundleId, fp, seq, u.reason());
        }
        Checked.Verified v = (Checked.Verified) a;
        if (device == null || device.state() == DeviceState.PENDING) {
            return held != null ? result(v, ImportResult.Verdict.QUARANTINED, bundle.testimonies().size(), List.of())
                    : hold(v, device == null, group);
        }
        return store(v, device, held, group);
    }

    /** Holds a first arrival from a device not approved yet, within the quarantine's bounds. */
    private ImportResult hold(Checked.Verified v, boolean newDevice, GroupCommit group) {
        VerifiedBundle bundle = v.bundle();
        String bundleId = bundle.manifest().bundleId().toString();
        String fp = bundle.deviceId();
        long seq = bundle.manifest().sequence();
        if (newDevice && stores.devices().countPending() >= quarantine.maxPendingDevices()) {
            return reject(v.name(), bundleId, fp, seq,
                    ImportNote.of("import.reason.tooManyPending", quarantine.maxPendingDevices()));
        }
        if (!stores.archive().payloads().hold(bundleId, v.file(), v.sha())) {
            return ImportResult.rejected(v.name(), ImportNote.of("import.reason.unreadable"));
        }
        group.renamed(bundleId);
        Instant now = now();
        stores.inTransaction(() -> {
            stores.devices().seen(fp, bundle.devicePublicKey(), now, seq);
            stores.bundles().add(new ReceivedBundle(bundleId, v.sha(), fp, seq, bundle.manifest().createdAt(), now, null,
                    ReceivedBundle.State.QUARANTINED, bundle.testimonies().size(), false));
            stores.audit().append("import.quarantined", bundleId, AuditDetail.of("audit.detail.quarantined", fp, seq));
        });
        return result(v, ImportResult.Verdict.QUARANTINED, bundle.testimonies().size(), List.of());
    }

    /** Stores a bundle of an approved (or revoked, if it predates the revocation) device in the archive. */
    private ImportResult store(Checked.Verified v, Device device, ReceivedBundle held, GroupCommit group) {
        VerifiedBundle bundle = v.bundle();
        String bundleId = bundle.manifest().bundleId().toString();
        String fp = bundle.deviceId();
        long seq = bundle.manifest().sequence();
        List<ImportNote> notes = new ArrayList<>();
        boolean flagged = false;
        if (device.state() == DeviceState.REVOKED) {
            if (bundle.manifest().createdAt().isAfter(device.revokedAt())) {
                return reject(v.name(), bundleId, fp, seq, ImportNote.of("import.reason.revoked"));
            }
            // A seized key can backdate createdAt, not the sequence: nothing newer than what arrived before the revocation.
            if (seq > device.lastSequence()) {
                return reject(v.name(), bundleId, fp, seq,
                        ImportNote.of("import.reason.revokedSequence", seq, device.lastSequence()));
            }
            flagged = true;
            notes.add(ImportNote.of("import.note.flagged", device.revokeReason()));
        }
        Optional<ReceivedBundle> sameSequence = stores.bundles().bySequence(fp, seq);
        if (sameSequence.isPresent() && (held == null || !sameSequence.get().bundleId().equals(bundleId))) {
            return reject(v.name(), bundleId, fp, seq, ImportNote.of("import.reason.replaySequence", seq));
        }
        notes.addAll(sequenceNotes(fp, seq, bundle.manifest().previousBundleSha256(), device.lastSequence()));
        boolean flag = flagged;
        Instant now = now();
        List<Testimony> added = new ArrayList<>();
        // The payload is made final first: a crash before the commit leaves only a file no row points to.
        v.staged().commit(bundleId);
        group.renamed(bundleId);
        stores.inTransaction(() -> {
            stores.devices().seen(fp, bundle.devicePublicKey(), now, seq);
            if (held == null) {
                stores.bundles().add(new ReceivedBundle(bundleId, v.sha(), fp, seq, bundle.manifest().createdAt(), now,
                        now, ReceivedBundle.State.IMPORTED, bundle.testimonies().size(), flag));
            } else {
                stores.bundles().markImported(bundleId, now, bundle.testimonies().size(), flag);
            }
            added.addAll(stores.archive().addBundle(new Archive.StoredBundle(bundleId, fp, v.payloadKey(),
                    v.payloadSize(), bundle.manifestBytes(), bundle.signature()), v.incoming(), v.attachments()));
            stores.devices().imported(fp, seq);
            stores.audit().append("import", bundleId, AuditDetail.of(flag ? "audit.detail.importFlagged"
                    : "audit.detail.import", fp, seq, (long) added.size(), v.sha()));
        });
        group.afterCommit(() -> index.added(added, v.documents(), fp, bundleId));
        return result(v, ImportResult.Verdict.IMPORTED, added.size(), notes);
    }

    /** Gaps and late arrivals, reported per device; the previous-hash link is checked when known. */
    private List<ImportNote> sequenceNotes(String fp, long seq, String previousSha, long lastSequence) {
        List<ImportNote> notes = new ArrayList<>();
        if (seq == lastSequence + 2) {
            notes.add(ImportNote.of("import.note.gapOne", lastSequence + 1));
        } else if (seq > lastSequence + 2) {
            notes.add(ImportNote.of("import.note.gapMany", lastSequence + 1, seq - 1));
        } else if (seq < lastSequence) {
            notes.add(ImportNote.of("import.note.late", seq, lastSequence));
        }
        if (seq > 1) {
            stores.bundles().bySequence(fp, seq - 1).ifPresent(prev -> {
                if (!prev.fileSha256().equals(previousSha)) {
                    notes.add(ImportNote.of("import.note.chain", seq - 1));
                }
            });
        }
        return notes;
    }

    private static ImportResult result(Checked.Verified v, ImportResult.Verdict verdict, int records,
                                       List<ImportNote> notes) {
        VerifiedBundle b = v.bundle();
        return new ImportResult(v.name(), verdict, null, b.manifest().bundleId().toString(), b.deviceId(),
                b.manifest().sequence(), records, notes);
    }

    /** Refuses a bundle that names itself, with the reason in the audit log (ids and codes only). */
    private ImportResult reject(String name, String bundleId, String fp, long seq, ImportNote reason) {
        audit("import.rejected", bundleId, AuditDetail.of("audit.detail.rejected", fp, seq,
                new AuditDetail(reason.key(), new ArrayList<>(reason.args()))));
        return new ImportResult(name, ImportResult.Verdict.REJECTED, reason, bundleId, fp, seq, 0, List.of());
    }

    private void audit(String action, String subject, AuditDetail detail) {
        stores.inTransaction(() -> stores.audit().append(action, subject, detail));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
