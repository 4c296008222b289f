package org.tanik.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.volunteer.OutboxTest.assertProblem;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.error.Problem;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;

/** The bundle sequence and the write of the bundle file: rules the CLI and the desktop share through Outbox. */
class OutboxSequenceTest {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));

    @Test
    void twoExportsAreNumberedNThenNPlusOneAsAnnounced() {
        Organisations orgs = new Organisations(dir, clock).createOrganisation("Org");
        try (VaultSession v = orgs.volunteer("vol")) {
            Outbox outbox = new Outbox(new OpenVault(v), clock);
            Organisations.sealed(v, "bir");
            assertThat(outbox.waiting().nextSequence()).isEqualTo(1);
            assertThat(outbox.export(dir.resolve("1.tanik")).sequence()).isEqualTo(1);

            Organisations.sealed(v, "iki");
            // What the export dialog announces is what the export then writes.
            assertThat(outbox.waiting().nextSequence()).isEqualTo(2);
            assertThat(outbox.export(dir.resolve("2.tanik")).sequence()).isEqualTo(2);
        }
    }

    @Test
    void aFullDiskGivesDiskFullLeavesNoFileAndTheNextExportTakesTheSameNumber() throws IOException {
        Organisations orgs = new Organisations(dir, clock).createOrganisation("Org");
        try (VaultSession v = orgs.volunteer("vol")) {
            Organisations.sealed(v, "bir");
            assertThat(new Outbox(new OpenVault(v), clock).export(dir.resolve("1.tanik")).sequence()).isEqualTo(1);
            Organisations.sealed(v, "iki");

            Path target = dir.resolve("out").resolve("2.tanik");
            Files.createDirectories(target.getParent());
            Outbox full = new Outbox(new OpenVault(v), clock).onDisk(DiskThatFills::new);
            assertProblem(() -> full.export(target), Problem.DISK_FULL);
            assertThat(target).doesNotExist();
            try (Stream<Path> left = Files.list(target.getParent())) {
                assertThat(left).as("no partial file beside the target").isEmpty();
            }
            assertThat(full.pending()).isEqualTo(1);

            Outbox.Exported retried = new Outbox(new OpenVault(v), clock).export(target);
            assertThat(retried.sequence()).as("neither skipped nor reused").isEqualTo(2);
            assertThat(retried.records()).isEqualTo(1);
        }
    }

    /** A disk with room for a few kilobytes: then the write fails as the operating system says it. */
    private static final class DiskThatFills extends FilterOutputStream {
        private int room = 4096;

        DiskThatFills(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > room) {
                out.write(b, off, room);
                room = 0;
                throw new IOException("No space left on device");
            }
            room -= len;
            out.write(b, off, len);
        }
    }
}
