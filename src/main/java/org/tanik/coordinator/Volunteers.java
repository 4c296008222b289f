package org.tanik.coordinator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.tanik.coordinator.imports.ImportPipeline;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Device;
import org.tanik.model.ReceivedBundle;
import org.tanik.store.coordinator.AuditDetail;
import org.tanik.store.coordinator.CoordinatorStores;

/**
 * The coordinator's decisions about devices: approve (after comparing fingerprints, which releases
 * the bundles held in quarantine) and revoke (with a reason, for example "laptop seized").
 * Every decision is audited in the same transaction.
 */
public final class Volunteers {

    private final CoordinatorStores stores;
    private final Clock clock;

    public Volunteers(CoordinatorStores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    public List<Device> list() {
        return stores.devices().list();
    }

    /** Approves a device; returns the verdicts of its held bundles, now imported. */
    public List<ImportResult> approve(String fingerprint, String label, ImportPipeline importer) {
        String fp = resolve(fingerprint).id();
        stores.inTransaction(() -> {
            stores.devices().approve(fp, label);
            stores.audit().append("device.approve", fp, AuditDetail.of("audit.detail.approve",
                    java.util.Objects.requireNonNullElse(label, "")));
        });
        return importer.releaseHeld(fp);
    }

    public void revoke(String fingerprint, String reason) {
        String fp = resolve(fingerprint).id();
        if (reason == null || reason.isBlank()) {
            throw new TanikException(Problem.REVOCATION_REASON_MISSING);
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        stores.inTransaction(() -> {
            stores.devices().revoke(fp, reason, at);
            stores.audit().append("device.revoke", fp, AuditDetail.of("audit.detail.revoke", reason));
        });
        // What it sent while pending will never be imported now: it leaves quarantine, with its verdict.
        for (ReceivedBundle held : stores.bundles().forDevice(fp)) {
            if (held.state() == ReceivedBundle.State.QUARANTINED) {
                stores.inTransaction(() -> {
                    stores.bundles().remove(held.bundleId());
                    stores.audit().append("import.rejected", held.bundleId(), AuditDetail.of("audit.detail.rejected",
                            fp, held.sequence(), AuditDetail.of("import.reason.revokedWhileHeld")));
                });
                stores.archive().payloads().dropHeld(held.bundleId());
            }
        }
    }

    /**
     * The device a coordinator names: by the fingerprint compared by phone (six groups of five
     * digits, spaces optional), which must match the stored public key in full, or by the registry's
     * id (the first four groups), as earlier versions printed it.
     */
    Device resolve(String fingerprint) {
        String typed = fingerprint == null ? "" : fingerprint.strip();
        String digits = typed.replaceAll("[\\s-]", "");
        if (digits.matches("\\d{30}|\\d{20}")) {
            String id = digits.substring(0, 5) + " " + digits.substring(5, 10) + " " + digits.substring(10, 15) + " "
                    + digits.substring(15, 20);
            Optional<Device> d = stores.devices().find(id);
            if (d.isPresent() && (digits.length() == 20 || d.get().fingerprint().replace(" ", "").equals(digits))) {
                return d.get();
            }
        }
        throw new TanikException(Problem.DEVICE_NOT_FOUND, typed);
    }
}
