package org.tanik.sync.client;

/**
 * What a caller hears of one upload or download, and how it stops one. Called on the thread that
 * runs the transfer; keep the work small (hand progress to the UI thread yourself).
 */
public interface Transfer {

    /** The intake made an upload for the bundle: remember the path to resume after a restart. */
    default void created(String uploadPath) {
    }

    /** Bytes the intake holds (upload) or the partial file holds (download), of {@code total}. */
    default void moved(long done, long total) {
    }

    /** Asked between chunks; true stops the transfer with SYNC_CANCELLED, keeping what was moved. */
    default boolean cancelled() {
        return false;
    }

    /** No progress wanted, never cancelled. */
    Transfer NONE = new Transfer() {
    };
}
