package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.tanik.ui.shell.ShellProbe;
import org.tanik.ui.shell.UiCompositionRoot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.tanik.enrolment.Enrolment;
import org.tanik.enrolment.Invitation;
import org.tanik.model.TestimonyContent;
import org.tanik.testing.Invitations;

/**
 * The join dialog names every key bundles will be encrypted to, in full, beside the fingerprints; an
 * invitation from another organisation key is refused, and the way out is leaving, asked and warned.
 */
class JoinDialogTest extends AppTestBase {

    final ScriptedFiles files = new ScriptedFiles();
    final Invitations ihd = new Invitations();
    final Invitations other = new Invitations();
    final List<String> recipients = Invitations.recipients(3);
    Path first;
    Path second;
    String sealedId;

    @Override
    void prepare() {
        sealedId = vaultWith(TestimonyContent.empty().withTitle("Gözaltı").withNarrative("Sabah erken geldiler."))[0].id();
        try {
            first = Files.write(home.resolve("ihd.tanik-invite"), ihd.file("İnsan Hakları Belgeleme", recipients, null));
            second = Files.write(home.resolve("other.tanik-invite"),
                    other.file("Başka Dernek", Invitations.recipients(1), null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    UiCompositionRoot configure(UiCompositionRoot fresh) {
        return ShellProbe.fileChoices(fresh, files);
    }

    @Test
    void theDialogNamesEveryRecipientAndAnotherKeyNeedsLeaving(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        files.toOpen.add(first);
        robot.clickOn("Vault").clickOn("Join an organisation…");
        waitUntil(() -> robot.lookup(".join-dialog").tryQuery().isPresent());
        DialogPane join = robot.lookup(".join-dialog").queryAs(DialogPane.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".join-dialog #organisationFingerprint").queryAs(Label.class).getText())
                .isEqualTo(ihd.fingerprint());
        assertThat(robot.lookup(".join-dialog #recipientsTitle").queryAs(Label.class).getText())
                .isEqualTo("Bundles will be encrypted to 3 recipients; each of their keys can open them:");
        VBox shown = robot.lookup(".join-dialog #recipients").queryAs(VBox.class);
        // What is drawn, not only what was set: a key cut short with "…" would fail here.
        List<String> drawn = onFx(() -> shown.getChildren().stream()
                .map(n -> ((Text) n.lookup(".text")).getText().replace("\n", "")).toList());
        assertThat(drawn).isEqualTo(recipients);
        assertThat(robot.lookup(".join-dialog #renewalBox").query().isVisible()).isFalse();
        UiTestSupport.screenshot(join.getScene(), "22-join-dialog-recipients");
        robot.clickOn("Join");
        waitUntil(() -> robot.lookup("You joined \u2068İnsan Hakları Belgeleme\u2069").tryQuery().isPresent());
        robot.clickOn("Close");
        Enrolment enrolment = new Enrolment(services.clock());
        assertThat(enrolment.current(session()).map(Invitation::recipients)).contains(recipients);

        // Another organisation key: refused, both named, nothing changed; leaving is offered.
        session().testimonies().seal(sealedId);
        files.toOpen.add(second);
        robot.clickOn("Vault").clickOn("Join an organisation…");
        waitUntil(() -> robot.lookup("Not joined").tryQuery().isPresent());
        DialogPane refusal = dialogSaying(robot, "Not joined").orElseThrow();
        assertThat(refusal.getContentText()).contains("\"İnsan Hakları Belgeleme\"", "\"Başka Dernek\"",
                ihd.fingerprint(), other.fingerprint(), "Leave organisation");
        assertThat(enrolment.current(session()).orElseThrow().fingerprint()).isEqualTo(ihd.fingerprint());
        robot.clickOn("Leave organisation…");

        waitUntil(() -> dialogSaying(robot, "After leaving, its invitation is forgotten").isPresent());
        DialogPane confirm = dialogSaying(robot, "After leaving, its invitation is forgotten").orElseThrow();
        assertThat(confirm.getContentText()).contains("One sealed testimony version was not sent to "
                + "\"İnsan Hakları Belgeleme\" yet");
        UiTestSupport.screenshot(confirm.getScene(), "23-leave-organisation");
        robot.clickOn("Leave organisation");
        waitUntil(() -> robot.lookup("You left İnsan Hakları Belgeleme").tryQuery().isPresent());
        robot.clickOn("Close");
        assertThat(enrolment.current(session())).isEmpty();

        files.toOpen.add(second);
        robot.clickOn("Vault").clickOn("Join an organisation…");
        waitUntil(() -> robot.lookup(".join-dialog").tryQuery().isPresent());
        robot.clickOn("Join");
        waitUntil(() -> robot.lookup("You joined \u2068Başka Dernek\u2069").tryQuery().isPresent());
        robot.clickOn("Close");
        assertThat(enrolment.current(session()).orElseThrow().fingerprint()).isEqualTo(other.fingerprint());
    }

    @Test
    void aRenewalSaysWhatChanged(FxRobot robot) throws Exception {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        new Enrolment(services.clock()).enrol(session(), ihd.file("İHD", recipients.subList(0, 1), null));
        files.toOpen.add(first);
        robot.clickOn("Vault").clickOn("Join an organisation…");
        waitUntil(() -> robot.lookup(".join-dialog").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".join-dialog #renewalBox").query().isVisible()).isTrue();
        assertThat(robot.lookup(".join-dialog #renewalText").queryAs(Label.class).getText())
                .contains("Its name; until now \"\u2068İHD\u2069\".", "until now bundles were encrypted to:\n" + recipients.get(0));
        robot.clickOn("Cancel");
        assertThat(new Enrolment(services.clock()).require(session()).organisation()).isEqualTo("İHD");
    }

    /** The open dialog whose message holds the words. */
    private static java.util.Optional<DialogPane> dialogSaying(FxRobot robot, String words) {
        return robot.lookup(".dialog-pane").queryAllAs(DialogPane.class).stream()
                .filter(p -> p.getContentText() != null && p.getContentText().contains(words)).findFirst();
    }
}
