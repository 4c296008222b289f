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
 * translation is left empty. English, Turkish, Kurmanji and Arabic must all exist for each family, and
 * each translation keeps the English sentence's placeholders: the same MessageFormat arguments ({0},
 * {1}...), the same picocli %s/%n in the --help texts, and a mnemonic (_) where the English has one.
 * A translator who drops or renumbers a placeholder sees the key named here (translating.md).
 */
class ResourceBundleCompletenessTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final List<String> REQUIRED = List.of("", "_tr", "_ku", "_ar");
    private static final java.util.regex.Pattern ARGUMENT = java.util.regex.Pattern.compile("\\{(\\d+)");
    private static final java.util.regex.Pattern PRINTF = java.util.regex.Pattern.compile("%[a-z%]");

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
            Path english = Path.of(e.getKey() + ".properties");
            Properties en = load(english);
            boolean picocli = english.getFileName().toString().equals("cli_help.properties");
            boolean mnemonics = english.toString().contains("/ui/");
            List<String> wrong = new ArrayList<>();
            for (Path p : e.getValue()) {
                Properties tr = load(p);
                for (String k : en.stringPropertyNames()) {
                    String want = placeholders(en.getProperty(k), picocli, mnemonics);
                    String got = placeholders(tr.getProperty(k, ""), picocli, mnemonics);
                    if (!want.equals(got)) {
                        wrong.add(p.getFileName() + " " + k + ": " + got + " instead of " + want);
                    }
                }
            }
            assertThat(wrong).as("placeholders differing from English").isEmpty();
        }));
    }

    /**
     * What a translation must keep of a sentence: the MessageFormat arguments it uses (a set: a
     * language may name one twice, e.g. in a plural choice), else picocli's %s and %n in order, and
     * whether it has a mnemonic. A MessageFormat pattern that does not parse is reported as such.
     */
    static String placeholders(String value, boolean picocli, boolean mnemonics) {
        StringBuilder out = new StringBuilder();
        if (picocli) {
            java.util.regex.Matcher m = PRINTF.matcher(value);
            while (m.find()) {
                out.append(m.group()).append(' ');
            }
        } else {
            java.util.regex.Matcher m = ARGUMENT.matcher(value);
            Set<String> args = new TreeSet<>();
            while (m.find()) {
                args.add("{" + m.group(1) + "}");
            }
            out.append(args);
            if (value.contains("{")) {
                try {
                    new java.text.MessageFormat(value);
                } catch (IllegalArgumentException bad) {
                    out.append(" unparsable: ").append(bad.getMessage());
                }
            }
        }
        if (mnemonics && value.contains("_")) {
            out.append(" mnemonic");
        }
        return out.toString();
    }

    /**
     * A key written twice in one file: the later line silently wins, so a new feature's text can
     * replace an old screen's (the coordinator's "Export testimonies…" once renamed the volunteer's
     * "Export bundle…").
     */
    @Test
    void noFileDefinesAKeyTwice() throws IOException {
        List<String> twice = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                Properties seen = new Properties() {
                    @Override
                    public synchronized Object put(Object key, Object value) {
                        if (containsKey(key)) {
                            twice.add(p + ": " + key);
                        }
                        return super.put(key, value);
                    }
                };
                try (var in = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                    seen.load(in);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void placeholderCheckSeesADroppedArgumentAndMnemonic() {
        assertThat(placeholders("{0} of {1,number,integer}", false, true))
                .isNotEqualTo(placeholders("{0} sur", false, true));
        assertThat(placeholders("{0,choice,1#one|1<{0,number,integer} many}", false, false))
                .isEqualTo(placeholders("{0,choice,1#bir|2#iki|2<{0,number,integer} çok}", false, false));
        assertThat(placeholders("_Save", false, true)).isNotEqualTo(placeholders("Kaydet", false, true));
        assertThat(placeholders("Missing: choose one of %s", true, false))
                .isNotEqualTo(placeholders("Eksik", true, false));
        assertThat(placeholders("{0", false, false)).contains("unparsable");
    }

    @Test
    void everyVocabularyTermHasALabelInEveryLanguage() {
        org.tanik.model.Vocabulary v = org.tanik.model.Vocabulary.load();
        List<org.tanik.model.Term> terms = new ArrayList<>();
        terms.addAll(v.violationTypes());
        terms.addAll(v.institutions());
        terms.addAll(v.occupations());
        assertThat(terms).isNotEmpty();
        for (org.tanik.model.Term t : terms) {
            for (String lang : org.tanik.config.SettingsStore.LANGUAGES) {
                assertThat(t.labels().get(lang)).as("%s in %s", t.code(), lang).isNotBlank();
            }
        }
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
