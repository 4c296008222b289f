package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.tanik.config.Settings;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.model.Act;
import org.tanik.model.Incident;
import org.tanik.model.Interview;
import org.tanik.model.Interviewee;
import org.tanik.model.PartialDate;
import org.tanik.model.Person;
import org.tanik.model.Perpetrator;
import org.tanik.model.Place;
import org.tanik.model.Sex;
import org.tanik.model.TestimonyContent;
import org.testfx.api.FxRobot;

/** The coordinator's review queue in Arabic: right to left, fingerprints and hashes left to right. */
class ArabicQueueTest extends AppTestBase {


    CoordinatorFixture fixture;

    @Override
    void prepare() {
        services.settings().save(new Settings("ar", 10));
        fixture = new CoordinatorFixture(services, home);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theQueueRunsRightToLeftWithMachineTextLeftToRight(FxRobot robot) {
        RightToLeft.laptopScreen(stage);
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> robot.lookup(".coordinator-screen").tryQuery().isPresent());
        assertThat(stage.getScene().getRoot().getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        TableView<ArchiveItem> queue = robot.lookup(".queue-table").queryAs(TableView.class);
        waitUntil(() -> queue.getItems().size() == 1);
        robot.interact(() -> queue.getSelectionModel().select(0));
        waitUntil(() -> robot.lookup(RightToLeft.AR.getString("view.tab.provenance")).tryQuery().isPresent());
        assertThat(RightToLeft.cutShort(stage.getScene().getRoot())).as("cut short in the queue").isEmpty();
        UiTestSupport.screenshot(stage.getScene(), "queue-arabic");

        robot.clickOn(RightToLeft.AR.getString("view.tab.provenance"));
        Node device = robot.lookup("#provDevice").query();
        Node sha = robot.lookup("#provSha").query();
        waitUntil(() -> device.isVisible() && !((javafx.scene.control.TextField) sha).getText().isEmpty());
        assertThat(device.getEffectiveNodeOrientation()).as("device fingerprint").isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
        assertThat(sha.getEffectiveNodeOrientation()).as("bundle hash").isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
        assertThat(sha.getParent().getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        UiTestSupport.screenshot(stage.getScene(), "queue-arabic-provenance");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup(".volunteers-table .table-cell.ltr").tryQuery()
                .filter(c -> !((Labeled) c).getText().isEmpty()).isPresent());
        List<Node> fingerprints = robot.lookup(".volunteers-table .table-cell.ltr").queryAll().stream()
                .filter(c -> ((Labeled) c).getText() != null && ((Labeled) c).getText().matches("[0-9 ]+")).toList();
        assertThat(fingerprints).isNotEmpty().allSatisfy(c -> assertThat(c.getEffectiveNodeOrientation())
                .isEqualTo(NodeOrientation.LEFT_TO_RIGHT));
        assertThat(RightToLeft.cutShort(stage.getScene().getRoot())).as("cut short on the volunteers tab").isEmpty();
        UiTestSupport.screenshot(stage.getScene(), "volunteers-arabic");
    }
}
