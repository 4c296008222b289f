package org.tanik.ui.unlock;

import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import org.tanik.config.SettingsStore;
import org.tanik.session.OpenVault;
import org.tanik.session.VaultAccess;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.Navigation;
import org.tanik.ui.common.UiText;

/** What the screens shown while locked share: the vault they open, and the language links. */
abstract class LockedScreen {

    final VaultAccess vaults;
    final UiText text;
    final PassphraseTask task;
    private final Path directory;
    private final Navigation navigation;
    private final Consumer<String> languageSwitch;

    LockedScreen(VaultAccess vaults, Path directory, BackgroundExecutor executor, UiText text, Navigation navigation,
                 Consumer<String> languageSwitch) {
        this.vaults = vaults;
        this.directory = directory;
        this.text = text;
        this.task = new PassphraseTask(executor, text);
        this.navigation = navigation;
        this.languageSwitch = languageSwitch;
    }

    /** Creates or unlocks the vault with {@code passphrase} (wiped after); on success the main window shows. */
    void open(char[] passphrase, BiFunction<Path, char[], OpenVault> how, Label error, Node retry) {
        task.run(() -> how.apply(directory, passphrase), navigation::unlocked, error, retry, passphrase);
    }

    void showLanguageLinks(FlowPane links) {
        showLanguageLinks(links, text, languageSwitch);
    }

    /** One link per language, each named in its own language, so that anyone can find theirs. */
    static void showLanguageLinks(FlowPane links, UiText text, Consumer<String> languageSwitch) {
        for (String code : SettingsStore.LANGUAGES) {
            Hyperlink link = new Hyperlink(text.languageName(code));
            link.getStyleClass().add("language-link");
            link.setId("language-" + code);
            link.setOnAction(e -> languageSwitch.accept(code));
            links.getChildren().add(link);
        }
    }
}
