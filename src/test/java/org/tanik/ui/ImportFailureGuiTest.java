package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.FailingWrite;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.model.ReceivedBundle;
import org.tanik.session.OpenVault;
import org.tanik.store.StoreInternals;
import org.tanik.store.VaultSession;
import org.tanik.testing.SampleTestimonies;
import org.tanik.volunteer.Outbox;
import org.testfx.api.FxRobot;

/**
 * The disk fills up while dropped bundles are stored. The first group (device A's second bundle,
 * verified long before the big one after it) is committed; storing the group after it fails. The
 * window must say so in one sentence, keep showing the verdict of what was stored, say that the
 * other files were not imported, and take the same files again once the disk has room.
 */
class ImportFailureGuiTest extends AppTestBase {

    static final int BIG = 300;

    CoordinatorFixture fixture;
    Outbox.Exported big;
    Outbox.Exported last;

    @Override
    void prepare() {
        fixture = new CoordinatorFixture(services, home);
        char[] pass = UiTestSupport.PASSPHRASE.toCharArray();
        try (VaultSession a = services.vaults().open(home.resolve("volunteer-a"), pass.clone())) {
            SampleTestimonies samples = new SampleTestimonies(3);
            for (int i = 0; i < BIG; i++) {
                a.testimonies().seal(a.testimonies().create(samples.next(i)).id());
            }
            big = new Outbox(new OpenVault(a), services.clock()).export(home.resolve("incoming").resolve("device-a-3.tanik"));
            a.testimonies().seal(a.testimonies().create(samples.next(BIG)).id());
            last = new Outbox(new OpenVault(a), services.clock()).export(home.resolve("incoming").resolve("device-a-4.tanik"));
        }
        // The organisation's database will fail writing the last bundle's row, as H2 fails on a full disk.
        try (VaultSession org = services.vaults().open(services.directories().vault(), pass.clone())) {
            FailingWrite.install(StoreInternals.connection(org), "archive_bundle", "bundle_id", last.bundleId(),
                    FailingWrite.Cause.DISK_FULL);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void whatWasStoredKeepsItsVerdictAndTheRestIsSaidNotImported(FxRobot robot) throws Exception {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> robot.lookup(".coordinator-screen").tryQuery().isPresent());
        TableView<ArchiveItem> queue = robot.lookup(".queue-table").queryAs(TableView.class);
        waitUntil(() -> queue.getItems().size() == 1);
        List<Path> files = List.of(fixture.bundleA2, big.file(), last.file());

        assertThat(FileDrags.dropFiles(robot, stage, queue, files).completed()).isTrue();
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane alert = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(alert.getContentText()).isEqualTo("The disk is full. Nothing was lost; free some space and try again.");
        UiTestSupport.screenshot(alert.getScene(), "49-coordinator-import-failed-alert");
        robot.clickOn("Close");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty() && DropImportTest.importFinished(robot));

        // The first group was committed: its verdict stays, and the summary counts it.
        TableView<ImportResult> results = robot.lookup(".import-screen .results-table").queryAs(TableView.class);
        assertThat(results.getItems()).extracting(ImportResult::file, ImportResult::verdict)
                .containsExactly(tuple("device-a-2.tanik", ImportResult.Verdict.IMPORTED));
        assertThat(DropImportTest.status(robot)).isEqualTo("Stopped by the error after 1 of 3 bundles: the files "
                + "without a verdict were not imported; import them again once it is solved. "
                + "Imported: 1. Held until the device is approved: 0. Refused: 0.");
        assertThat(session().coordinator().bundles().all()).extracting(ReceivedBundle::bundleId)
                .doesNotContain(big.bundleId(), last.bundleId()).hasSize(2);
        waitUntil(() -> queue.getItems().size() == 2); // a2's new testimony, and nothing of the big bundle
        UiTestSupport.screenshot(stage.getScene(), "50-coordinator-import-failed");

        // Room on the disk again: the same files, every one with its verdict.
        Connection c = StoreInternals.connection(session());
        FailingWrite.remove(c);
        assertThat(FileDrags.dropFiles(robot, stage, results, files).completed()).isTrue();
        waitUntil(() -> DropImportTest.importFinished(robot) && results.getItems().size() == 3);
        assertThat(results.getItems()).extracting(ImportResult::file, ImportResult::verdict).containsExactly(
                tuple("device-a-2.tanik", ImportResult.Verdict.ALREADY_IMPORTED),
                tuple("device-a-3.tanik", ImportResult.Verdict.IMPORTED),
                tuple("device-a-4.tanik", ImportResult.Verdict.IMPORTED));
        assertThat(DropImportTest.status(robot)).isEqualTo(
                "Imported: 2. Held until the device is approved: 0. Refused: 0. Already imported: 1.");
        waitUntil(() -> queue.getItems().size() == 2 + BIG + 1);
        assertThat(session().coordinator().audit().verify().intact()).isTrue();
    }
}
