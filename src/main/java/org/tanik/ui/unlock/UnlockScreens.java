package org.tanik.ui.unlock;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.tanik.session.VaultAccess;
import org.tanik.ui.common.ControllerFactory;
import org.tanik.ui.common.ScreenContext;

/** Registers the passphrase screens: create, unlock, and the change-passphrase dialog. */
public final class UnlockScreens {

    private UnlockScreens() {
    }

    /**
     * @param directory      the vault these screens open
     * @param languageSwitch the language links on the locked screens
     */
    public static ControllerFactory register(ControllerFactory controllers, ScreenContext screens, VaultAccess vaults,
                                             Path directory, Consumer<String> languageSwitch) {
        return controllers
                .with(CreateVaultController.class, () -> new CreateVaultController(vaults, directory,
                        screens.executor(), screens.text(), screens.navigation(), languageSwitch))
                .with(UnlockController.class, () -> new UnlockController(vaults, directory, screens.executor(),
                        screens.text(), screens.navigation(), languageSwitch))
                .with(ChangePassphraseController.class, () -> new ChangePassphraseController(vaults, directory,
                        screens.executor(), screens.text(), screens.dialogs()));
    }
}
