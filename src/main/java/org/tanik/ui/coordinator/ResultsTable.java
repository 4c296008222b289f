package org.tanik.ui.coordinator;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.tanik.coordinator.imports.ImportResult;

/** The verdict of each bundle file: file, verdict (coloured), and the reason or notes in the coordinator's language. */
final class ResultsTable {

    private ResultsTable() {
    }

    static TableView<ImportResult> create(CoordinatorContext ctx) {
        TableView<ImportResult> table = new TableView<>();
        table.getStyleClass().add("results-table");
        table.setPlaceholder(new Label(ctx.text.get("import.none")));
        TableColumn<ImportResult, String> file = new TableColumn<>(ctx.text.get("import.column.file"));
        file.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().file()));
        file.setPrefWidth(220);
        TableColumn<ImportResult, ImportResult> verdict = new TableColumn<>(ctx.text.get("import.column.verdict"));
        verdict.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        verdict.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ImportResult r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeIf(s -> s.startsWith("verdict-"));
                if (empty || r == null) {
                    setText(null);
                    return;
                }
                setText(ctx.verdicts.verdict(r.verdict()));
                // A verdict is never cut: the column widens to it.
                org.tanik.ui.common.Fit.wholeCell(this);
                getStyleClass().add("verdict-" + r.verdict().name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        verdict.setPrefWidth(150);
        TableColumn<ImportResult, String> details = new TableColumn<>(ctx.text.get("import.column.details"));
        details.setCellValueFactory(c -> new ReadOnlyStringWrapper(ctx.verdicts.details(c.getValue())));
        details.setPrefWidth(520);
        // The file and the reason are read whole: they wrap instead of ending in "…".
        WrappingCell.install(file);
        WrappingCell.install(details);
        table.getColumns().setAll(java.util.List.of(file, verdict, details));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        org.tanik.ui.common.Fit.headers(table);
        return table;
    }
}
