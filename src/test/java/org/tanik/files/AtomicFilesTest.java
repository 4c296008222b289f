package org.tanik.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

/** The one mapping of a failed write: what every file the program writes reports to the person. */
class AtomicFilesTest {

    @Test
    void aFullDiskIsSaidSoAndNamesTheFile() {
        TanikException e = AtomicFiles.failure(new FileSystemException("/x/settings.json", null,
                "No space left on device"), "settings.json");
        assertThat(e.problem()).isEqualTo(Problem.DISK_FULL);
        assertThat(e.args()).containsExactly("settings.json");
    }

    @Test
    void anotherFailureIsAnIoFailureNamingTheFile() {
        TanikException e = AtomicFiles.failure(new IOException("Permission denied"), "tanik.key");
        assertThat(e.problem()).isEqualTo(Problem.IO_FAILURE);
        assertThat(e.args()).containsExactly("tanik.key");
    }
}
