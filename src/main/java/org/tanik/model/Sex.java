package org.tanik.model;

/** Sex of a victim as recorded by the interviewer. */
public enum Sex {
    UNKNOWN,
    FEMALE,
    MALE,
    OTHER
}
