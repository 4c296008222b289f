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

/**
 * Arabic lays the window out right to left, with fingerprints and hashes kept left to right, and
 * none of the app's own words cut short with an ellipsis: the volunteer's testimony editor and the
 * coordinator's review queue, at 1280×720 (the headless test screen is 1280×800). Screenshots "editor-arabic" and "queue-arabic" are saved
 * for people to look at (target/screenshots). What the two Arabic tests share.
 */
final class RightToLeft {

    private RightToLeft() {
    }


    static final ResourceBundle AR = ResourceBundle.getBundle("org.tanik.ui.i18n.ui", Locale.forLanguageTag("ar"));

    static void laptopScreen(javafx.stage.Stage stage) {
        onFx(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(720);
            return null;
        });
    }

    /** Labeled controls of the app's own text (not cells of a list or table) whose shown text is cut. */
    static List<String> cutShort(Parent root) {
        return onFx(() -> {
            List<String> cut = new ArrayList<>();
            int checked = 0;
            for (Node n : root.lookupAll("*")) {
                if (!(n instanceof Labeled l) || n instanceof Cell || !n.isVisible() || l.getText() == null
                        || l.getText().isBlank() || !visibleUpTo(n, root)) {
                    continue;
                }
                Node shown = l.lookup(".text");
                if (!(shown instanceof Text t)) {
                    continue;
                }
                checked++;
                String full = l.isMnemonicParsing() ? l.getText().replaceFirst("_", "") : l.getText();
                if (!t.getText().equals(full) && t.getText().endsWith(l.getEllipsisString())) {
                    cut.add(full + " shown as " + t.getText());
                }
            }
            // A screen with nothing to check is a broken test, not a passing one.
            assertThat(checked).as("labels checked").isGreaterThan(10);
            return cut;
        });
    }

    private static boolean visibleUpTo(Node n, Parent root) {
        for (Node p = n; p != null && p != root; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

}
