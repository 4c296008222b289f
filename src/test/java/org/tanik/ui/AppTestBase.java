package org.tanik.ui;

import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.AppServices;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.store.VaultSession;
import org.tanik.ui.shell.ShellProbe;
import org.tanik.ui.shell.UiCompositionRoot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/** Starts the real application on a fresh temporary home for each test, and locks it afterwards. */
@ExtendWith(ApplicationExtension.class)
abstract class AppTestBase {

    @TempDir
    Path home;

    AppServices services;
    UiCompositionRoot root;
    Stage stage;

    /** A @BeforeEach rather than TestFX's @Start, which is not looked up in superclasses. */
    @BeforeEach
    void startApplication() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        services = UiTestSupport.services(home);
        prepare();
        FxToolkit.setupFixture(() -> {
            root = configure(new UiCompositionRoot(services, new org.tanik.ui.common.FxBackgroundExecutor()));
            root.start(stage);
        });
    }

    /** Runs before the application starts (e.g. to create a vault with content). */
    void prepare() {
    }

    UiCompositionRoot configure(UiCompositionRoot fresh) {
        return fresh;
    }

    /** Creates the vault directly through the core, with the given testimonies. */
    Testimony[] vaultWith(TestimonyContent... contents) {
        Testimony[] created = new Testimony[contents.length];
        try (VaultSession s = services.vaults().create(services.directories().vault(),
                UiTestSupport.PASSPHRASE.toCharArray())) {
            for (int i = 0; i < contents.length; i++) {
                created[i] = s.testimonies().create(contents[i]);
            }
        }
        return created;
    }

    VaultSession session() {
        return ShellProbe.store(root);
    }

    @AfterEach
    void lockAtEnd() {
        onFx(() -> {
            ShellProbe.lock(root);
            return null;
        });
        waitUntil(() -> ShellProbe.closed(root));
    }
}
