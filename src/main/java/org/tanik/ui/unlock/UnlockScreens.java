package org.tanik.ui.unlock;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.tanik.session.VaultAccess;
import org.tanik.ui.common.ControllerFactory;
import org.tanik.ui.common.ScreenContext;

/** Registers the locked screens: the first-run choice, create, unlock, and the change-passphrase dialog. */
public final class UnlockScreens {

    private UnlockScreens() {
    }

    /**
     * @param directory      the vault these screens open
     * @param languageSwitch the language links on the locked screens
     * @param role           what the first-run choice made this laptop (the create screen's vault)
     * @param choice         the first-run choice: a role, or null to choose again
     */
    public static ControllerFactory register(ControllerFactory controllers, ScreenContext screens, VaultAccess vaults,
                                             Path directory, Consumer<String> languageSwitch, Role role,
                                             Consumer<Role> choice) {
        return controllers
                .with(FirstRunController.class, () -> new FirstRunController(choice, languageSwitch, screens.text()))
                .with(CreateVaultController.class, () -> new CreateVaultController(vaults, directory,
                        screens.executor(), screens.text(), screens.navigation(), languageSwitch,
                        role == null ? Role.VOLUNTEER : role, choice))
                .with(UnlockController.class, () -> new UnlockController(vaults, directory, screens.executor(),
                        screens.text(), screens.navigation(), languageSwitch))
                .with(ChangePassphraseController.class, () -> new ChangePassphraseController(vaults, directory,
                        screens.executor(), screens.text(), screens.dialogs()));
    }
}
