package org.tanik.config;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Preferences that must be known before the vault is unlocked. Nothing here is secret.
 * Settings files written before a field existed still load: a missing field takes its default.
 *
 * @param language    "en" or "tr"; empty means "follow the system"
 * @param idleMinutes lock the vault after this many minutes without input
 * @param proxy       the SOCKS5 proxy for sending, {@code socks5://HOST:PORT} (Tor: 127.0.0.1:9050,
 *                    Tor Browser: 127.0.0.1:9150); empty for none
 * @param proxyOnly   never connect to the intake except through the proxy
 * @param autoSend    send the outbox on its own while the vault is unlocked (off unless chosen;
 *                    it only ever goes through the proxy)
 * @param theme       one of {@link #THEMES}; empty (also in files written before it existed, or an
 *                    unknown name) means "as the system", which the desktop takes as dark
 * @param panicShortcut the key combination of the panic exit, as JavaFX names one ("Shortcut+Shift+Q"); the
 *                    desktop falls back to {@link #DEFAULT_PANIC_SHORTCUT} when it cannot read it
 * @param panicErases the panic exit also erases the vault (off unless chosen). Nothing here says whether a
 *                    duress passphrase exists: a settings file must not give that away
 */
public record Settings(String language, int idleMinutes, String proxy, Boolean proxyOnly, Boolean autoSend,
                       String theme, String panicShortcut, Boolean panicErases) {

    public static final int DEFAULT_IDLE_MINUTES = 10;
    /** The desktop's themes: dark (for dim rooms), light, and high contrast. */
    public static final java.util.List<String> THEMES = java.util.List.of("dark", "light", "high-contrast");
    /** Ctrl+Shift+Q (Cmd+Shift+Q on a Mac): one hand, and no other command of the app uses it. */
    public static final String DEFAULT_PANIC_SHORTCUT = "Shortcut+Shift+Q";

    @JsonCreator
    public Settings {
        language = language == null ? "" : language;
        if (idleMinutes < 1 || idleMinutes > 24 * 60) {
            idleMinutes = DEFAULT_IDLE_MINUTES;
        }
        proxy = proxy == null ? "" : proxy.trim();
        proxyOnly = Boolean.TRUE.equals(proxyOnly);
        autoSend = Boolean.TRUE.equals(autoSend);
        theme = theme != null && THEMES.contains(theme) ? theme : "";
        panicShortcut = panicShortcut == null || panicShortcut.isBlank() ? DEFAULT_PANIC_SHORTCUT : panicShortcut.strip();
        panicErases = Boolean.TRUE.equals(panicErases);
    }

    public Settings(String language, int idleMinutes, String proxy, Boolean proxyOnly, Boolean autoSend,
                    String theme) {
        this(language, idleMinutes, proxy, proxyOnly, autoSend, theme, DEFAULT_PANIC_SHORTCUT, false);
    }

    public Settings(String language, int idleMinutes, String proxy, Boolean proxyOnly, Boolean autoSend) {
        this(language, idleMinutes, proxy, proxyOnly, autoSend, "");
    }

    public Settings(String language, int idleMinutes) {
        this(language, idleMinutes, "", false, false);
    }

    public static Settings defaults() {
        return new Settings("", DEFAULT_IDLE_MINUTES);
    }

    public Settings withLanguage(String newLanguage) {
        return new Settings(newLanguage, idleMinutes, proxy, proxyOnly, autoSend, theme, panicShortcut, panicErases);
    }

    public Settings withIdleMinutes(int minutes) {
        return new Settings(language, minutes, proxy, proxyOnly, autoSend, theme, panicShortcut, panicErases);
    }

    /** The sync preferences, as the settings screen saves them. */
    public Settings withSync(String newProxy, boolean newProxyOnly, boolean newAutoSend) {
        return new Settings(language, idleMinutes, newProxy, newProxyOnly, newAutoSend, theme, panicShortcut,
                panicErases);
    }

    public Settings withTheme(String newTheme) {
        return new Settings(language, idleMinutes, proxy, proxyOnly, autoSend, newTheme, panicShortcut, panicErases);
    }

    /** The panic exit's key combination and whether it also erases the vault. */
    public Settings withPanic(String shortcut, boolean erases) {
        return new Settings(language, idleMinutes, proxy, proxyOnly, autoSend, theme, shortcut, erases);
    }
}
