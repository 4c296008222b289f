package org.tanik.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.volunteer.OutboxTest.assertProblem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Sha256;
import org.tanik.error.Problem;
import org.tanik.files.Content;
import org.tanik.model.Attachment;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.session.OpenVault;
import org.tanik.testing.Consents;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;
import org.tanik.volunteer.metadata.TestJpegs;
import org.tanik.work.Progress;

/** Attaching files to a testimony: encrypted as read, hashed in the same pass, read back, captioned, removed, exported. */
class AttachmentsTest {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));

    @Test
    void addsListsReadsCaptionsAndRemoves() throws IOException {
        byte[] data = random(200_000, 1);
        Path file = Files.write(dir.resolve("karar.pdf"), data);
        try (OpenVault vault = vault()) {
            Drafts drafts = new Drafts(vault);
            Attachments attachments = new Attachments(vault);
            String id = drafts.create(TestimonyContent.empty().withTitle("ek")).id();
            List<Integer> steps = new ArrayList<>();
            Attachment a = attachments.add(id.substring(0, 8), file, "İhraç kararı", false,
                    Progress.of((done, total, step) -> steps.add(done), () -> false));

            assertThat(a.sha256()).isEqualTo(Sha256.hex(data));
            assertThat(a.size()).isEqualTo(data.length);
            assertThat(a.fileName()).isEqualTo("karar.pdf");
            assertThat(a.mediaType()).isEqualTo("application/pdf");
            assertThat(steps).isSorted().endsWith(1000);
            assertThat(attachments.list(id)).containsExactly(a);
            assertThat(drafts.latest(id).content().attachments()).containsExactly(a); // saved into the draft

            Content c = attachments.content(id, a.id().substring(0, 6));
            assertThat(c.size()).isEqualTo(data.length);
            try (InputStream in = c.open(123_456)) {
                assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(data, 123_456, data.length));
            }

            Testimony captioned = attachments.caption(id, a.id(), "Karar, 2. sayfa");
            assertThat(captioned.content().attachments().get(0).caption()).isEqualTo("Karar, 2. sayfa");

            Path blob = org.tanik.store.TestCompartments.of(dir.resolve("v"), Organisations.PASS).resolve("attachments").resolve(a.id() + ".blob");
            assertThat(blob).exists();
            assertThat(attachments.remove(id, a.id()).content().attachments()).isEmpty();
            assertThat(blob).doesNotExist();
            assertProblem(() -> attachments.content(id, a.id()), Problem.ATTACHMENT_NOT_FOUND);
        }
    }

    @Test
    void aSealedVersionKeepsItsAttachmentsBlobWhenALaterDraftRemovesIt() throws IOException {
        Path file = Files.write(dir.resolve("foto.jpg"), random(1000, 2));
        try (OpenVault vault = vault()) {
            Drafts drafts = new Drafts(vault);
            Attachments attachments = new Attachments(vault);
            String id = drafts.create(TestimonyContent.empty().withConsent(Consents.ORAL)).id();
            Attachment a = attachments.add(id, file, "", false, Progress.none());
            drafts.seal(id);
            assertProblem(() -> attachments.add(id, file, "", false, Progress.none()), Problem.TESTIMONY_SEALED);
            drafts.amend(id);
            attachments.remove(id, a.id());
            // Version 1 may still travel: its file stays readable.
            assertThat(attachments.content(id, a.id()).size()).isEqualTo(1000);
        }
    }

    @Test
    void cancellingDeletesThePartialBlobAndKeepsNothing() throws IOException {
        Path file = Files.write(dir.resolve("ses.wav"), random(5_000_000, 3));
        try (OpenVault vault = vault()) {
            Attachments attachments = new Attachments(vault);
            String id = new Drafts(vault).create(TestimonyContent.empty()).id();
            int[] calls = {0};
            Progress<Void> cancelAfterTwo = Progress.of((d, t, s) -> calls[0]++, () -> calls[0] >= 2);
            assertProblem(() -> attachments.add(id, file, "", false, cancelAfterTwo), Problem.ATTACHMENT_CANCELLED);
            assertThat(attachments.list(id)).isEmpty();
            try (var left = Files.list(org.tanik.store.TestCompartments.of(dir.resolve("v"), Organisations.PASS).resolve("attachments"))) {
                assertThat(left.toList()).isEmpty();
            }
        }
    }

    @Test
    void exportWritesAReadableCopyOnlyWhereNothingIs() throws IOException {
        byte[] data = random(70_000, 4);
        Path file = Files.write(dir.resolve("rapor.txt"), data);
        try (OpenVault vault = vault()) {
            Attachments attachments = new Attachments(vault);
            String id = new Drafts(vault).create(TestimonyContent.empty()).id();
            Attachment a = attachments.add(id, file, "", false, Progress.none());
            Attachments.Found found = attachments.find(a.id().substring(0, 8));
            assertThat(found.testimonyId()).isEqualTo(id);
            Path out = dir.resolve("out").resolve("copy.txt");
            Files.createDirectories(out.getParent());
            attachments.exportTo(found.testimonyId(), a.id(), out);
            assertThat(Files.readAllBytes(out)).isEqualTo(data);
            assertProblem(() -> attachments.exportTo(id, a.id(), out), Problem.FILE_EXISTS);
            assertProblem(() -> attachments.find("ffffffff"), Problem.ATTACHMENT_NOT_FOUND);
        }
    }

    @Test
    void aDamagedBlobIsSaidSoAndAMissingFileToo() throws IOException {
        Path file = Files.write(dir.resolve("belge.pdf"), random(5000, 5));
        try (OpenVault vault = vault()) {
            Attachments attachments = new Attachments(vault);
            String id = new Drafts(vault).create(TestimonyContent.empty()).id();
            Attachment a = attachments.add(id, file, "", false, Progress.none());
            Path blob = org.tanik.store.TestCompartments.of(dir.resolve("v"), Organisations.PASS).resolve("attachments").resolve(a.id() + ".blob");
            byte[] b = Files.readAllBytes(blob);
            b[b.length - 1] ^= 1;
            Files.write(blob, b);
            assertProblem(() -> attachments.content(id, a.id()), Problem.ATTACHMENT_DAMAGED);
            assertProblem(() -> attachments.add(id, dir.resolve("yok.pdf"), "", false, Progress.none()),
                    Problem.ATTACHMENT_UNREADABLE);
            assertProblem(() -> attachments.add(id, dir, "", false, Progress.none()), Problem.ATTACHMENT_UNREADABLE);
        }
    }

    @Test
    void aPhotosMetadataIsReportedAndStrippedWhenAsked() throws IOException {
        Path photo = Files.write(dir.resolve("IMG_0001.JPG"), TestJpegs.withMetadata());
        try (OpenVault vault = vault()) {
            Attachments attachments = new Attachments(vault);
            String id = new Drafts(vault).create(TestimonyContent.empty()).id();
            MetadataReport report = attachments.inspect(photo);
            assertThat(report.findings()).extracting(MetadataReport.Finding::kind)
                    .contains(MetadataReport.Kind.GPS_POSITION, MetadataReport.Kind.CAMERA);
            Attachment kept = attachments.add(id, photo, "", false, Progress.none());
            Attachment stripped = attachments.add(id, photo, "", true, Progress.none());
            byte[] plain = TestJpegs.plain();
            assertThat(kept.sha256()).isEqualTo(Sha256.hex(TestJpegs.withMetadata()));
            assertThat(kept.mediaType()).isEqualTo("image/jpeg");
            assertThat(stripped.sha256()).isEqualTo(Sha256.hex(plain));
            assertThat(stripped.size()).isEqualTo(plain.length);
            try (InputStream in = attachments.content(id, stripped.id()).open(0)) {
                assertThat(in.readAllBytes()).isEqualTo(plain);
            }
        }
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private OpenVault vault() {
        return new OpenVault(new Organisations(dir, clock).vaults().create(dir.resolve("v"), Organisations.PASS));
    }
}
