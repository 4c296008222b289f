package org.tanik.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.AppServices;
import org.tanik.enrolment.Organisation;
import org.tanik.store.VaultSession;
import org.tanik.ui.shell.DesktopTraining;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The desktop part of the AOT cache's training (issue 19): it shows the first-run screen, the unlock
 * screen, the volunteer's and the coordinator's main windows, without a user, and closes what it opened.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopTrainingTest {

    @TempDir
    Path home;

    @Test
    void showsTheFirstWindowAndTheMainScreensThenClosesThem() throws Exception {
        AppServices services = UiTestSupport.services(home);
        char[] pass = UiTestSupport.PASSPHRASE.toCharArray();
        Path volunteer = home.resolve("volunteer");
        Path organisation = home.resolve("organisation");
        services.vaults().create(volunteer, pass.clone()).close();
        try (VaultSession org = services.vaults().create(organisation, pass.clone())) {
            Organisation.init(org, "Training").invite(null, null, Duration.ofDays(7), services.clock());
        }

        List<String> shown = DesktopTraining.run(services, volunteer, organisation, pass);

        assertEquals(List.of("first run", "unlock", "volunteer", "coordinator"), shown);
        assertTrue(UiTestSupport.onFx(() -> Window.getWindows().stream().noneMatch(Window::isShowing)),
                "the training closed its windows");
    }
}
