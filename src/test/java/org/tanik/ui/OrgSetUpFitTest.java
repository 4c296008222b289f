package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.tanik.config.Settings;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.ui.shell.ShellProbe;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The coordinator's organisation set-up at the small laptop sizes: the name step in English and
 * Turkish, and the fingerprint to write down (one per test, since naming the organisation cannot
 * be undone), which must never be cut.
 */
class OrgSetUpFitTest extends FitTestBase {

    @Override
    void prepare() {
        try (VaultSession s = services.vaults().create(services.directories().vault(),
                UiTestSupport.PASSPHRASE.toCharArray())) {
            new OpenVault(s).markOrganisationSetUpPending();
        }
    }

    @Override
    void beforeLanguage(String lang) {
        if (ShellProbe.vault(root).isPresent()) {
            onFx(() -> {
                ShellProbe.lock(root);
                return null;
            });
            waitUntil(() -> ShellProbe.closed(root));
        }
        unlock();
    }

    @Override
    void addVisits() {
        visits.put("organisation set-up", this::nameStep);
    }

    @Test
    void theNameStepIsWhole(FxRobot robot) {
        visitEverything(robot);
    }

    @Test
    void theFingerprintToWriteDownIsWholeInTurkish(FxRobot robot) {
        fingerprintStep(robot, "tr");
    }

    @Test
    void theFingerprintToWriteDownIsWholeInEnglish(FxRobot robot) {
        fingerprintStep(robot, "en");
    }

    void nameStep(String screen) {
        waitUntil(() -> showing(robot, "#organisationName"));
        checkMain(screen);
    }

    void fingerprintStep(FxRobot robot, String lang) {
        this.robot = robot;
        language = lang;
        onFx(() -> {
            ShellProbe.settingsChanged(root, new Settings(lang, 10));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        unlock();
        waitUntil(() -> showing(robot, "#organisationName"));
        TextField name = robot.lookup("#organisationName").queryAs(TextField.class);
        robot.interact(() -> name.setText("Türkiye İnsan Hakları ve Hukukun Üstünlüğü Dayanışma Derneği"));
        robot.interact(() -> robot.lookup("#createButton").queryButton().fire());
        waitUntil(() -> showing(robot, "#fingerprintStep"));
        for (int[] size : SIZES) {
            resize(size[0], size[1]);
            checkMain(lang + " " + size[0] + "x" + size[1] + " fingerprint to write down");
        }
        if (lang.equals("tr")) {
            UiTestSupport.screenshot(stage.getScene(), "org-setup-fingerprint-tr-1280x720");
        }
        assertThat(cuts).as("texts cut off (screen / node / full text / shown text)").isEmpty();
    }

    private void unlock() {
        waitUntil(() -> showing(robot, "#unlockScreen"));
        UiTestSupport.typePassphrase(robot, "#passphrase", UiTestSupport.PASSPHRASE);
        robot.interact(() -> robot.lookup("#unlockButton").queryButton().fire());
        waitUntil(() -> showing(robot, "#orgSetupScreen"));
    }
}
