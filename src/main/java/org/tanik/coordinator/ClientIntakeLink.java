package org.tanik.coordinator;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.tanik.sync.Connection;
import org.tanik.sync.IntakeAddress;
import org.tanik.sync.client.IntakeClient;
import org.tanik.sync.client.Transfer;

/** The real {@link IntakeLink}: the sync client, signing as the organisation. */
final class ClientIntakeLink implements IntakeLink {

    private final IntakeClient client;

    private ClientIntakeLink(IntakeClient client) {
        this.client = client;
    }

    static IntakeLink open(IntakeAddress intake, Connection connection, byte[] organisationSigningKey, Clock clock) {
        return new ClientIntakeLink(new IntakeClient(intake, connection, organisationSigningKey, clock));
    }

    @Override
    public void publish(String allowListToken) {
        client.publish(allowListToken);
    }

    @Override
    public List<IntakeLink.Stored> list(long afterCursor) {
        return client.list(afterCursor).stream()
                .map(s -> new IntakeLink.Stored(s.cursor(), s.sha256(), s.size(), s.receivedAt(), s.device())).toList();
    }

    @Override
    public void download(IntakeLink.Stored bundle, Path partial, BooleanSupplier cancelled) {
        client.download(new org.tanik.sync.client.Stored(bundle.cursor(), bundle.sha256(), bundle.size(), bundle.receivedAt(), bundle.device()),
                partial, new Transfer() {
                    @Override
                    public boolean cancelled() {
                        return cancelled.getAsBoolean();
                    }
                });
    }

    @Override
    public void acknowledge(String sha256) {
        client.acknowledge(sha256);
    }

    @Override
    public void close() {
        client.close();
    }
}
