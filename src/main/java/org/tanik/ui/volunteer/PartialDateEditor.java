package org.tanik.ui.volunteer;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.tanik.model.DatePrecision;
import org.tanik.model.PartialDate;
import org.tanik.ui.common.Shown;
import org.tanik.ui.common.TypeAhead;

/**
 * A date known to some precision: first say how much is known (exact, month, year, unknown), then
 * only the matching inputs appear. Sources often remember just "summer 2016" or "March 2017".
 */
final class PartialDateEditor extends HBox {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final ComboBox<DatePrecision> precision = new ComboBox<>(
            FXCollections.observableArrayList(DatePrecision.values()));
    private final DatePicker exact = new DatePicker();
    private final ComboBox<Integer> month = new ComboBox<>(
            FXCollections.observableArrayList(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
    private final TextField year = new TextField();

    PartialDateEditor(FormContext context, PartialDate value) {
        super(8);
        getStyleClass().add("partial-date");
        precision.setConverter(new StringConverter<>() {
            @Override
            public String toString(DatePrecision p) {
                return p == null ? "" : context.text.get("precision." + p.name());
            }

            @Override
            public DatePrecision fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        month.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer m) {
                return m == null ? "" : Month.of(m).getDisplayName(TextStyle.FULL_STANDALONE, context.text.locale());
            }

            @Override
            public Integer fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        month.setPromptText(context.text.get("date.month"));
        TypeAhead.install(month);
        TypeAhead.install(precision);
        year.setPromptText(context.text.get("date.year"));
        year.setPrefColumnCount(5);
        year.setTextFormatter(new TextFormatter<>(c -> c.getControlNewText().matches("\\d{0,4}") ? c : null));
        exact.setPrefWidth(150);
        exact.setConverter(context.text.dates().converter());
        exact.setPromptText(context.text.get("date.exactPrompt"));

        set(value);
        context.watch(precision, precision.valueProperty());
        context.watch(exact, exact.valueProperty());
        context.watch(month, month.valueProperty());
        context.watch(year);
        precision.valueProperty().addListener((o, a, b) -> showInputs());
        year.textProperty().addListener((o, a, b) -> markValidity());
        showInputs();
        getChildren().addAll(precision, exact, month, year);
    }

    ComboBox<DatePrecision> precisionBox() {
        return precision;
    }

    private void set(PartialDate d) {
        precision.setValue(d.precision());
        switch (d.precision()) {
            case EXACT -> exact.setValue(LocalDate.of(d.year(), d.month(), d.day()));
            case MONTH -> {
                month.setValue(d.month());
                year.setText(Integer.toString(d.year()));
            }
            case YEAR -> year.setText(Integer.toString(d.year()));
            case UNKNOWN -> {
            }
        }
    }

    /** The date as typed; an incomplete entry counts as unknown (and is marked so the user sees it). */
    PartialDate value() {
        DatePrecision p = precision.getValue() == null ? DatePrecision.UNKNOWN : precision.getValue();
        return switch (p) {
            case EXACT -> exact.getValue() == null ? PartialDate.UNKNOWN : PartialDate.exact(exact.getValue());
            case MONTH -> validYear() && month.getValue() != null
                    ? PartialDate.month(Integer.parseInt(year.getText()), month.getValue()) : PartialDate.UNKNOWN;
            case YEAR -> validYear() ? PartialDate.year(Integer.parseInt(year.getText())) : PartialDate.UNKNOWN;
            case UNKNOWN -> PartialDate.UNKNOWN;
        };
    }

    private boolean validYear() {
        String y = year.getText();
        return y != null && y.length() == 4 && Integer.parseInt(y) >= 1900;
    }

    private void showInputs() {
        DatePrecision p = precision.getValue() == null ? DatePrecision.UNKNOWN : precision.getValue();
        Shown.set(exact, p == DatePrecision.EXACT);
        Shown.set(month, p == DatePrecision.MONTH);
        Shown.set(year, p == DatePrecision.MONTH || p == DatePrecision.YEAR);
        markValidity();
    }

    private void markValidity() {
        boolean needsYear = year.isVisible();
        year.pseudoClassStateChanged(INVALID, needsYear && !year.getText().isEmpty() && !validYear());
    }
}
