package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.tanik.config.Settings;
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

class TurkishTest extends AppTestBase {

    @Override
    void prepare() {
        services.settings().save(new Settings("tr", 10));
        Act act = new Act("arbitrary_detention", PartialDate.month(2016, 7), PartialDate.year(2017),
                new Place("06", "Çankaya", "Emniyet Müdürlüğü"),
                List.of(new Person("Ayşe Yılmaz", Sex.FEMALE, 1980, "teacher")),
                List.of(new Perpetrator("police", "Terörle Mücadele Şubesi", "komiser", "")), "Üç gün tutuldu.");
        vaultWith(new TestimonyContent("Öğretmenin gözaltına alınması",
                new Interview(LocalDate.of(2021, 5, 3), "Köln", "E. K.", List.of("Türkçe"), "avukat"),
                new Interviewee("Ayşe", "", "mağdurun kendisi"),
                List.of(new Incident("Ankara'da gözaltı", List.of(act))), "Sabah erken geldiler."));
    }

    @Test
    void turkishSettingsShowTurkishScreens(FxRobot robot) {
        waitUntil(() -> showing(robot, "#unlockScreen"));
        Button unlock = robot.lookup("#unlockButton").queryButton();
        assertThat(unlock.getText().replace("_", "")).isEqualTo("Kilidi aç");
        UiTestSupport.screenshot(stage.getScene(), "06-tr-unlock");

        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        MenuBar menus = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        assertThat(menus.getMenus()).extracting(m -> m.getText().replace("_", ""))
                .containsExactly("Tanıklık", "Kasa", "Yardım");
        // The status shown in the list is the Turkish word from the UI bundle, not the English one.
        java.util.ResourceBundle tr = java.util.ResourceBundle.getBundle("org.tanik.ui.i18n.ui",
                java.util.Locale.forLanguageTag("tr"));
        java.util.ResourceBundle en = java.util.ResourceBundle.getBundle("org.tanik.ui.i18n.ui", java.util.Locale.ROOT);
        assertThat(tr.getString("status.DRAFT")).isEqualTo("Taslak").isNotEqualTo(en.getString("status.DRAFT"));
        waitUntil(() -> robot.lookup(".testimony-table .table-cell").queryAll().stream()
                .anyMatch(c -> tr.getString("status.DRAFT").equals(((javafx.scene.control.Labeled) c).getText())));
        assertThat(robot.lookup("Keyfi gözaltı veya tutuklama").tryQuery()).isPresent();
        UiTestSupport.screenshot(stage.getScene(), "07-tr-list");

        robot.doubleClickOn("Öğretmenin gözaltına alınması");
        waitUntil(() -> showing(robot, "#editorScreen"));
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getText())
                .containsExactly("Görüşme", "Görüşülen kişi", "Olaylar", "Anlatı", "Rıza", "Ekler");
        robot.interact(() -> tabs.getSelectionModel().select(2));
        // The act's type is the stored one, shown with its Turkish label from the vocabulary.
        javafx.scene.control.ComboBox<Object> actType = robot.lookup(".act-type").queryComboBox();
        String turkishType = org.tanik.model.Vocabulary.load().violationType("arbitrary_detention").orElseThrow()
                .labels().get("tr");
        assertThat(turkishType).isEqualTo("Keyfi gözaltı veya tutuklama");
        assertThat(((org.tanik.model.Term) actType.getSelectionModel().getSelectedItem()).code())
                .isEqualTo("arbitrary_detention");
        assertThat(actType.getConverter().toString(actType.getValue()))
                .as("text the act type box shows for its value").isEqualTo(turkishType);
        UiTestSupport.screenshot(stage.getScene(), "08-tr-editor-act");
        robot.interact(() -> tabs.getSelectionModel().select(1));
        assertThat(tr.getString("confidential")).isEqualTo("Gizli").isNotEqualTo(en.getString("confidential"));
        assertThat(robot.lookup(tr.getString("confidential")).tryQuery()).isPresent();
        assertThat(robot.lookup(en.getString("confidential")).tryQuery()).as("no English left").isEmpty();
        UiTestSupport.screenshot(stage.getScene(), "09-tr-interviewee");
    }
}
