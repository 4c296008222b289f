package org.tanik.store.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;
import org.tanik.i18n.Messages;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.store.Vaults;

/**
 * A key file cannot ask for more Argon2 memory than the installed app has heap: a changed key file
 * gets a translated "damaged" sentence, never an OutOfMemoryError.
 */
class KeyFileLimitsTest {

    static final char[] PASS = "key file limits test passphrase".toCharArray();

    @TempDir
    Path dir;

    @Test
    void aKeyFileAskingForTooMuchMemoryIsRefusedBeforeAnyDerivation() {
        Path vault = dir.resolve("v");
        new Vaults(Argon2Params.TESTING, Clock.systemUTC()).create(vault, PASS.clone()).close();
        KeyFile honest = KeyFile.read(vault);
        // 1 GiB: within the old limit of 2 GiB, beyond the launcher's heap. The checksum is made
        // anew, as whoever changed the file would.
        KeyFile tampered = honest.withParams(new Argon2Params(1024 * 1024, 1, 1));
        tampered.write(vault);
        Vaults vaults = new Vaults(Argon2Params.TESTING, Clock.systemUTC());
        assertThatThrownBy(() -> vaults.open(vault, PASS.clone()))
                .isInstanceOfSatisfying(TanikException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.KEY_FILE_DAMAGED);
                    assertThat(new Messages(Locale.ENGLISH).describe(e)).contains("key file is damaged");
                    assertThat(new Messages(Locale.forLanguageTag("tr")).describe(e)).isNotBlank();
                });
    }

    @Test
    void theLimitFitsTheInstalledLaunchersHeap() throws IOException {
        Matcher m = Pattern.compile("-Xmx(\\d+)m").matcher(Files.readString(Path.of("packaging/package.sh")));
        assertThat(m.find()).as("packaging/package.sh sets -Xmx").isTrue();
        long heapKiB = Long.parseLong(m.group(1)) * 1024;
        // Half the heap at most: the desktop app, the database and the Argon2 blocks' overhead need the rest.
        assertThat((long) Argon2Params.MAX_MEMORY_KIB).isLessThanOrEqualTo(heapKiB / 2);
        assertThat(Argon2Params.DEFAULT.withinLimits()).isTrue();
        assertThat(new Argon2Params(Argon2Params.MAX_MEMORY_KIB + 1, 1, 1).withinLimits()).isFalse();
    }

    @Test
    void newKeyFilesAskForThreePassesOf128MiB() {
        // Issue 19: measured on JDK 17 and 25 (Argon2Params' javadoc); 2 passes fell below 0.5 s warm.
        assertThat(Argon2Params.DEFAULT).isEqualTo(new Argon2Params(128 * 1024, 4, 1));
        assertThat(KeyFile.create("id", Argon2Params.DEFAULT).params().iterations()).isEqualTo(4);
    }
}
