package org.tanik.model;

/** Where a volunteer's device stands with the organisation. */
public enum DeviceState {
    /** Seen in a bundle or enrolled, not yet confirmed by comparing fingerprints. Its bundles wait. */
    PENDING,
    APPROVED,
    /** No longer trusted (for example, the laptop was seized); later bundles are refused. */
    REVOKED
}
