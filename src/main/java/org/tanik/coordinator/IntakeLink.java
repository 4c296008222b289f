package org.tanik.coordinator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.tanik.sync.Connection;
import org.tanik.sync.IntakeAddress;

/**
 * What the coordinator's fetch needs of the intake, as the organisation: publish the allow-list,
 * list the bundles after a cursor, download one (resuming), acknowledge one. The real link is the
 * sync client ({@link ClientIntakeLink}); tests put a fake in its place, so the fetch's rules (ack
 * only after the import committed, the cursor, resuming) are tested without a server.
 */
public interface IntakeLink extends AutoCloseable {

    /**
     * A finished bundle held by the intake.
     *
     * @param device the base64url id of the transport key that uploaded it
     */
    record Stored(long cursor, String sha256, long size, Instant receivedAt, String device) {
    }

    /** Opens a link signing with the organisation's key (the link keeps a copy and wipes it on close). */
    @FunctionalInterface
    interface Opener {
        IntakeLink open(IntakeAddress intake, Connection connection, byte[] organisationSigningKey, Clock clock);
    }

    /** Sends the signed allow-list token. */
    void publish(String allowListToken);

    /** The finished bundles after {@code afterCursor}, in cursor order; empty when there are no more. */
    List<Stored> list(long afterCursor);

    /**
     * Downloads {@code bundle} into {@code partial}, appending from its current size, and checks its
     * SHA-256 at the end. {@code cancelled} is asked between chunks; a cancelled download keeps what arrived.
     */
    void download(Stored bundle, Path partial, BooleanSupplier cancelled);

    /** Tells the intake the organisation holds this bundle: it may delete it after its retention period. */
    void acknowledge(String sha256);

    @Override
    void close();
}
