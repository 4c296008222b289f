package org.tanik.model;

/** How much of a date the source could tell. */
public enum DatePrecision {
    EXACT,
    MONTH,
    YEAR,
    UNKNOWN
}
