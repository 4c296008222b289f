package org.tanik.ui.common;

/**
 * What the application flow needs of an unlocked main window, whichever it is (the volunteer's
 * testimonies or the coordinator's archive): save what is pending, then forget everything on lock.
 */
public interface MainWindow {

    /** Saves whatever is pending, then runs {@code then} (before locking, closing, rebuilding). */
    void flush(Runnable then);

    /** Removes every testimony and every other vault content from the controls. */
    void clear();
}
