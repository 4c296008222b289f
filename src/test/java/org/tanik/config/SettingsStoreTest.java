package org.tanik.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void aSettingsFileFromBeforeSyncStillLoadsWithSendingOff() throws Exception {
        Path file = dir.resolve("settings.json");
        // Exactly what the release before sync wrote.
        Files.writeString(file, "{\n  \"language\" : \"tr\",\n  \"idleMinutes\" : 25\n}");
        Settings s = new SettingsStore(file).load();
        assertThat(s).isEqualTo(new Settings("tr", 25, "", false, false));
        assertThat(s.autoSend()).isFalse();
        assertThat(s.proxyOnly()).isFalse();
        assertThat(s.proxy()).isEmpty();
    }

    @Test
    void syncSettingsRoundTrip() {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        Settings chosen = Settings.defaults().withLanguage("en").withSync("socks5://127.0.0.1:9150", true, true);
        store.save(chosen);
        assertThat(store.load()).isEqualTo(chosen);
        assertThat(store.load().withIdleMinutes(30).proxy()).isEqualTo("socks5://127.0.0.1:9150");
    }

    @Test
    void aSettingsFileFromBeforeThemesLoadsAsTheSystemsThemeAndAChosenOneIsKept() throws Exception {
        Path file = dir.resolve("settings.json");
        // What the release before themes wrote.
        Files.writeString(file, "{\n  \"language\" : \"tr\",\n  \"idleMinutes\" : 25,\n  \"proxy\" : \"\",\n"
                + "  \"proxyOnly\" : false,\n  \"autoSend\" : false\n}");
        SettingsStore store = new SettingsStore(file);
        assertThat(store.load().theme()).isEmpty();
        store.save(store.load().withTheme("high-contrast"));
        assertThat(store.load()).isEqualTo(new Settings("tr", 25, "", false, false, "high-contrast"));
        assertThat(store.load().withLanguage("en").theme()).isEqualTo("high-contrast");
        assertThat(Settings.defaults().withTheme("purple").theme()).as("an unknown name is the default").isEmpty();
    }

    @Test
    void aSettingsFileFromBeforePanicLoadsWithTheDefaultShortcutAndNoErasingAndAChoiceIsKept() throws Exception {
        Path file = dir.resolve("settings.json");
        // What the release before the panic exit wrote.
        Files.writeString(file, "{\n  \"language\" : \"tr\",\n  \"idleMinutes\" : 25,\n  \"proxy\" : \"\",\n"
                + "  \"proxyOnly\" : false,\n  \"autoSend\" : false,\n  \"theme\" : \"light\"\n}");
        SettingsStore store = new SettingsStore(file);
        assertThat(store.load().panicShortcut()).isEqualTo("Shortcut+Shift+Q");
        assertThat(store.load().panicErases()).isFalse();
        store.save(store.load().withPanic("Shortcut+Alt+X", true));
        assertThat(store.load()).isEqualTo(new Settings("tr", 25, "", false, false, "light", "Shortcut+Alt+X", true));
        assertThat(store.load().withLanguage("en").panicErases()).isTrue();
        assertThat(Files.readString(file)).as("nothing about a duress passphrase").doesNotContainIgnoringCase("duress");
    }
}
