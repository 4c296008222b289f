package org.tanik.coordinator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Device;
import org.tanik.vault.AuditDetail;
import org.tanik.vault.CoordinatorStores;

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
    public List<ImportResult> approve(String fingerprint, String label, Importer importer) {
        String fp = normalise(fingerprint);
        stores.inTransaction(() -> {
            stores.devices().approve(fp, label);
            stores.audit().append("device.approve", fp, AuditDetail.of("audit.detail.approve",
                    java.util.Objects.requireNonNullElse(label, "")));
        });
        return importer.releaseHeld(fp);
    }

    public void revoke(String fingerprint, String reason) {
        String fp = normalise(fingerprint);
        if (reason == null || reason.isBlank()) {
            throw new TanikException(Problem.REVOCATION_REASON_MISSING);
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        stores.inTransaction(() -> {
            stores.devices().revoke(fp, reason, at);
            stores.audit().append("device.revoke", fp, AuditDetail.of("audit.detail.revoke", reason));
        });
    }

    /** Accepts fingerprints typed with or without the spaces between groups. */
    static String normalise(String fingerprint) {
        String digits = fingerprint == null ? "" : fingerprint.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{20}")) {
            throw new TanikException(Problem.DEVICE_NOT_FOUND, fingerprint == null ? "" : fingerprint.strip());
        }
        return digits.substring(0, 5) + " " + digits.substring(5, 10) + " " + digits.substring(10, 15) + " "
                + digits.substring(15);
    }
}
