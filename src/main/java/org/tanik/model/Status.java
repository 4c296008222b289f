package org.tanik.model;

/** Life cycle of one testimony version. A sealed version is read-only; amending starts a new draft version. */
public enum Status {
    DRAFT,
    SEALED
}
