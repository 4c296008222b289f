package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.onFx;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.tanik.ui.shell.ShellProbe;
import org.tanik.ui.shell.UiCompositionRoot;
import org.testfx.api.FxRobot;

/**
 * A coordinator exports the testimony shown as a case dossier from the archive view, by keyboard:
 * Ctrl+E, the redaction level, the file; the dialog shows progress and then the file, which is a PDF
 * that exists where the dialog says, and the export is in the audit log with the file's SHA-256. A
 * full export (names kept) asks first and names the place; declining writes nothing.
 */
class CoordinatorExportTest extends AppTestBase {

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
    void exportTheShownTestimonyAsAnAnonymisedDossier(FxRobot robot) throws Exception {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> ShellProbe.coordinatorMode(root));
        waitUntil(() -> robot.lookup(".coordinator-screen").tryQuery().isPresent());
        // The queue selects its first testimony once the index is built.
        waitUntil(() -> robot.lookup(".table-row-cell .text").tryQuery().isPresent());

        Path out = Files.createDirectories(home.resolve("reports"));
        files.toSave.add(out);
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        DialogPane choices = dialogWithHeader("What goes into the file, and how much of it");
        RadioButton shown = radio(choices, "The testimony shown");
        assertThat(onFx(shown::isSelected)).isTrue();
        assertThat(onFx(() -> radio(choices, "Confidential removed").isSelected()))
                .as("the safe level is the default").isTrue();
        RadioButton anonymised = radio(choices, "Anonymised");
        onFx(() -> {
            anonymised.setSelected(true);
            return null;
        });
        Platform.runLater(() -> button(choices, ButtonData.OK_DONE).fire());

        DialogPane done = dialogWithHeader("The file was written");
        String name = files.proposedNames.get(0);
        assertThat(name).endsWith(".pdf").contains("anonymised");
        Path pdf = out.resolve(name);
        assertThat(pdf).exists();
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        // Anonymised: the title is there; the interviewee's name and the victim's are not (the fixture's
        // "A. Y." and "Tanık kişi"), nor in the file's bytes.
        String text;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("Gözaltında işkence iddiası").doesNotContain("A. Y.").doesNotContain("Tanık kişi");
        String status = onFx(() -> done.lookupAll(".label").stream().map(n -> ((Label) n).getText())
                .filter(t -> t != null && t.startsWith("File: ")).findFirst().orElseThrow());
        assertThat(status).contains(pdf.toString()).contains("Testimonies: 1");
        assertThat(onFx(() -> ((ProgressBar) done.lookup(".progress-bar")).getProgress())).isEqualTo(1.0);
        String sha = onFx(() -> ((TextField) done.lookup(".text-field")).getText());
        assertThat(sha).startsWith("SHA-256 ");
        Button close = button(done, ButtonData.CANCEL_CLOSE);
        assertThat(onFx(close::getText)).isEqualTo("Close");
        waitUntil(close::isFocused);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> dialogWithHeaderOrNull("The file was written") == null);

        // The audit log names the export and the file's hash, never the file's content.
        String hash = sha.substring("SHA-256 ".length());
        assertThat(session().coordinator().audit().entries())
                .anySatisfy(e -> assertThat(e.detail()).contains(hash).contains("anonymised"));

        // Full: asked first, with the place; "Cancel" writes nothing.
        files.toSave.add(out);
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        DialogPane again = dialogWithHeader("What goes into the file, and how much of it");
        onFx(() -> {
            radio(again, "Full").setSelected(true);
            return null;
        });
        Platform.runLater(() -> button(again, ButtonData.OK_DONE).fire());
        DialogPane confirm = dialogWithContaining("It will be written to:");
        String fullName = files.proposedNames.get(1);
        assertThat(onFx(confirm::getContentText)).contains(out.resolve(fullName).toAbsolutePath().normalize().toString());
        Platform.runLater(() -> button(confirm, ButtonData.CANCEL_CLOSE).fire());
        waitUntil(() -> dialogWithContainingOrNull("It will be written to:") == null);
        assertThat(out.resolve(fullName)).doesNotExist();
        try (var left = Files.list(out)) {
            assertThat(left.toList()).containsExactly(pdf);
        }
    }

    static RadioButton radio(DialogPane pane, String startsWith) {
        return onFx(() -> pane.lookupAll(".radio-button").stream().map(n -> (RadioButton) n)
                .filter(r -> r.getText().replace("_", "").startsWith(startsWith)).findFirst()
                .orElseThrow(() -> new AssertionError("no choice " + startsWith)));
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
                        && header.equals(p.getHeaderText())) {
                    return p;
                }
            }
            return null;
        });
    }

    DialogPane dialogWithContaining(String text) {
        waitUntil(() -> dialogWithContainingOrNull(text) != null);
        return onFx(() -> dialogWithContainingOrNull(text));
    }

    DialogPane dialogWithContainingOrNull(String text) {
        return onFx(() -> {
            for (Window w : Window.getWindows()) {
                if (w != stage && w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p
                        && p.getContentText() != null && p.getContentText().contains(text)) {
                    return p;
                }
            }
            return null;
        });
    }
}
