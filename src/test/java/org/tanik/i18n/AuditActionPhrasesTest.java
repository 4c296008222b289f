package org.tanik.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every action the code appends to the audit log has a phrase in every language of the UI, so the
 * coordinator's audit log view never shows a raw action name.
 */
class AuditActionPhrasesTest {

    /** {@code audit().append("import", ...)} and the importer's {@code audit("import.rejected", ...)}. */
    static final Pattern APPEND = Pattern.compile("audit(?:\\(\\)\\s*\\.\\s*append)?\\(\\s*\"([a-z][a-z.]*)\"");

    @Test
    void everyAppendedActionHasAPhrase() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = APPEND.matcher(Files.readString(p));
                while (m.find()) {
                    actions.add(m.group(1));
                }
            }
        }
        assertThat(actions).contains("import", "import.rejected", "import.quarantined", "device.approve",
                "device.revoke", "review");
        for (String file : new String[] {"ui.properties", "ui_tr.properties"}) {
            Properties ui = new Properties();
            try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/org/tanik/ui/i18n", file),
                    StandardCharsets.UTF_8)) {
                ui.load(in);
            }
            for (String action : actions) {
                assertThat(ui.getProperty("audit.action." + action)).as("%s in %s", action, file).isNotBlank();
            }
        }
    }
}
