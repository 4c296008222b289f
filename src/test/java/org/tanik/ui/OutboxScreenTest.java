package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.tanik.config.Settings;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.store.VaultSession;
import org.tanik.testing.FakeCourier;
import org.tanik.testing.Organisations;
import org.tanik.volunteer.Sending;
import org.testfx.api.FxRobot;

/**
 * The outbox screen against a fake intake: a waiting bundle is shown, "Send now" shows the route
 * and asks, the bundle shows as sending while the upload runs, then delivered with the receipt's
 * time; a second bundle the intake refuses shows the reason in words.
 */
class OutboxScreenTest extends AppTestBase {

    final FakeCourier intake = new FakeCourier().deliver().fail(new TanikException(Problem.SYNC_TOO_LARGE)).hold();
    String firstCopy;

    @Override
    void prepare() {
        services = services.withCouriers(intake);
        services.settings().save(Settings.defaults().withLanguage("en").withSync("socks5://127.0.0.1:9050", false, false));
        try (VaultSession v = services.vaults().create(services.directories().vault(),
                UiTestSupport.PASSPHRASE.toCharArray())) {
            org.tanik.volunteer.SendingFixtures.enrol(v, "tor-only");
            Organisations.sealed(v, "bir");
            Organisations.export(home, services.clock(), v, "b1.tanik");
            firstCopy = v.outbox().list().get(0).fileName();
            Organisations.sealed(v, "iki");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void waitingThenSendingThenDeliveredAndAFailureWithItsReason(FxRobot robot) throws Exception {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup(".outbox-dialog").tryQuery().isPresent());
        ListView<Sending.Bundle> list = robot.lookup(".outbox-dialog #bundles").queryAs(ListView.class);
        Label summary = robot.lookup(".outbox-dialog #summary").queryAs(Label.class);
        waitUntil(() -> list.getItems().size() == 1);
        assertThat(summary.getText()).isEqualTo("One bundle is not delivered yet. One sealed testimony version is not "
                + "in a bundle yet; sending exports it first.");
        assertThat(robot.lookup(".outbox-dialog .list-cell").queryAs(javafx.scene.control.ListCell.class).getText())
                .matches("Bundle 1 \\([0-9a-f]{12}\\): waiting to be sent\\.");

        robot.clickOn("Send now…");
        waitUntil(() -> robot.lookup(".alert .content").tryQuery().isPresent());
        assertThat(robot.lookup(".alert .content").queryAs(Label.class).getText())
                .isEqualTo("The bundles will be sent through Tor at 127.0.0.1:9050. Send them now?");
        assertThat(intake.opened).as("nothing before the volunteer agrees").isZero();
        robot.clickOn("Send");

        assertThat(intake.uploading.await(30, TimeUnit.SECONDS)).isTrue();
        waitUntil(() -> list.getItems().stream().anyMatch(b -> b.state() == Sending.State.SENDING));
        assertThat(robot.lookup("#sendingBox").query().isVisible()).isTrue();
        assertThat(robot.lookup("#cancel").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup(".outbox-dialog .list-cell").queryAs(javafx.scene.control.ListCell.class).getText())
                .matches("Bundle 1 \\([0-9a-f]{12}\\): sending…");
        UiTestSupport.screenshot(list.getScene(), "30-outbox-sending");
        intake.open();

        javafx.scene.Node sendingBox = robot.lookup("#sendingBox").query();
        // Done when the progress and Cancel are gone and the list was read again.
        waitUntil(() -> !sendingBox.isVisible() && list.getItems().size() == 2 && list.getItems().stream().noneMatch(
                b -> b.state() == Sending.State.SENDING || b.state() == Sending.State.WAITING));
        List<String> rows = robot.lookup(".outbox-dialog .list-cell").queryAllAs(javafx.scene.control.ListCell.class)
                .stream().map(c -> c.getText()).filter(t -> t != null).sorted().toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).matches("Bundle 1 \\([0-9a-f]{12}\\): delivered; the intake's receipt says it arrived on .+\\.");
        assertThat(rows.get(1)).matches("Bundle 2 \\([0-9a-f]{12}\\): not sent\\. The bundle is larger than the intake "
                + "server accepts\\..*");
        UiTestSupport.screenshot(list.getScene(), "31-outbox-done");
        // Delivered: the copy is gone; refused: the copy stays for another try or a USB stick.
        Path outbox = org.tanik.store.TestCompartments.of(services.directories().vault(), UiTestSupport.PASSPHRASE.toCharArray()).resolve("outbox");
        assertThat(outbox.resolve(firstCopy)).doesNotExist();
        try (var files = Files.list(outbox)) {
            assertThat(files.map(p -> p.getFileName().toString())).hasSize(1);
        }
        robot.clickOn("Close");
    }
}
