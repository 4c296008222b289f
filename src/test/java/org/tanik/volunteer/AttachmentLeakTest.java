package org.tanik.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.model.Attachment;
import org.tanik.model.TestimonyContent;
import org.tanik.session.OpenVault;
import org.tanik.testing.LeakScanner;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;
import org.tanik.work.Progress;

/**
 * Marker strings in an attachment's content and caption never reach the disk in plaintext: not in the
 * vault folder (blobs, database), not in the temp directory, while adding, reading and captioning.
 */
class AttachmentLeakTest {

    static final String IN_CONTENT = "MARKERattachmentİçerikşğ4471";
    static final String IN_CAPTION = "MARKERcaptionAçıklamaÜ8832";

    @TempDir
    Path dir;

    @Test
    void neitherContentNorCaptionIsWrittenInPlaintext() throws IOException {
        // The person's own file, written before the watch, deleted before the scan: it is theirs, not Tanik's.
        Path input = Files.createDirectories(dir.resolve("input")).resolve("tutanak.txt");
        StringBuilder text = new StringBuilder();
        while (text.length() < 300_000) { // markers on chunk boundaries too
            text.append("satır ").append(text.length()).append(' ').append(IN_CONTENT).append('\n');
        }
        Files.writeString(input, text, StandardCharsets.UTF_8);
        LeakScanner scanner = LeakScanner.watch(List.of(IN_CONTENT, IN_CAPTION));
        Path vaultDir = dir.resolve("v");
        try (OpenVault vault = new OpenVault(new Organisations(dir, new MutableClock(Instant.parse("2026-11-01T08:00:00Z")))
                .vaults().create(vaultDir, Organisations.PASS))) {
            Attachments attachments = new Attachments(vault);
            String id = new Drafts(vault).create(TestimonyContent.empty()).id();
            Attachment a = attachments.add(id, input, IN_CAPTION, false, Progress.none());
            attachments.caption(id, a.id(), IN_CAPTION + " 2");
            try (InputStream in = attachments.content(id, a.id()).open(0)) {
                // Read back through the program: the markers did reach the vault.
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains(IN_CONTENT);
            }
            assertThat(attachments.list(id).get(0).caption()).contains(IN_CAPTION);
        }
        Files.delete(input);
        int[] scanned = {0};
        List<String> hits = scanner.findIn(List.of(vaultDir), scanned);
        assertThat(scanned[0]).as("files scanned").isGreaterThanOrEqualTo(3);
        assertThat(hits).isEmpty();
    }
}
