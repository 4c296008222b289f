package org.tanik.ui.volunteer;

import java.util.List;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.tanik.model.Status;

/**
 * The rows of the testimony list and its filters (text in the title, status, violation type, sent or not).
 * Pure collections, no controls: the table binds to {@link #sorted()}.
 */
final class TestimonyListModel {

    private final ObservableList<ListRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ListRow> filtered = new FilteredList<>(rows);
    private final SortedList<ListRow> sorted = new SortedList<>(filtered);
    private final StringProperty text = new SimpleStringProperty("");
    /** null means every status. */
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>();
    /** "" means every violation type. */
    private final StringProperty violationType = new SimpleStringProperty("");
    /** null means sent or not; true only testimonies whose latest version is in a bundle; false the others. */
    private final ObjectProperty<Boolean> sent = new SimpleObjectProperty<>();

    TestimonyListModel() {
        text.addListener((o, a, b) -> refilter());
        status.addListener((o, a, b) -> refilter());
        violationType.addListener((o, a, b) -> refilter());
        sent.addListener((o, a, b) -> refilter());
    }

    SortedList<ListRow> sorted() {
        return sorted;
    }

    ObservableList<ListRow> rows() {
        return rows;
    }

    int shownCount() {
        return filtered.size();
    }

    FilteredList<ListRow> filtered() {
        return filtered;
    }

    StringProperty textProperty() {
        return text;
    }

    ObjectProperty<Status> statusProperty() {
        return status;
    }

    StringProperty violationTypeProperty() {
        return violationType;
    }

    ObjectProperty<Boolean> sentProperty() {
        return sent;
    }

    void setAll(List<ListRow> all) {
        rows.setAll(all);
    }

    /** Replaces the row of the same testimony, or adds it at the top. */
    void upsert(ListRow row) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(row.id())) {
                // A save does not change what went out earlier: keep it unless the new row knows better.
                rows.set(i, row.sentStatus().isPresent() ? row : row.withSent(rows.get(i).sentStatus()));
                return;
            }
        }
        rows.add(0, row);
    }

    void clear() {
        rows.clear();
    }

    private void refilter() {
        String needle = ListRow.fold(text.get().strip());
        Status wantedStatus = status.get();
        String wantedType = violationType.get() == null ? "" : violationType.get();
        Boolean wantedSent = sent.get();
        Predicate<ListRow> p = r -> (needle.isEmpty() || r.searchTitle().contains(needle))
                && (wantedStatus == null || r.status() == wantedStatus)
                && (wantedType.isEmpty() || r.violationTypes().contains(wantedType))
                && (wantedSent == null || r.sent() == wantedSent);
        filtered.setPredicate(p);
    }
}
