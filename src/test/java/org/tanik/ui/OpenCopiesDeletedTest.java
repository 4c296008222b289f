package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanik.files.Content;
import org.tanik.model.TestimonyContent;
import org.tanik.ui.shell.ShellProbe;
import org.testfx.api.FxRobot;

/**
 * The readable copies "Open with another program" leaves are deleted when the vault locks, when the
 * app closes, and (a crash's leftovers) when it starts again.
 */
class OpenCopiesDeletedTest extends AppTestBase {

    static final String MARKER = "Gözaltı kararı OPEN-COPY-MARKER";

    @Override
    void prepare() {
        vaultWith(new TestimonyContent("Bir", null, null, List.of(), "x"));
    }

    static Content text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
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

    Path copyWhileUnlocked(FxRobot robot) throws Exception {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        Path copy = ShellProbe.copies(root).copy(text(MARKER), "karar.txt");
        assertThat(Files.readString(copy)).isEqualTo(MARKER);
        assertThat(copy).startsWith(services.directories().openCopies());
        return copy;
    }

    @Test
    void lockingDeletesEveryCopy(FxRobot robot) throws Exception {
        Path copy = copyWhileUnlocked(robot);
        onFx(() -> {
            ShellProbe.lock(root);
            return null;
        });
        waitUntil(() -> ShellProbe.closed(root));
        assertThat(copy).doesNotExist();
        assertThat(services.directories().openCopies()).doesNotExist();
        assertThat(ShellProbe.copies(root).copies()).isEmpty();
    }

    @Test
    void closingTheAppDeletesEveryCopy(FxRobot robot) throws Exception {
        Path copy = copyWhileUnlocked(robot);
        onFx(() -> {
            ShellProbe.exit(root);
            return null;
        });
        waitUntil(() -> ShellProbe.closed(root));
        assertThat(copy).doesNotExist();
        assertThat(services.directories().openCopies()).doesNotExist();
    }
}
