package org.tanik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.testing.CliRunner;

/** Issue 19: {@code tanik --version} names the Java runtime it runs on (the installers carry their own). */
class VersionCliTest {

    @TempDir
    Path home;

    @Test
    void versionPrintsTheAppThenTheRuntimeItRunsOn() {
        CliRunner.Result r = new CliRunner(home).run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().toList()).containsExactly("tanik dev",
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
    }
}
