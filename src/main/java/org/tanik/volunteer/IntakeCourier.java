package org.tanik.volunteer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.tanik.sync.Connection;
import org.tanik.sync.IntakeAddress;
import org.tanik.sync.client.IntakeClient;
import org.tanik.sync.client.Transfer;

/** The real intake behind {@link Courier}: the sync client, which verifies every receipt it returns. */
public final class IntakeCourier implements Courier {

    private final IntakeClient client;

    private IntakeCourier(IntakeClient client) {
        this.client = client;
    }

    /** The application's factory: a fresh client per run, holding its own copy of the transport key. */
    public static Factory factory(Clock clock) {
        return (intake, connection, key) -> open(intake, connection, key, clock);
    }

    static IntakeCourier open(IntakeAddress intake, Connection connection, byte[] transportKey, Clock clock) {
        return new IntakeCourier(new IntakeClient(intake, connection, transportKey, clock));
    }

    @Override
    public void register(byte[] invitationFile) {
        client.register(invitationFile);
    }

    @Override
    public Delivered upload(Path file, String sha256, Optional<String> resumeFrom, Upload upload) {
        // The client hands out the verified receipt, not its token: the receipt's fields are kept.
        return new Delivered(client.upload(file, sha256, resumeFrom, new Transfer() {
            @Override
            public void created(String uploadPath) {
                upload.created(uploadPath);
            }

            @Override
            public void moved(long done, long total) {
                upload.moved(done, total);
            }

            @Override
            public boolean cancelled() {
                return upload.cancelled();
            }
        }), null);
    }

    @Override
    public void close() {
        client.close();
    }
}
