package org.tanik;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.config.AppDirectories;
import org.tanik.crypto.Argon2Params;

/** What building the services sets up beyond the services themselves. */
class AppServicesTest {

    @TempDir
    Path home;

    @Test
    void pdfBoxKeepsItsFontCacheInTaniksFolderNotTheUsersHome() {
        AppServices.create(new AppDirectories(home), Argon2Params.DEFAULT);
        assertThat(System.getProperty("pdfbox.fontcache")).isEqualTo(home.toAbsolutePath().toString());
    }
}
