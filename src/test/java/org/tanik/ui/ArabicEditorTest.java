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

/** The volunteer's testimony editor in Arabic: right to left, nothing of the app's own text cut short. */
class ArabicEditorTest extends AppTestBase {


    @Override
    void prepare() {
        services.settings().save(new Settings("ar", 10));
        Act act = new Act("arbitrary_detention", PartialDate.month(2016, 7), PartialDate.year(2017),
                new Place("06", "Çankaya", "Emniyet Müdürlüğü"),
                List.of(new Person("Ayşe Yılmaz", Sex.FEMALE, 1980, "teacher")),
                List.of(new Perpetrator("police", "Terörle Mücadele Şubesi", "komiser", "")), "احتُجزت ثلاثة أيام.");
        vaultWith(new TestimonyContent("احتجاز معلمة في أنقرة",
                new Interview(LocalDate.of(2021, 5, 3), "غازي عنتاب", "E. K.", List.of("العربية"), "محامٍ"),
                new Interviewee("عائشة", "", "الضحية نفسها"),
                List.of(new Incident("احتجاز في أنقرة", List.of(act))), "جاؤوا في الصباح الباكر."));
    }

    @Test
    void theEditorRunsRightToLeft(FxRobot robot) {
        RightToLeft.laptopScreen(stage);
        waitUntil(() -> showing(robot, "#unlockScreen"));
        assertThat(stage.getScene().getRoot().getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        robot.doubleClickOn("احتجاز معلمة في أنقرة");
        waitUntil(() -> showing(robot, "#editorScreen"));
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getText())
                // The Consent and Attachments tabs (issue 16) follow; their Arabic names come with the Arabic texts.
                .startsWith("المقابلة", "الشخص الذي تمت مقابلته", "الحوادث", "السرد");
        assertThat(tabs.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        assertThat(RightToLeft.cutShort(stage.getScene().getRoot())).as("cut short on the interview tab").isEmpty();
        UiTestSupport.screenshot(stage.getScene(), "editor-arabic");
        robot.interact(() -> tabs.getSelectionModel().select(2));
        waitUntil(() -> robot.lookup(".act-type").tryQuery().isPresent());
        assertThat(RightToLeft.cutShort(stage.getScene().getRoot())).as("cut short on the incidents tab").isEmpty();
        UiTestSupport.screenshot(stage.getScene(), "editor-arabic-incidents");
    }
}
