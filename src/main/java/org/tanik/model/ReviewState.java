package org.tanik.model;

/** Where an imported testimony stands in the coordinators' review. */
public enum ReviewState {
    NEW,
    NEEDS_FOLLOW_UP,
    VERIFIED,
    REJECTED,
    DUPLICATE
}
