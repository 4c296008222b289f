package org.tanik.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryCopiesTest {

    @TempDir
    Path dir;

    static Content bytes(byte[] b) {
        return new Content() {
            @Override
            public long size() {
                return b.length;
            }

            @Override
            public InputStream open(long offset) {
                return new ByteArrayInputStream(b, (int) offset, b.length - (int) offset);
            }
        };
    }

    @Test
    void aCopyIsTheContentUnderItsOwnNameReadableByTheOwnerOnlyAndDeleteAllRemovesIt() throws Exception {
        Path folder = dir.resolve("open-copies");
        TemporaryCopies copies = new TemporaryCopies(folder);
        Path file = copies.copy(bytes("gözaltı kararı".getBytes(StandardCharsets.UTF_8)), "karar.pdf");

        assertThat(file).startsWith(folder).hasFileName("karar.pdf");
        assertThat(Files.readString(file)).isEqualTo("gözaltı kararı");
        assertThat(copies.copies()).containsExactly(file.getParent());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        }

        assertThat(copies.deleteAll()).isTrue();
        assertThat(folder).doesNotExist();
        assertThat(copies.copies()).isEmpty();
    }

    @Test
    void leftoversOfACrashAreDeletedByTheNextStart() throws Exception {
        Path folder = dir.resolve("open-copies");
        new TemporaryCopies(folder).copy(bytes(new byte[] {1, 2, 3}), "foto.jpg");
        // A new start knows nothing of the old copies, and still empties the folder.
        assertThat(new TemporaryCopies(folder).deleteAll()).isTrue();
        assertThat(folder).doesNotExist();
    }

    @Test
    void aNameNeverLeavesItsFolder() {
        assertThat(TemporaryCopies.safeName("../../.bashrc")).isEqualTo("bashrc");
        assertThat(TemporaryCopies.safeName("C:\\Users\\x\\rapor.docx")).isEqualTo("rapor.docx");
        assertThat(TemporaryCopies.safeName("a:b?.txt")).isEqualTo("a_b_.txt");
        assertThat(TemporaryCopies.safeName("")).isEqualTo("attachment");
        assertThat(TemporaryCopies.safeName("x".repeat(300) + ".pdf")).hasSize(120).endsWith(".pdf");
    }
}
