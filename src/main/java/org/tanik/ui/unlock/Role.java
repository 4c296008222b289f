package org.tanik.ui.unlock;

/** What this laptop is for, as chosen on first run: it decides what the new vault becomes. */
public enum Role {
    /** Records testimonies: the vault opens the volunteer's window. */
    VOLUNTEER,
    /** Receives and reviews them: the new vault becomes the organisation's once it is named. */
    COORDINATOR
}
