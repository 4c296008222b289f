package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.tanik.bundle.BundleLimits;
import org.tanik.bundle.BundleReader;
import org.tanik.bundle.VerifiedBundle;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.enrolment.Enrolment;
import org.tanik.enrolment.Organisation;
import org.tanik.model.Act;
import org.tanik.model.Incident;
import org.tanik.model.TestimonyContent;
import org.tanik.store.VaultSession;
import org.tanik.ui.shell.ShellProbe;
import org.tanik.ui.shell.UiCompositionRoot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A volunteer joins an organisation, seals a testimony and exports a bundle, all through the GUI. */
class VolunteerSyncTest extends AppTestBase {

    final ScriptedFiles files = new ScriptedFiles();
    Path invitation;
    Path outbox;
    Path orgVault;
    String orgFingerprint;

    @Override
    void prepare() {
        vaultWith(new TestimonyContent("Gözaltı ve kötü muamele", null, null,
                List.of(new Incident("x", List.of(Act.empty()))), "Sabah erken geldiler.")
                .withConsent(org.tanik.testing.Consents.ORAL));
        orgVault = home.resolve("organisation");
        try (VaultSession org = services.vaults().create(orgVault, UiTestSupport.PASSPHRASE.toCharArray())) {
            Organisation o = Organisation.init(org, "İnsan Hakları Belgeleme");
            orgFingerprint = o.fingerprint();
            invitation = home.resolve("invitation.tanik-invite");
            Files.write(invitation, o.invite(null, null, Duration.ofDays(14), services.clock()));
            outbox = Files.createDirectories(home.resolve("usb-stick"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    UiCompositionRoot configure(UiCompositionRoot fresh) {
        return ShellProbe.fileChoices(fresh, files);
    }

    @Test
    void joinSealAndExport(FxRobot robot) throws Exception {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);

        // Export before joining says so, in a sentence.
        robot.clickOn("Testimony").clickOn("Export bundle…");
        waitUntil(() -> robot.lookup(".export-dialog").tryQuery().isPresent());
        Label summary = robot.lookup(".export-dialog #summary").queryAs(Label.class);
        waitUntil(() -> summary.getText().contains("not joined"));
        robot.clickOn("Close");

        files.toOpen.add(invitation);
        robot.clickOn("Vault").clickOn("Join an organisation…");
        waitUntil(() -> robot.lookup(".join-dialog").tryQuery().isPresent());
        DialogPane join = robot.lookup(".join-dialog").queryAs(DialogPane.class);
        assertThat(robot.lookup(".join-dialog #organisation").queryAs(Label.class).getText())
                .isEqualTo("İnsan Hakları Belgeleme");
        assertThat(robot.lookup(".join-dialog #organisationFingerprint").queryAs(Label.class).getText())
                .isEqualTo(orgFingerprint);
        assertThat(robot.lookup(".join-dialog #deviceFingerprint").queryAs(Label.class).getText())
                .isEqualTo(session().device().fingerprint());
        UiTestSupport.screenshot(join.getScene(), "20-join-dialog");
        robot.clickOn("Join");
        waitUntil(() -> robot.lookup("You joined \u2068İnsan Hakları Belgeleme\u2069").tryQuery().isPresent());
        robot.clickOn("Close");
        assertThat(new Enrolment(services.clock()).current(session())).isPresent();

        // Seal the testimony through the editor.
        robot.doubleClickOn("Gözaltı ve kötü muamele");
        waitUntil(() -> showing(robot, "#editorScreen"));
        robot.clickOn("#sealButton");
        robot.clickOn("Mark ready to send");
        TextField title = robot.lookup("#title").queryAs(TextField.class);
        waitUntil(() -> !title.isEditable());

        files.toSave.add(outbox);
        robot.clickOn("Testimony").clickOn("Export bundle…");
        waitUntil(() -> robot.lookup(".export-dialog").tryQuery().isPresent());
        Label pending = robot.lookup(".export-dialog #summary").queryAs(Label.class);
        waitUntil(() -> pending.getText().contains("The bundle will include one sealed testimony version"));
        robot.clickOn("Export…");
        TextField sha = robot.lookup(".export-dialog #sha256").queryAs(TextField.class);
        waitUntil(() -> !sha.getText().isEmpty());
        assertThat(robot.lookup(".export-dialog #bundleNumber").queryAs(TextField.class).getText()).isEqualTo("1");
        assertThat(robot.lookup(".export-dialog #records").queryAs(TextField.class).getText()).isEqualTo("1");
        WaitForAsyncUtils.waitForFxEvents();
        UiTestSupport.screenshot(robot.lookup(".export-dialog").query().getScene(), "21-export-result");
        robot.clickOn("Close");

        assertThat(files.proposedNames).singleElement().asString().matches("\\d{4}-\\d{2}-\\d{2}\\.tanik");
        Path bundle = outbox.resolve(files.proposedNames.get(0));
        assertThat(bundle).exists();
        assertThat(robot.lookup(".export-dialog").tryQuery()).isEmpty();
        try (VaultSession org = services.vaults().open(orgVault, UiTestSupport.PASSPHRASE.toCharArray());
             InputStream in = Files.newInputStream(bundle)) {
            X25519Identity identity = Organisation.require(org).identity();
            try {
                VerifiedBundle read = BundleReader.read(in, List.of(identity), BundleLimits.DEFAULT);
                assertThat(read.deviceFingerprint()).isEqualTo(session().device().fingerprint());
                assertThat(read.testimonies()).extracting(t -> t.content().title())
                        .containsExactly("Gözaltı ve kötü muamele");
                assertThat(read.fileSha256()).isEqualTo(sha.getText());
            } finally {
                identity.destroy();
            }
        }
    }
}
