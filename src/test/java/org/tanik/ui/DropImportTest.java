package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import org.junit.jupiter.api.Test;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.model.ReceivedBundle;
import org.tanik.store.FallBack;
import org.testfx.api.FxRobot;

/**
 * Bundle files dropped on the coordinator's window are imported: a real drag-and-drop gesture
 * (see {@link FileDrags}) released over the review queue, the window's own drop handler, and the
 * verdicts in the import table. A file that is not a bundle is refused with a plain reason, and a
 * drag that carries no files is not taken.
 */
class DropImportTest extends AppTestBase {

    CoordinatorFixture fixture;

    @Override
    void prepare() {
        fixture = new CoordinatorFixture(services, home);
    }

    @Test
    @SuppressWarnings("unchecked")
    void droppedBundleFilesAreImportedWithTheirVerdicts(FxRobot robot) {
        TableView<ArchiveItem> queue = unlocked(robot);
        byte[] markBefore = FallBack.mark(services.directories().vault());

        FileDrags.Done done = FileDrags.dropFiles(robot, stage, queue, List.of(fixture.bundleA2, fixture.bundleB1));
        assertThat(done.transfer()).as("the window took the files as a copy").isEqualTo(TransferMode.COPY);
        assertThat(done.completed()).isTrue();
        assertThat(done.acceptedBy()).as("the window's own drop handler").isSameAs(coordinatorWindow(robot));
        assertThat(isInside(done.over(), queue)).as("released over the review queue, not the window's bare pane").isTrue();

        TableView<ImportResult> results = robot.lookup(".import-screen .results-table").queryAs(TableView.class);
        waitUntil(() -> importFinished(robot) && results.getItems().size() == 2);
        assertThat(selectedTab(robot)).isEqualTo("Import");
        assertThat(results.getItems()).extracting(ImportResult::file, ImportResult::verdict).containsExactly(
                tuple("device-a-2.tanik", ImportResult.Verdict.IMPORTED),
                tuple("device-b-1.tanik", ImportResult.Verdict.QUARANTINED));
        assertThat(verdictCells(robot)).containsExactly("Imported", "Held");
        assertThat(status(robot)).isEqualTo(
                "Imported: 1. Held until the device is approved: 1. Refused: 0.");
        assertThat(session().coordinator().bundles().all()).extracting(ReceivedBundle::state).containsExactlyInAnyOrder(
                ReceivedBundle.State.IMPORTED, ReceivedBundle.State.IMPORTED, ReceivedBundle.State.QUARANTINED);
        waitUntil(() -> queue.getItems().size() == 2); // a2's new testimony joins the review queue
        // The import ended with a checkpoint, so that losing it to a damaged file would be noticed.
        waitUntil(() -> !java.util.Arrays.equals(markBefore, FallBack.mark(services.directories().vault())));
        UiTestSupport.screenshot(stage.getScene(), "39-coordinator-dropped-files");

        // The same bundle again: counted as already imported, not as nothing.
        assertThat(FileDrags.dropFiles(robot, stage, results, List.of(fixture.bundleA2)).completed()).isTrue();
        waitUntil(() -> importFinished(robot) && results.getItems().size() == 1
                && results.getItems().get(0).verdict() == ImportResult.Verdict.ALREADY_IMPORTED);
        assertThat(status(robot)).isEqualTo(
                "Imported: 0. Held until the device is approved: 0. Refused: 0. Already imported: 1.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDroppedFileThatIsNotABundleIsRefusedWithAPlainReason(FxRobot robot) throws Exception {
        TableView<ArchiveItem> queue = unlocked(robot);
        Path notes = Files.writeString(home.resolve("notes.txt"), "Görüşme notları, paket değil.\n");

        FileDrags.Done done = FileDrags.dropFiles(robot, stage, queue, List.of(notes));
        assertThat(done.completed()).isTrue();
        TableView<ImportResult> results = robot.lookup(".import-screen .results-table").queryAs(TableView.class);
        waitUntil(() -> importFinished(robot) && results.getItems().size() == 1);
        assertThat(results.getItems()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("notes.txt");
            assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.REJECTED);
        });
        assertThat(verdictCells(robot)).containsExactly("Refused");
        assertThat(detailCells(robot)).containsExactly(
                "The bundle's encryption header is damaged, or this is not a bundle file.");
        assertThat(status(robot)).isEqualTo("Imported: 0. Held until the device is approved: 0. Refused: 1.");
        assertThat(robot.lookup(".dialog-pane").tryQuery()).as("a refusal, not an error dialog").isEmpty();
        assertThat(session().coordinator().bundles().all()).hasSize(1);
        assertThat(session().coordinator().audit().verify().intact()).isTrue();

        // The window still takes bundles afterwards.
        assertThat(FileDrags.dropFiles(robot, stage, results, List.of(fixture.bundleA2)).completed()).isTrue();
        waitUntil(() -> importFinished(robot) && results.getItems().size() == 1
                && results.getItems().get(0).file().equals("device-a-2.tanik"));
        assertThat(results.getItems().get(0).verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDragWithoutFilesIsNotTaken(FxRobot robot) {
        TableView<ArchiveItem> queue = unlocked(robot);
        ClipboardContent text = new ClipboardContent();
        text.putString(fixture.bundleA2.toString());

        FileDrags.Done done = FileDrags.drop(robot, stage, queue, text);
        assertThat(done.transfer()).as("no handler accepted it").isNull();
        assertThat(done.acceptedBy()).isNull();
        assertThat(done.completed()).isFalse();
        assertThat(selectedTab(robot)).isEqualTo("Review queue");
        TableView<ImportResult> results = robot.lookup(".import-screen .results-table").queryAs(TableView.class);
        assertThat(results.getItems()).isEmpty();
        assertThat(session().coordinator().bundles().all()).hasSize(1);
    }

    private TableView<ArchiveItem> unlocked(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> robot.lookup(".coordinator-screen").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<ArchiveItem> queue = robot.lookup(".queue-table").queryAs(TableView.class);
        waitUntil(() -> queue.getItems().size() == 1);
        return queue;
    }

    static Node coordinatorWindow(FxRobot robot) {
        return robot.lookup(".coordinator-screen").query();
    }

    static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    static boolean importFinished(FxRobot robot) {
        Button importButton = robot.lookup(".import-screen #importButton").queryAs(Button.class);
        return importButton.isVisible() && !importButton.isDisabled();
    }

    static String status(FxRobot robot) {
        return UiTestSupport.onFx(() -> robot.lookup(".import-screen #status").queryAs(Label.class).getText());
    }

    static String selectedTab(FxRobot robot) {
        return UiTestSupport.onFx(() -> {
            Tab tab = robot.lookup(".coordinator-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem();
            return tab.getText();
        });
    }

    /** The verdict column as shown, row by row. */
    static List<String> verdictCells(FxRobot robot) {
        return cells(robot, 1);
    }

    static List<String> detailCells(FxRobot robot) {
        return cells(robot, 2);
    }

    @SuppressWarnings("unchecked")
    private static List<String> cells(FxRobot robot, int column) {
        return UiTestSupport.onFx(() -> {
            TableView<ImportResult> table = robot.lookup(".import-screen .results-table").queryAs(TableView.class);
            table.layout();
            return robot.from(table).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                    .filter(c -> c.getTableColumn() == table.getColumns().get(column) && !c.isEmpty()
                            && c.getIndex() < table.getItems().size())
                    .sorted(java.util.Comparator.comparingInt(TableCell::getIndex))
                    // A wrapping cell (file, details) shows its text as a Text graphic.
                    .map(c -> c.getGraphic() instanceof javafx.scene.text.Text t ? t.getText() : c.getText())
                    .toList();
        });
    }
}
