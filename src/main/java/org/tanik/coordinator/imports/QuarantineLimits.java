package org.tanik.coordinator.imports;

import org.tanik.bundle.BundleLimits;

/**
 * What devices the organisation has not approved may cost it. Anybody who has the organisation's
 * public key can make such a device and sign bundles with it, so its bundles are held (in quarantine)
 * only within these bounds: a first bundle is text, and a flood of throw-away devices stops at a
 * count the coordinator can still look through.
 *
 * @param maxHeldBundleBytes the largest bundle (decrypted, as the manifest declares it) from a device not yet approved
 * @param maxPendingDevices  how many devices may wait for approval at once; bundles from more new devices are refused
 */
public record QuarantineLimits(long maxHeldBundleBytes, int maxPendingDevices) {

    /** 16 MiB, 100 devices. */
    public static final QuarantineLimits DEFAULT = new QuarantineLimits(16L << 20, 100);

    public QuarantineLimits {
        if (maxHeldBundleBytes <= 0 || maxPendingDevices <= 0) {
            throw new IllegalArgumentException("quarantine limits must be positive");
        }
    }

    /** The reader's limits for a device not yet approved. */
    BundleLimits narrow(BundleLimits limits) {
        return limits.atMost(maxHeldBundleBytes);
    }
}
