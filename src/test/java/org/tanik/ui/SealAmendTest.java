package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.tanik.model.Act;
import org.tanik.model.Incident;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.model.TestimonySummary;

class SealAmendTest extends AppTestBase {

    Testimony stored;

    @Override
    void prepare() {
        stored = vaultWith(new TestimonyContent("Sealed one", null, null,
                List.of(new Incident("x", List.of(Act.empty()))), "Some narrative")
                .withConsent(org.tanik.testing.Consents.ORAL))[0];
    }

    @Test
    void sealedIsReadOnlyAndAmendMakesVersionTwo(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        robot.doubleClickOn("Sealed one");
        waitUntil(() -> showing(robot, "#editorScreen"));
        TextField title = robot.lookup("#title").queryAs(TextField.class);
        assertThat(title.isEditable()).isTrue();

        robot.clickOn("#sealButton");
        DialogPane confirm = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        UiTestSupport.screenshot(confirm.getScene(), "10-seal-confirmation");
        robot.clickOn("Mark ready to send");
        waitUntil(() -> !title.isEditable());

        assertThat(robot.lookup("#narrative").queryAs(TextArea.class).isEditable()).isFalse();
        ComboBox<?> type = robot.lookup(".act-type").queryComboBox();
        assertThat(type.isDisabled()).isTrue();
        assertThat(robot.lookup(".add-button").queryAll().stream().noneMatch(Node::isVisible)).isTrue();
        assertThat(robot.lookup("#sealButton").query().isVisible()).isFalse();
        assertThat(robot.lookup("#amendButton").query().isVisible()).isTrue();
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).isEqualTo("Ready to send · version 1");
        assertThat(session().testimonies().latest(stored.id()).status()).isEqualTo(Status.SEALED);
        UiTestSupport.screenshot(stage.getScene(), "11-sealed-read-only");

        // Typing into a sealed testimony changes nothing.
        robot.clickOn(title).write("xyz");
        assertThat(title.getText()).isEqualTo("Sealed one");

        robot.clickOn("#amendButton");
        waitUntil(title::isEditable);
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).isEqualTo("Draft · version 2");
        Testimony latest = session().testimonies().latest(stored.id());
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.status()).isEqualTo(Status.DRAFT);
        assertThat(session().testimonies().version(stored.id(), 1).status()).isEqualTo(Status.SEALED);

        // History lists both versions; the old one opens read-only.
        robot.clickOn("#historyButton");
        @SuppressWarnings("unchecked")
        TableView<TestimonySummary> versions = robot.lookup(".dialog-pane .table-view").queryAs(TableView.class);
        waitUntil(() -> versions.getItems().size() == 2);
        UiTestSupport.screenshot(versions.getScene(), "12-history");
        robot.interact(() -> versions.getSelectionModel().select(0));
        robot.clickOn("Open");
        waitUntil(() -> robot.lookup("#banner").query().isVisible());
        assertThat(title.isEditable()).isFalse();
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).isEqualTo("Ready to send · version 1");
        Node amend = robot.lookup("#amendButton").query();
        assertThat(amend.isVisible()).isFalse();

        robot.clickOn(robot.lookup("#banner .button").queryAs(Button.class));
        waitUntil(title::isEditable);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).isEqualTo("Draft · version 2");
    }
}
