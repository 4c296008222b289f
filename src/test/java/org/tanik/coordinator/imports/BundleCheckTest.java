package org.tanik.coordinator.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.bundle.BundleLimits;
import org.tanik.crypto.Sha256;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.enrolment.Organisation;
import org.tanik.model.Vocabulary;
import org.tanik.store.VaultSession;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;

/** Reading and verifying one file, deciding nothing: which of the four outcomes each kind of file gets. */
class BundleCheckTest {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
    Organisations orgs;
    Path bundle;

    @BeforeEach
    void bundle() {
        orgs = new Organisations(dir, clock).createOrganisation("Org");
        VaultSession v = orgs.volunteer("v");
        Organisations.sealed(v, "one");
        bundle = orgs.export(v, "b1.tanik");
        v.close();
    }

    @Test
    void aGoodFileIsVerifiedWithItsHashAndItsPayloadStagedUntilClosed() throws Exception {
        try (VaultSession org = orgs.openOrg()) {
            Checked c = check(org, BundleLimits.DEFAULT, List.of()).file(bundle, known(org));
            assertThat(c).isInstanceOf(Checked.Verified.class);
            Checked.Verified v = (Checked.Verified) c;
            assertThat(v.name()).isEqualTo("b1.tanik");
            assertThat(v.sha()).isEqualTo(Sha256.hex(Files.readAllBytes(bundle)));
            assertThat(v.incoming()).hasSize(v.bundle().testimonies().size()).isNotEmpty();
            assertThat(v.documents()).as("no index, no documents").isEmpty();
            assertThat(staged(org)).hasSize(1);
            byte[] key = v.payloadKey();
            assertThat(key).isNotEqualTo(new byte[key.length]);
            c.close();
            assertThat(staged(org)).isEmpty();
            assertThat(key).as("the payload key is wiped").isEqualTo(new byte[key.length]);
        }
    }

    @Test
    void aFileTooLargeToBeABundleOrMissingIsNotRead() throws Exception {
        // Larger than the biggest payload the limits allow plus the room for its envelope (1 MiB).
        Path huge = Files.write(dir.resolve("huge.tanik"), new byte[(1 << 20) + 2]);
        try (VaultSession org = orgs.openOrg()) {
            BundleLimits tiny = new BundleLimits(1, 1, 1, 1);
            Checked large = check(org, tiny, List.of()).file(huge, known(org));
            assertThat(large).isEqualTo(new Checked.Unread("huge.tanik", ImportNote.of("import.reason.tooLarge")));
            Checked small = check(org, tiny, List.of()).file(bundle, known(org));
            assertThat(small).as("within the envelope: read, and refused by the reader").isInstanceOf(Checked.Unverified.class);
            Checked missing = check(org, BundleLimits.DEFAULT, List.of()).file(dir.resolve("gone.tanik"), known(org));
            assertThat(missing).isEqualTo(new Checked.Unread("gone.tanik", ImportNote.of("import.reason.unreadable")));
        }
    }

    @Test
    void aDamagedFileIsUnverifiedWithTheReaderReasonAndTheHashOfWhatArrived() throws Exception {
        byte[] bytes = Files.readAllBytes(bundle);
        bytes[bytes.length - 40] ^= 1;
        Path damaged = Files.write(dir.resolve("damaged.tanik"), bytes);
        try (VaultSession org = orgs.openOrg()) {
            Checked c = check(org, BundleLimits.DEFAULT, List.of()).file(damaged, known(org));
            assertThat(c).isInstanceOf(Checked.Unverified.class);
            Checked.Unverified u = (Checked.Unverified) c;
            assertThat(u.reason()).isNotNull();
            assertThat(u.sha()).isEqualTo(Sha256.hex(bytes));
            assertThat(staged(org)).as("nothing left staged").isEmpty();
        }
    }

    @Test
    void anAuthenticBundleNotAddressedToExactlyTheOrganisationIsUnacceptable() throws Exception {
        String another = X25519Identity.generate().recipient().encode();
        try (VaultSession org = orgs.openOrg()) {
            Checked c = check(org, BundleLimits.DEFAULT, List.of(another)).file(bundle, known(org));
            assertThat(c).isInstanceOf(Checked.Unacceptable.class);
            Checked.Unacceptable u = (Checked.Unacceptable) c;
            assertThat(u.reason().key()).isEqualTo("import.reason.missingRecipients");
            assertThat(u.bundle().deviceId()).isNotBlank();
            assertThat(staged(org)).as("an unacceptable bundle keeps nothing staged").isEmpty();
        }
    }

    /** A check whose organisation has, besides its own, the recipients {@code extra}. */
    private static BundleCheck check(VaultSession org, BundleLimits limits, List<String> extra) {
        X25519Identity identity = Organisation.require(org).identity();
        List<String> recipients = Stream.concat(Stream.of(identity.recipient().encode()), extra.stream()).toList();
        return new BundleCheck(org.coordinator().archive().payloads(), identity,
                new BundleAcceptance(new RecordValidator(Vocabulary.load()), recipients), null, limits,
                QuarantineLimits.DEFAULT);
    }

    private static KnownDevices known(VaultSession org) {
        return KnownDevices.of(org.coordinator().devices().list());
    }

    private List<Path> staged(VaultSession org) throws Exception {
        Path archive = orgs.orgData().resolve("archive");
        if (!Files.isDirectory(archive)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(archive)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".staged")).toList();
        }
    }
}
