package org.tanik.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The intake's systemd unit keeps the hardening the issue and intake.md promise: a seized or
 * compromised intake process can write its own state folder and nothing else.
 */
class IntakeServiceUnitTest {

    private static final Path UNIT = Path.of("packaging", "intake", "tanik-intake.service");

    @Test
    void theUnitRunsTheIntakeUnprivilegedWithOnlyItsStateWritable() throws Exception {
        List<String> lines = Files.readAllLines(UNIT).stream().map(String::strip)
                .filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();
        assertThat(lines).contains("DynamicUser=yes", "ProtectSystem=strict", "NoNewPrivileges=yes",
                "ProtectHome=yes", "PrivateTmp=yes", "CapabilityBoundingSet=", "StateDirectory=tanik-intake",
                "KillSignal=SIGTERM", "UMask=0077");
        assertThat(lines).filteredOn(l -> l.startsWith("ExecStart="))
                .singleElement().asString().contains("intake serve --data");
        assertThat(lines).noneMatch(l -> l.startsWith("User=") || l.startsWith("ReadWritePaths="));
    }
}
