package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.tanik.bundle.BundleLimits;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.imports.ImportPipeline;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.coordinator.imports.RecordValidator;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.enrolment.Organisation;
import org.tanik.store.FallBack;
import org.tanik.store.VaultSession;
import org.testfx.api.FxRobot;

/**
 * A coordinator's vault that went back to before an import says so at unlock, and importing the
 * same bundle again, as the warning advises, brings its testimony back.
 */
class CoordinatorEarlierStateTest extends AppTestBase {

    CoordinatorFixture fixture;

    @Override
    void prepare() {
        fixture = new CoordinatorFixture(services, home);
        FallBack.around(services.directories().vault(), () -> {
            try (VaultSession org = services.vaults().open(services.directories().vault(),
                    UiTestSupport.PASSPHRASE.toCharArray())) {
                X25519Identity identity = Organisation.require(org).identity();
                try {
                    ImportResult r = new ImportPipeline(org.coordinator(), identity, new RecordValidator(services.vocabulary()),
                            null, services.clock(), BundleLimits.DEFAULT).importFile(fixture.bundleA2);
                    assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
                } finally {
                    identity.destroy();
                }
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCoordinatorIsWarnedAndImportingAgainRestoresWhatWasLost(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        ResourceBundle ui = ResourceBundle.getBundle("org.tanik.ui.i18n.ui", Locale.ENGLISH);
        assertThat(pane.getContentText()).isEqualTo(ui.getString("vault.earlierState.coordinator"));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());

        TableView<ArchiveItem> queue = robot.lookup(".queue-table").queryAs(TableView.class);
        waitUntil(() -> queue.getItems().size() == 1); // the second bundle's testimony is gone

        assertThat(FileDrags.dropFiles(robot, stage, queue, List.of(fixture.bundleA2)).completed()).isTrue();
        TableView<ImportResult> results = robot.lookup(".import-screen .results-table").queryAs(TableView.class);
        waitUntil(() -> DropImportTest.importFinished(robot) && results.getItems().size() == 1);
        assertThat(results.getItems().get(0).verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
        waitUntil(() -> queue.getItems().size() == 2);
        assertThat(session().coordinator().audit().verify().intact()).isTrue();
    }
}
