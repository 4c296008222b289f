package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.model.DatePrecision;
import org.tanik.model.Sex;
import org.tanik.model.Status;

/** Every UI string exists in English and Turkish, and every key the code or FXML uses exists. */
class BundleTest {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundleTest.class.getResourceAsStream("/org/tanik/ui/i18n/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyLanguageHasTheSameKeys() throws IOException {
        for (String lang : org.tanik.config.SettingsStore.LANGUAGES) {
            String file = lang.equals("en") ? "ui.properties" : "ui_" + lang + ".properties";
            assertThat(new TreeSet<>(load(file).stringPropertyNames())).as(file)
                    .isEqualTo(new TreeSet<>(load("ui.properties").stringPropertyNames()));
        }
    }

    /**
     * Texts that read the same in every language: the name Tanik, "Tanik {0}", the language names
     * (each in its own language), SHA-256, "#", a player's "{0} / {1}" and a viewer's "{0} — Tanik".
     */
    static final java.util.Set<String> SAME_ON_PURPOSE = java.util.Set.of("about.header", "app.title",
            "audit.column.seq", "export.sha256", "language.ar", "language.en", "language.ku", "language.tr",
            "player.time", "viewer.title");

    static java.util.List<String> sameAsEnglish(Properties en, Properties other) {
        return en.stringPropertyNames().stream().filter(k -> en.getProperty(k).equals(other.getProperty(k))).toList();
    }

    @Test
    void kurmanjiAndArabicAreReallyTranslated() throws IOException {
        Properties en = load("ui.properties");
        for (String lang : java.util.List.of("ku", "ar")) {
            Properties t = load("ui_" + lang + ".properties");
            assertThat(sameAsEnglish(en, t)).as(lang).isSubsetOf(SAME_ON_PURPOSE);
        }
        assertThat(String.join("", load("ui_ku.properties").values().stream().map(Object::toString).toList()))
                .contains("ê", "î", "û", "ç", "ş", "x");
        assertThat(String.join("", load("ui_ar.properties").values().stream().map(Object::toString).toList()))
                .contains("الشهادة", "البصمة");
    }

    @Test
    void turkishIsReallyTranslated() throws IOException {
        Properties en = load("ui.properties");
        Properties tr = load("ui_tr.properties");
        assertThat(sameAsEnglish(en, tr)).isSubsetOf(SAME_ON_PURPOSE);
        assertThat(String.join("", tr.stringPropertyNames().stream().map(tr::getProperty).toList()))
                .contains("ş", "ğ", "ı", "İ", "ç", "ö", "ü");
    }

    @Test
    void everyKeyUsedExists() throws IOException {
        Set<String> used = new HashSet<>();
        Pattern fxml = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");
        Pattern java = Pattern.compile("(?:get|format|label|button|EditableList<>\\(context),?\\s*\"([a-z][A-Za-z0-9]*\\.[A-Za-z0-9_.]+)\"");
        Pattern javaArgs = Pattern.compile("\"([a-z][A-Za-z]*\\.(?:add|remove)[A-Za-z]*)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/org/tanik/ui"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".fxml")).toList()) {
                Matcher m = fxml.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/tanik/ui"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                for (Pattern p : new Pattern[] {java, javaArgs}) {
                    Matcher m = p.matcher(src);
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        for (Status s : Status.values()) {
            used.add("status." + s.name());
        }
        for (Sex s : Sex.values()) {
            used.add("sex." + s.name());
        }
        for (DatePrecision p : DatePrecision.values()) {
            used.add("precision." + p.name());
        }
        for (org.tanik.model.ReviewState s : org.tanik.model.ReviewState.values()) {
            used.add("review.state." + s.name());
        }
        for (org.tanik.model.DeviceState s : org.tanik.model.DeviceState.values()) {
            used.add("device.state." + s.name());
        }
        for (ImportResult.Verdict v : ImportResult.Verdict.values()) {
            used.add("verdict." + v.name());
        }
        for (int i = 0; i <= 4; i++) {
            used.add("strength." + i);
        }
        for (String lang : org.tanik.config.SettingsStore.LANGUAGES) {
            used.add("language." + lang);
        }
        used.add("language.reviewWelcome");
        assertThat(used).hasSizeGreaterThan(90);
        assertThat(load("ui.properties").stringPropertyNames()).containsAll(used);
    }
}
