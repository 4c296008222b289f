package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.tanik.enrolment.Organisation;
import org.tanik.ui.shell.ShellProbe;
import org.tanik.ui.shell.UiCompositionRoot;
import org.testfx.api.FxRobot;

/**
 * The organisation key's safe keeping on the desktop: "Split the key for safe keeping…" from the
 * organisation's details writes the chosen number of shares (text and page) into a new folder, off
 * the FX thread; "Rotate the key…" does nothing on Enter alone (Cancel is the default) and gives the
 * organisation a new recipient once confirmed.
 */
class CoordinatorKeyCareTest extends AppTestBase {

    final ScriptedFiles files = new ScriptedFiles();

    @Override
    void prepare() {
        new CoordinatorFixture(services, home);
    }

    @Override
    UiCompositionRoot configure(UiCompositionRoot fresh) {
        return ShellProbe.fileChoices(fresh, files);
    }

    @Test
    void splitFromTheDetailsThenRotate(FxRobot robot) throws Exception {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> ShellProbe.coordinatorMode(root));
        waitUntil(() -> robot.lookup(".coordinator-screen").tryQuery().isPresent());

        // The details show the way to the split.
        menu("Organisation details…");
        DialogPane details = dialogWithHeader(null);
        Button split = onFx(() -> (Button) details.lookupAll(".button").stream()
                .filter(n -> n instanceof Button b && b.getText().replace("_", "").startsWith("Split the key"))
                .findFirst().orElseThrow());
        Platform.runLater(split::fire);
        DialogPane splitDialog = dialogWithHeader("Split the key into shares for trusted people to keep on paper");
        @SuppressWarnings("unchecked")
        List<Spinner<Integer>> spinners = onFx(() -> splitDialog.lookupAll(".spinner").stream()
                .map(n -> (Spinner<Integer>) n).toList());
        assertThat(spinners).hasSize(2);
        waitUntil(() -> spinners.get(0).isFocused());
        onFx(() -> {
            spinners.get(0).getValueFactory().setValue(3);
            spinners.get(1).getValueFactory().setValue(2);
            return null;
        });
        // Fewer shares than needed cannot be chosen: the threshold follows the number of shares down.
        onFx(() -> {
            spinners.get(0).getValueFactory().setValue(2);
            return null;
        });
        assertThat(onFx(() -> spinners.get(1).getValue())).isEqualTo(2);
        onFx(() -> {
            spinners.get(0).getValueFactory().setValue(3);
            return null;
        });
        files.toSave.add(home.resolve("papers"));
        // The proposed name is the new folder's; the shares go inside it.
        Path folder = home.resolve("papers").resolve("tanik-key-shares-" + java.time.LocalDate.now(services.clock()));
        Platform.runLater(() -> button(splitDialog, ButtonData.OK_DONE).fire());
        DialogPane done = dialogWithHeader("The shares were written");
        try (Stream<Path> s = Files.list(folder)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).hasSize(6)
                    .filteredOn(n -> n.endsWith(".pdf")).hasSize(3);
        }
        Platform.runLater(() -> button(done, ButtonData.CANCEL_CLOSE).fire());
        waitUntil(() -> dialogWithHeaderOrNull("The shares were written") == null);

        // Rotation: Enter alone cancels.
        String before = recipient();
        menu("Rotate the key…");
        dialogWithHeader("Give the organisation a new key?");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> dialogWithHeaderOrNull("Give the organisation a new key?") == null);
        assertThat(recipient()).isEqualTo(before);

        menu("Rotate the key…");
        DialogPane confirm = dialogWithHeader("Give the organisation a new key?");
        Platform.runLater(() -> button(confirm, ButtonData.OK_DONE).fire());
        DialogPane rotated = dialogWithHeader("The organisation has a new key");
        String shown = onFx(() -> ((TextField) rotated.lookup(".text-field")).getText());
        Platform.runLater(() -> button(rotated, ButtonData.CANCEL_CLOSE).fire());
        waitUntil(() -> dialogWithHeaderOrNull("The organisation has a new key") == null);
        assertThat(shown).isNotEqualTo(before).startsWith("age1");
        assertThat(recipient()).isEqualTo(shown);
    }

    /** The organisation's recipient, read from the open vault. */
    String recipient() {
        return Organisation.require(session()).recipient();
    }

    void menu(String text) {
        MenuItem item = onFx(() -> {
            MenuBar bar = (MenuBar) stage.getScene().getRoot().lookup(".menu-bar");
            for (Menu m : bar.getMenus()) {
                for (MenuItem i : m.getItems()) {
                    if (i.getText() != null && i.getText().replace("_", "").equals(text)) {
                        return i;
                    }
                }
            }
            throw new AssertionError("no menu item " + text);
        });
        Platform.runLater(item::fire);
    }

    static Button button(DialogPane pane, ButtonData data) {
        for (ButtonType t : pane.getButtonTypes()) {
            if (t.getButtonData() == data) {
                return (Button) pane.lookupButton(t);
            }
        }
        throw new AssertionError("no button " + data);
    }

    DialogPane dialogWithHeader(String header) {
        waitUntil(() -> dialogWithHeaderOrNull(header) != null);
        return onFx(() -> dialogWithHeaderOrNull(header));
    }

    DialogPane dialogWithHeaderOrNull(String header) {
        return onFx(() -> {
            for (Window w : Window.getWindows()) {
                if (w != stage && w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p
                        && (header == null || header.equals(p.getHeaderText()))) {
                    return p;
                }
            }
            return null;
        });
    }
}
