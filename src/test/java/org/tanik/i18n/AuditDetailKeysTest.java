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
import org.tanik.model.ReviewState;

/**
 * Every message key the code writes into an audit detail or an archive-check finding, written
 * literally or built from a literal prefix, has a sentence in the {@code audit} bundle, so no reader
 * ever sees a raw key. (The completeness test then asks for it in every language.)
 */
class AuditDetailKeysTest {

    /** A quoted key of the audit bundle's families, wherever the code names one. */
    static final Pattern KEY = Pattern.compile("\"((?:audit\\.detail|archive\\.reason|archive)\\.[A-Za-z.]+|review\\.state\\.)\"");

    @Test
    void everyKeyTheCodeWritesHasASentence() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/tanik"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("/ui/")).toList()) {
                Matcher m = KEY.matcher(Files.readString(p));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        // A prefix stands for the enum it is completed with.
        assertThat(keys.remove("review.state.")).isTrue();
        for (ReviewState s : ReviewState.values()) {
            keys.add("review.state." + s.name());
        }
        assertThat(keys).contains("audit.detail.import", "audit.detail.approve", "audit.detail.revoke",
                "audit.detail.review", "audit.detail.identityExport", "archive.reason.badSignature", "archive.intact",
                "archive.failure", "archive.older", "archive.empty");
        Properties audit = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/org/tanik/i18n/audit.properties"),
                StandardCharsets.UTF_8)) {
            audit.load(in);
        }
        assertThat(keys).allSatisfy(k -> assertThat(audit.getProperty(k)).as(k).isNotBlank());
    }
}
