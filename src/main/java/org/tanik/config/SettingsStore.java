package org.tanik.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tanik.files.AtomicFiles;
import org.tanik.model.Json;

/** Reads and writes {@link Settings} as a small JSON file; a missing or broken file means defaults. */
public final class SettingsStore {

    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "tr", "ku", "ar");
    /**
     * The languages whose translation is machine-assisted and not yet reviewed by a native speaker:
     * the language lists mark them "(review welcome)". The one place to change once a review is done
     * (src/site/markdown/translating.md).
     */
    public static final java.util.List<String> UNREVIEWED = java.util.List.of("ku", "ar");
    private final Path file;
    private final ObjectMapper json = Json.mapper();

    public SettingsStore(Path file) {
        this.file = file;
    }

    public Settings load() {
        if (!Files.exists(file)) {
            return Settings.defaults();
        }
        try {
            return json.readValue(file.toFile(), Settings.class);
        } catch (IOException e) {
            // Preferences are not worth refusing to start over.
            return Settings.defaults();
        }
    }

    public void save(Settings settings) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(settings));
        } catch (IOException e) {
            throw AtomicFiles.failure(e, file.getFileName().toString());
        }
    }

    /** The locale to show: the chosen language, else the system's if supported, else English. */
    public static Locale locale(Settings settings, Locale system) {
        String lang = settings.language().isEmpty() ? system.getLanguage() : settings.language();
        return LANGUAGES.contains(lang) ? forLanguage(lang) : Locale.ENGLISH;
    }

    /**
     * The locale of one of {@link #LANGUAGES}. Arabic keeps Latin digits (0-9): fingerprints, bundle
     * numbers and counts are read aloud and compared with volunteers and coordinators who use other
     * languages, and must look the same on both screens (Java's Arabic default is Arabic-Indic digits).
     */
    public static Locale forLanguage(String lang) {
        return lang.equals("ar") ? Locale.forLanguageTag("ar-u-nu-latn") : Locale.forLanguageTag(lang);
    }
}
