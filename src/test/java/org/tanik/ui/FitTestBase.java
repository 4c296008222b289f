package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Window;
import org.tanik.config.Settings;
import org.tanik.ui.common.UiText;
import org.tanik.ui.shell.ShellProbe;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Visits screens and dialogs in English and Turkish at the two small laptop sizes, and fails with
 * every text that is cut ("screen / node / full text / shown text"). Each screen or dialog is one
 * named visit, so new screens are added as one more entry in {@link #visits}.
 */
abstract class FitTestBase extends AppTestBase {

    /** The screens of cheap laptops volunteers carry. */
    static final List<int[]> SIZES = List.of(new int[] {1366, 768}, new int[] {1280, 720});
    static final List<String> LANGUAGES = List.of("en", "tr");

    /** One screen or dialog: brings it up, checks it with {@link #check}, and closes what it opened. */
    interface Visit {
        void run(String screen);
    }

    final Map<String, Visit> visits = new LinkedHashMap<>();
    final List<CutText.Cut> cuts = new ArrayList<>();
    FxRobot robot;
    String language = "en";

    /** Registers the visits in the order they run. */
    abstract void addVisits();

    /** Before each language's round (e.g. unlock again after a locked-screen visit). */
    void beforeLanguage(String lang) {
    }

    void visitEverything(FxRobot robot) {
        this.robot = robot;
        addVisits();
        for (String lang : LANGUAGES) {
            language = lang;
            onFx(() -> {
                ShellProbe.settingsChanged(root, new Settings(lang, 10));
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            beforeLanguage(lang);
            for (int[] size : SIZES) {
                resize(size[0], size[1]);
                for (Map.Entry<String, Visit> visit : visits.entrySet()) {
                    visit.getValue().run(lang + " " + size[0] + "x" + size[1] + " " + visit.getKey());
                }
            }
        }
        assertThat(cuts).as("texts cut off (screen / node / full text / shown text)").isEmpty();
    }

    void resize(int width, int height) {
        onFx(() -> {
            stage.setMaximized(false);
            stage.setWidth(width);
            stage.setHeight(height);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Lays the screen out and records its cut texts; a screen with no text at all is a broken visit. */
    void check(String screen, Parent root) {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        cuts.addAll(onFx(() -> {
            root.applyCss();
            root.layout();
            assertThat(CutText.checked(root)).as("%s shows text to check", screen).isPositive();
            return CutText.find(screen, root);
        }));
    }

    void checkMain(String screen) {
        check(screen, stage.getScene().getRoot());
    }

    String text(String key) {
        return ResourceBundle.getBundle(UiText.BUNDLE, Locale.forLanguageTag(language)).getString(key)
                .replace("_", "");
    }

    /** Fires a menu item of the main window by its text, later: a dialog it opens waits in its own loop. */
    void menu(String key) {
        String wanted = text(key);
        MenuItem item = onFx(() -> {
            MenuBar bar = (MenuBar) stage.getScene().getRoot().lookup(".menu-bar");
            for (Menu m : bar.getMenus()) {
                for (MenuItem i : m.getItems()) {
                    if (i.getText() != null && i.getText().replace("_", "").equals(wanted)) {
                        return i;
                    }
                }
            }
            throw new AssertionError("no menu item " + wanted);
        });
        Platform.runLater(item::fire);
    }

    /** Waits for a dialog (an extra window), checks it, and closes it. */
    DialogPane dialog() {
        waitUntil(() -> dialogPane() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(this::dialogPane);
    }

    private DialogPane dialogPane() {
        for (Window w : Window.getWindows()) {
            if (w != stage && w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p) {
                return p;
            }
        }
        return null;
    }

    void checkDialog(String screen) {
        DialogPane pane = dialog();
        check(screen, pane);
        closeDialogs();
    }

    void closeDialogs() {
        onFx(() -> {
            ShellProbe.closeDialogs(root);
            return null;
        });
        waitUntil(() -> dialogPane() == null);
    }

    /** The settings' Protection tab (issue 17). */
    void protection(String screen) {
        openProtection();
        checkDialog(screen);
    }

    /** Opens the settings on their Protection tab. */
    void openProtection() {
        menu("menu.settings");
        waitUntil(() -> robot.lookup("#tabs").tryQuery().isPresent());
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().get(1)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Selects the tab with that fx:id in the first tab pane that has it. */
    void tab(String tabId) {
        onFx(() -> {
            for (Node n : stage.getScene().getRoot().lookupAll(".tab-pane")) {
                TabPane tabs = (TabPane) n;
                for (Tab t : tabs.getTabs()) {
                    if (tabId.equals(t.getId())) {
                        tabs.getSelectionModel().select(t);
                        return null;
                    }
                }
            }
            throw new AssertionError("no tab " + tabId);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
