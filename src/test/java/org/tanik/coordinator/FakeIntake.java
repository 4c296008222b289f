package org.tanik.coordinator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.Sha256;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.sync.Connection;
import org.tanik.sync.IntakeAddress;
import org.tanik.sync.Keys;

/**
 * An intake in memory, as the organisation sees it through {@link IntakeLink}: bundles stored with
 * the transport key that uploaded them, downloads that resume from the partial file's size, and a
 * record of every call, so tests can say in which order things happened. Not thread-safe: one fetch at a time.
 */
public final class FakeIntake implements IntakeLink.Opener {

    /** A transport key's id, as the intake lists it. */
    public static String transportKey() {
        return Keys.keyId(Ed25519.publicKey(Ed25519.generatePrivateKey()));
    }

    final Map<String, byte[]> blobs = new LinkedHashMap<>();
    final List<IntakeLink.Stored> stored = new ArrayList<>();
    final List<String> published = new ArrayList<>();
    final List<String> acknowledged = new ArrayList<>();
    /** Every download: the sha256 and the offset it started from. */
    final List<String> downloads = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    /** Runs before each acknowledgement (a test checks what the vault holds then). */
    Consumer<String> beforeAck = sha -> { };
    /** Downloads of these hashes fail as an unreachable intake would. */
    final List<String> unreachable = new ArrayList<>();
    byte[] organisationKeySeen;
    Connection connection;

    /** Stores a bundle file as uploaded by {@code transportKey}; returns its sha256. */
    public String upload(Path bundle, String transportKey) {
        try {
            byte[] bytes = Files.readAllBytes(bundle);
            String sha = Sha256.hex(bytes);
            blobs.put(sha, bytes);
            stored.add(new IntakeLink.Stored(stored.size() + 1, sha, bytes.length, Instant.parse("2026-11-01T09:00:00Z"),
                    transportKey));
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public IntakeLink open(IntakeAddress intake, Connection connection, byte[] organisationSigningKey, Clock clock) {
        this.organisationKeySeen = organisationSigningKey.clone();
        this.connection = connection;
        calls.add("open");
        return new IntakeLink() {
            @Override
            public void publish(String allowListToken) {
                calls.add("publish");
                published.add(allowListToken);
            }

            @Override
            public List<Stored> list(long afterCursor) {
                calls.add("list " + afterCursor);
                return stored.stream().filter(s -> s.cursor() > afterCursor).toList();
            }

            @Override
            public void download(Stored bundle, Path partial, BooleanSupplier cancelled) {
                try {
                    long have = Files.exists(partial) ? Files.size(partial) : 0;
                    downloads.add(bundle.sha256() + "@" + have);
                    calls.add("download " + bundle.cursor());
                    if (unreachable.contains(bundle.sha256())) {
                        throw new TanikException(Problem.SYNC_UNREACHABLE);
                    }
                    byte[] bytes = blobs.get(bundle.sha256());
                    try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.APPEND)) {
                        for (int at = (int) have; at < bytes.length; at += 1024) {
                            if (cancelled.getAsBoolean()) {
                                throw new TanikException(Problem.SYNC_CANCELLED);
                            }
                            out.write(bytes, at, Math.min(1024, bytes.length - at));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void acknowledge(String sha256) {
                beforeAck.accept(sha256);
                calls.add("ack " + sha256.substring(0, 8));
                acknowledged.add(sha256);
            }

            @Override
            public void close() {
                calls.add("close");
            }
        };
    }

    public List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }
}
