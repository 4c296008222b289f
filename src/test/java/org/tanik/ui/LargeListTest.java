package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.ui.UiTestSupport.waitUntil;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.tanik.model.Act;
import org.tanik.model.Incident;
import org.tanik.model.Interview;
import org.tanik.model.PartialDate;
import org.tanik.model.Place;
import org.tanik.model.Term;
import org.tanik.model.TestimonyContent;
import org.tanik.store.VaultSession;
import org.testfx.api.FxRobot;

/** The list on a real vault with many testimonies: loads in the background, filters and sorts in memory. */
class LargeListTest extends AppTestBase {

    /** 10,000 rows are covered without the GUI in TestimonyListModelTest; here, enough to scroll, quickly. */
    static final int COUNT = 2_000;
    static final String[] TITLES = {"Gözaltında kötü muamele", "KHK ile ihraç edilen öğretmen", "Pasaport iptali",
        "Avukatla görüşme engeli", "Kayıp: Ankara'dan kaçırılma", "Cezaevinde tedavi engeli"};
    static final String[] TYPES = {"torture", "decree_dismissal", "passport_cancellation", "lawyer_access_denied",
        "enforced_disappearance", "medical_care_denied"};

    @Override
    void prepare() {
        try (VaultSession s = services.vaults().create(services.directories().vault(),
                UiTestSupport.PASSPHRASE.toCharArray())) {
            for (int i = 0; i < COUNT; i++) {
                int k = i % TITLES.length;
                Act act = new Act(TYPES[k], PartialDate.year(2016 + i % 5), null,
                        new Place(String.format("%02d", 1 + i % 81), "", ""), List.of(), List.of(), "");
                String id = s.testimonies().create(new TestimonyContent(TITLES[k] + " " + i,
                        new Interview(LocalDate.of(2018, 1, 1).plusDays(i % 1500), "", "", List.of(), ""), null,
                        List.of(new Incident("", List.of(act))), "")).id();
                if (i % 3 == 0) {
                    s.testimonies().seal(id);
                }
            }
        }
    }

    /** The title column's values, row by row, as the table shows them. */
    static List<String> titles(TableView<Object> table) {
        List<String> out = new java.util.ArrayList<>();
        org.testfx.util.WaitForAsyncUtils.waitFor(org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                out.add(String.valueOf(table.getColumns().get(0).getCellData(i)));
            }
        }));
        return out;
    }

    static int count(java.util.function.IntPredicate p) {
        return (int) java.util.stream.IntStream.range(0, COUNT).filter(p).count();
    }

    @Test
    void manyTestimoniesListFilterAndSort(FxRobot robot) {
        UiTestSupport.unlock(robot, UiTestSupport.PASSPHRASE);
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup(".testimony-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == COUNT);
        UiTestSupport.screenshot(stage.getScene(), "05-main-list");

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("pasaport");
        waitUntil(() -> table.getItems().size() == count(i -> i % TITLES.length == 2));

        @SuppressWarnings("unchecked")
        ComboBox<Term> type = robot.lookup("#typeFilter").queryAs(ComboBox.class);
        robot.interact(() -> type.getItems().stream().filter(t -> t.code().equals("torture")).findFirst()
                .ifPresent(type::setValue));
        assertThat(table.getItems()).isEmpty();
        robot.interact(() -> robot.lookup("#filter").queryTextInputControl().clear());
        waitUntil(() -> table.getItems().size() == count(i -> i % TITLES.length == 0));

        @SuppressWarnings("unchecked")
        ComboBox<String> status = robot.lookup("#statusFilter").queryAs(ComboBox.class);
        robot.interact(() -> type.setValue(type.getItems().get(0)));
        robot.interact(() -> status.setValue("SEALED"));
        waitUntil(() -> table.getItems().size() == count(i -> i % 3 == 0));
        UiTestSupport.screenshot(stage.getScene(), "05b-main-list-filtered");

        // Sorting by title: the rows must end up in exactly the order of the titles the test wrote.
        List<String> expected = java.util.stream.IntStream.range(0, COUNT).filter(i -> i % 3 == 0)
                .mapToObj(i -> TITLES[i % TITLES.length] + " " + i).sorted().toList();
        assertThat(titles(table)).as("before the click: newest first, not by title")
                .containsExactlyInAnyOrderElementsOf(expected).isNotEqualTo(expected);
        robot.clickOn((javafx.scene.Node) robot.lookup(".column-header").nth(0).query());
        waitUntil(() -> titles(table).equals(expected));
        assertThat(titles(table)).containsExactlyElementsOf(expected);
    }
}
