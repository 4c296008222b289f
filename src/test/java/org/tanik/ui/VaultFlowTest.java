package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.showing;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.AppServices;
import org.tanik.model.Act;
import org.tanik.model.Term;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonySummary;
import org.tanik.store.VaultSession;
import org.tanik.ui.shell.ShellProbe;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole first-run journey on the real application: create, record, lock, unlock, find it intact. */
class VaultFlowTest extends AppTestBase {

    @Test
    void createRecordLockUnlockAndFindItIntact(FxRobot robot) {
        // First run: the choice of what this laptop is, then the create screen, with the passphrase field focused.
        waitUntil(() -> showing(robot, "#firstRunScreen"));
        robot.clickOn("#volunteerChoice");
        waitUntil(() -> showing(robot, "#createVaultScreen"));
        UiTestSupport.screenshot(stage.getScene(), "01-create-vault-empty");
        Button create = robot.lookup("#createButton").queryButton();
        assertThat(create.isDisabled()).isTrue();

        robot.write("short");
        waitUntil(() -> robot.lookup("#reason").queryAs(Label.class).getText().length() > 0);
        assertThat(create.isDisabled()).as("a weak passphrase is refused").isTrue();
        robot.interact(() -> robot.lookup("#passphrase").queryAs(javafx.scene.control.PasswordField.class).clear());

        UiTestSupport.typePassphrase(robot, "#passphrase", UiTestSupport.PASSPHRASE);
        UiTestSupport.typePassphrase(robot, "#repeat", UiTestSupport.PASSPHRASE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(create.isDisabled()).isFalse();
        UiTestSupport.screenshot(stage.getScene(), "02-create-vault-strong");
        robot.clickOn(create);
        waitUntil(() -> showing(robot, "#mainScreen"));

        // A new testimony: title, narrative, an act with type and province.
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> showing(robot, "#editorScreen"));
        waitUntil(() -> robot.lookup("#title").queryAs(TextField.class).isFocused());
        robot.write("Gözaltı Ankara");
        // The interviewer and the people present name people: marked like the interviewee's name.
        assertThat(robot.lookup("#interviewer").queryAs(TextField.class).getStyleClass()).contains("confidential-field");
        assertThat(robot.lookup("#present").queryAs(TextField.class).getStyleClass()).contains("confidential-field");

        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(3));
        robot.clickOn("#narrative").write("Anlatı metni");

        robot.interact(() -> tabs.getSelectionModel().select(2));
        robot.clickOn(robot.lookup(".incidents > .add-button").queryButton());
        ComboBox<Term> type = robot.lookup(".act-type").queryComboBox();
        robot.interact(type::requestFocus);
        robot.write("tort");
        ComboBox<Term> province = robot.lookup(".act-province").queryComboBox();
        robot.interact(province::requestFocus);
        robot.write("ank");
        assertThat(type.getValue().code()).isEqualTo("torture");
        assertThat(province.getValue().code()).isEqualTo("06");
        javafx.scene.control.CheckBox sensitive = robot.lookup(".act-sensitive-dates").queryAs(javafx.scene.control.CheckBox.class);
        assertThat(sensitive.isSelected()).as("off unless the volunteer says so").isFalse();
        robot.clickOn(sensitive);
        assertThat(sensitive.isSelected()).isTrue();
        UiTestSupport.screenshot(stage.getScene(), "04-editor-act");

        // Lock with the shortcut straight away: the pending edits must be saved first.
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> showing(robot, "#unlockScreen"));
        assertThat(ShellProbe.vault(root)).isEmpty();
        assertThat(robot.lookup("#mainScreen").tryQuery()).isEmpty();

        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup(".testimony-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(robot.lookup("Gözaltı Ankara").tryQuery()).isPresent();
        assertThat(robot.lookup("Torture or ill-treatment").tryQuery()).isPresent();
        assertThat(robot.lookup("Draft").tryQuery()).isPresent();

        robot.doubleClickOn("Gözaltı Ankara");
        waitUntil(() -> showing(robot, "#editorScreen"));
        assertThat(robot.lookup("#title").queryAs(TextField.class).getText()).isEqualTo("Gözaltı Ankara");
        assertThat(robot.lookup("#narrative").queryAs(TextArea.class).getText()).isEqualTo("Anlatı metni");
        assertThat(robot.lookup(".act-type").queryComboBox().getValue()).extracting(v -> ((Term) v).code())
                .isEqualTo("torture");
        assertThat(robot.lookup(".act-province").queryComboBox().getValue()).extracting(v -> ((Term) v).code())
                .isEqualTo("06");
        assertThat(robot.lookup(".act-sensitive-dates").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();

        // And the store agrees.
        VaultSession session = ShellProbe.store(root);
        List<TestimonySummary> listed = session.testimonies().list();
        assertThat(listed).singleElement().satisfies(s -> {
            assertThat(s.title()).isEqualTo("Gözaltı Ankara");
            assertThat(s.violationTypes()).containsExactly("torture");
        });
        Testimony stored = session.testimonies().latest(listed.get(0).id());
        assertThat(stored.content().narrative()).isEqualTo("Anlatı metni");
        Act act = stored.content().incidents().get(0).acts().get(0);
        assertThat(act.type()).isEqualTo("torture");
        assertThat(act.place().province()).isEqualTo("06");
        assertThat(act.sensitiveDates()).isTrue();
    }
}
