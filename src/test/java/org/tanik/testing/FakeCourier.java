package org.tanik.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.tanik.crypto.Sha256;
import org.tanik.error.TanikException;
import org.tanik.sync.Receipt;
import org.tanik.volunteer.Courier;

/**
 * An intake that answers as told, recording what it was asked: one scripted outcome per upload
 * (deliver, fail, or fail after the upload was created), and an optional gate that holds an upload
 * until the test opens it.
 */
public final class FakeCourier implements Courier.Factory {

    /** One upload as the fake saw it. */
    public record Call(Path file, String sha256, Optional<String> resumeFrom, boolean fileExisted) {
    }

    private final Deque<Object> outcomes = new ArrayDeque<>();
    public final List<Call> uploads = Collections.synchronizedList(new ArrayList<>());
    public volatile int opened;
    public volatile int registered;
    public volatile boolean keyWiped = true;
    private volatile CountDownLatch gate;
    public final CountDownLatch uploading = new CountDownLatch(1);
    public volatile Instant receivedAt = Instant.parse("2026-11-02T10:00:00Z");

    /** The next upload delivers (the default when nothing is scripted). */
    public FakeCourier deliver() {
        outcomes.add("deliver");
        return this;
    }

    public FakeCourier fail(TanikException why) {
        outcomes.add(why);
        return this;
    }

    /** The next upload is created at {@code path} on the intake, then fails with {@code why}. */
    public FakeCourier failAfterCreated(String path, TanikException why) {
        outcomes.add(new Object[] {path, why});
        return this;
    }

    /** Holds the next uploads until {@link #open()}; {@link #uploading} counts down when one waits. */
    public FakeCourier hold() {
        gate = new CountDownLatch(1);
        return this;
    }

    public void open() {
        gate.countDown();
    }

    @Override
    public Courier open(org.tanik.sync.IntakeAddress intake, org.tanik.sync.Connection connection, byte[] transportKey) {
        opened++;
        byte[] key = transportKey.clone();
        keyWiped = false;
        return new Courier() {
            @Override
            public void register(byte[] invitationFile) {
                registered++;
            }

            @Override
            public Delivered upload(Path file, String sha256, Optional<String> resumeFrom, Courier.Upload upload) {
                uploads.add(new Call(file, sha256, resumeFrom, Files.exists(file)));
                long size;
                String actual;
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    size = bytes.length;
                    actual = Sha256.hex(bytes);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                Object outcome;
                synchronized (outcomes) {
                    outcome = outcomes.isEmpty() ? "deliver" : outcomes.poll();
                }
                if (resumeFrom.isEmpty()) {
                    upload.created("/files/" + sha256.substring(0, 8));
                }
                upload.moved(size / 2, size);
                CountDownLatch g = gate;
                if (g != null) {
                    uploading.countDown();
                    try {
                        if (!g.await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the test never opened the gate");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (outcome instanceof TanikException t) {
                    throw t;
                }
                if (outcome instanceof Object[] created) {
                    upload.created((String) created[0]);
                    throw (TanikException) created[1];
                }
                upload.moved(size, size);
                return new Delivered(new Receipt(actual, size, receivedAt), "token-" + actual.substring(0, 8));
            }

            @Override
            public void close() {
                java.util.Arrays.fill(key, (byte) 0);
                keyWiped = true;
            }
        };
    }
}
