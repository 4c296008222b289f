package org.tanik.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.testing.SampleTestimonies;

/** Keys, testimonies and bundles shared by the bundle tests; keys are made once per JVM. */
public final class Fixtures {
    public static final X25519Identity ORG = X25519Identity.generate();
    static final X25519Identity OTHER_ORG = X25519Identity.generate();
    public static final byte[] DEVICE = Ed25519.generatePrivateKey();
    static final byte[] OTHER_DEVICE = Ed25519.generatePrivateKey();
    public static final Instant CREATED = Instant.parse("2024-05-14T09:30:00Z");
    /** Small limits so hostile cases are cheap to build. */
    static final BundleLimits SMALL = new BundleLimits(4L << 20, 1L << 20, 200, 256 << 10);

    private Fixtures() {
    }

    /** {@code count} sealed testimonies with reproducible content and ids. */
    public static List<Testimony> testimonies(int count, long seed) {
        SampleTestimonies samples = new SampleTestimonies(seed);
        Random ids = new Random(seed);
        List<Testimony> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant created = CREATED.minusSeconds(86_400L * (count - i)).plusNanos(123_000L * i);
            out.add(new Testimony(new UUID(ids.nextLong(), ids.nextLong()).toString(), 1 + i % 3, Status.SEALED,
                    created, created.plusSeconds(60), created.plusSeconds(120), samples.next(i)));
        }
        return out;
    }

    static byte[] bundle(List<Testimony> testimonies) {
        return bundleOf(TestimonyRecords.toEntries(testimonies));
    }

    static byte[] bundleOf(List<BundleEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BundleWriter.write(out, List.of(ORG.recipient()), DEVICE, 1, null, CREATED, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static VerifiedBundle read(byte[] bundle) throws BundleException {
        return BundleReader.read(new ByteArrayInputStream(bundle), List.of(ORG), SMALL);
    }
}
