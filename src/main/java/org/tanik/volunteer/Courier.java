package org.tanik.volunteer;

import java.nio.file.Path;
import java.util.Optional;
import org.tanik.sync.Connection;
import org.tanik.sync.IntakeAddress;
import org.tanik.sync.Receipt;

/**
 * What sending needs of the organisation's intake, and no more: in the application the sync
 * client ({@code IntakeClient}) stands behind it, in tests a fake. Every failure is a
 * {@code TanikException} with a SYNC_* problem.
 */
public interface Courier extends AutoCloseable {

    /** Shows the intake this device's invitation, so it accepts the transport key (idempotent). */
    void register(byte[] invitationFile);

    /**
     * Uploads the file, or resumes the upload at {@code resumeFrom}; returns the receipt, already
     * verified with the intake key, that covers exactly this file.
     */
    Delivered upload(Path file, String sha256, Optional<String> resumeFrom, Upload upload);

    /** Wipes the transport key the courier was given. */
    @Override
    void close();

    /**
     * A receipt that verified, with its token as the intake gave it (kept in the vault as the proof).
     *
     * @param token the receipt's signed token; may be null when the client does not hand it out, in
     *              which case the verified receipt's own fields are kept
     */
    record Delivered(Receipt receipt, String token) {
    }

    /** How an upload reports: where it is kept (to resume after a restart), bytes sent, a cancel. */
    interface Upload {
        void created(String uploadPath);

        void moved(long done, long total);

        boolean cancelled();
    }

    /** Opens a courier for one run; it gets a copy of the transport key and wipes it on close. */
    @FunctionalInterface
    interface Factory {
        Courier open(IntakeAddress intake, Connection connection, byte[] transportKey);
    }
}
