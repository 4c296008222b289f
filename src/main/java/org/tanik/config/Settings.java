package org.tanik.config;

/**
 * Preferences that must be known before the vault is unlocked. Nothing here is secret.
 *
 * @param language    "en" or "tr"; empty means "follow the system"
 * @param idleMinutes lock the vault after this many minutes without input
 */
public record Settings(String language, int idleMinutes) {

    public static final int DEFAULT_IDLE_MINUTES = 10;

    public Settings {
        language = language == null ? "" : language;
        if (idleMinutes < 1 || idleMinutes > 24 * 60) {
            idleMinutes = DEFAULT_IDLE_MINUTES;
        }
    }

    public static Settings defaults() {
        return new Settings("", DEFAULT_IDLE_MINUTES);
    }

    public Settings withLanguage(String newLanguage) {
        return new Settings(newLanguage, idleMinutes);
    }

    public Settings withIdleMinutes(int minutes) {
        return new Settings(language, minutes);
    }
}
