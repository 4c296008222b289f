package org.tanik.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tanik.i18n.Messages;
import org.tanik.error.Problem;

/**
 * Every resource bundle family under src/main/resources has every key in every language, and no
 * translation is left empty. English and Turkish must both exist for each family.
 */
class ResourceBundleCompletenessTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final List<String> REQUIRED = List.of("", "_tr");

    @TestFactory
    Stream<DynamicTest> everyBundleHasEveryKey() throws IOException {
        Map<String, List<Path>> families = new TreeMap<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            files.filter(p -> p.toString().endsWith(".properties")).forEach(p -> {
                String name = p.getFileName().toString().replace(".properties", "");
                String base = name.replaceFirst("_[a-z]{2}(_[A-Z]{2})?$", "");
                families.computeIfAbsent(p.getParent().resolve(base).toString(), k -> new ArrayList<>()).add(p);
            });
        }
        assertThat(families).isNotEmpty();
        return families.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Map<Path, Set<String>> keys = new TreeMap<>();
            for (Path p : e.getValue()) {
                Properties props = load(p);
                keys.put(p, new TreeSet<>(props.stringPropertyNames()));
                assertThat(props.stringPropertyNames().stream().filter(k -> props.getProperty(k).isBlank()).toList())
                        .as("empty values in %s", p).isEmpty();
            }
            Set<String> all = keys.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
            for (Map.Entry<Path, Set<String>> k : keys.entrySet()) {
                Set<String> missing = new TreeSet<>(all);
                missing.removeAll(k.getValue());
                assertThat(missing).as("keys missing in %s", k.getKey()).isEmpty();
            }
            for (String suffix : REQUIRED) {
                assertThat(Path.of(e.getKey() + suffix + ".properties")).as("language file").exists();
            }
        }));
    }

    @Test
    void everyProblemHasASentence() throws IOException {
        Properties en = load(RESOURCES.resolve("org/tanik/i18n/errors.properties"));
        for (Problem p : Problem.values()) {
            assertThat(en.getProperty(p.key())).as(p.key()).isNotBlank();
        }
        assertThat(new Messages(java.util.Locale.forLanguageTag("tr")).describe(
                new org.tanik.error.TanikException(Problem.WRONG_PASSPHRASE))).isEqualTo("Parola doğru değil.");
    }

    private static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(p)) {
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return props;
    }
}
