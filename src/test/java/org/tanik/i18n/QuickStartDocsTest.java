package org.tanik.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The quick start in the Help menu and the one in src/site/markdown say the same: every sentence of
 * the bundle's quickStart.* keys is in the language's markdown page.
 */
class QuickStartDocsTest {

    @ParameterizedTest
    @CsvSource({"ui.properties, quickstart.md", "ui_tr.properties, quickstart_tr.md"})
    void theMarkdownPageHasEverySentenceOfTheInAppQuickStart(String bundle, String page) throws IOException {
        Properties texts = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/org/tanik/ui/i18n", bundle),
                StandardCharsets.UTF_8)) {
            texts.load(in);
        }
        String markdown = Files.readString(Path.of("src/site/markdown", page), StandardCharsets.UTF_8);
        List<String> keys = texts.stringPropertyNames().stream().filter(k -> k.startsWith("quickStart.")).sorted().toList();
        assertThat(keys).as("the quick start's sentences").hasSizeGreaterThan(12);
        for (String key : keys) {
            assertThat(markdown).as("%s in %s", key, page).contains(texts.getProperty(key));
        }
    }
}
