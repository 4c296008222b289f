package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A copy a crash left for another program is deleted when Tanik starts again, before any unlock. */
class OpenCopiesLeftoverTest extends AppTestBase {

    Path leftover;

    @Override
    void prepare() {
        try {
            leftover = Files.writeString(Files.createDirectories(services.directories().openCopies().resolve("0a1b"))
                    .resolve("foto.txt"), "from before the crash");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void leftoversAreDeletedAtStart() {
        waitUntil(() -> !Files.exists(leftover));
        assertThat(services.directories().openCopies()).doesNotExist();
    }
}
