package org.tanik.session;

/** Whether a vault has a duress passphrase, and what opening its decoy does to the real vault. */
public enum DuressState {
    /** No duress passphrase (also what a decoy says of itself). */
    NONE,
    /** The duress passphrase opens the decoy and leaves the real vault as it is. */
    KEEP_REAL,
    /** The duress passphrase opens the decoy and silently erases the real vault. */
    ERASE_REAL
}
