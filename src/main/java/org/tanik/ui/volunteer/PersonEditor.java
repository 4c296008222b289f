package org.tanik.ui.volunteer;

import java.util.Arrays;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.tanik.model.Person;
import org.tanik.model.Sex;
import org.tanik.model.Term;
import org.tanik.ui.common.ConfidentialBadge;
import org.tanik.ui.common.Terms;
import org.tanik.ui.common.TypeAhead;

/** One victim on one line: name (confidential), sex, birth year, occupation. */
final class PersonEditor implements ItemEditor<Person> {

    static final double NAME_WIDTH = 240;
    static final double SEX_WIDTH = 130;
    /** Room for the hint "Year of birth" / "Doğum yılı" (90 px cut it to "Doğum yı"). */
    static final double YEAR_WIDTH = 120;
    static final double OCCUPATION_WIDTH = 230;

    private final HBox row = new HBox(8);
    private final TextField name = new TextField();
    private final ComboBox<Sex> sex = new ComboBox<>(FXCollections.observableArrayList(Sex.values()));
    private final TextField birthYear = new TextField();
    private final ComboBox<Term> occupation;

    PersonEditor(FormContext context, Person person) {
        occupation = Terms.comboBox(context.vocabulary.occupations(), context.text.locale(), "—");
        name.setPromptText(context.text.get("person.name"));
        name.getStyleClass().add("confidential-field");
        name.setPrefWidth(NAME_WIDTH);
        sex.setConverter(new StringConverter<>() {
            @Override
            public String toString(Sex s) {
                return s == null ? "" : context.text.get("sex." + s.name());
            }

            @Override
            public Sex fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        TypeAhead.install(sex);
        sex.setPrefWidth(SEX_WIDTH);
        birthYear.setPromptText(context.text.get("person.birthYear"));
        birthYear.setPrefWidth(YEAR_WIDTH);
        // Wider still where a font or a language needs it: a hint is never cut.
        org.tanik.ui.common.Fit.prompt(birthYear);
        birthYear.setTextFormatter(new TextFormatter<>(c -> c.getControlNewText().matches("\\d{0,4}") ? c : null));
        occupation.setPrefWidth(OCCUPATION_WIDTH);

        name.setText(person.name());
        sex.setValue(person.sex());
        birthYear.setText(person.birthYear() == null ? "" : person.birthYear().toString());
        Terms.select(occupation, person.occupation());

        context.watch(name);
        context.watch(sex, sex.valueProperty());
        context.watch(birthYear);
        context.watch(occupation, occupation.valueProperty());
        Node lock = ConfidentialBadge.padlock();
        row.setAlignment(Pos.CENTER_LEFT);
        row.getChildren().addAll(name, lock, sex, birthYear, occupation);
        row.getStyleClass().add("person-row");
    }

    /** Column headings above the rows, aligned with the fields. */
    static Node header(FormContext context) {
        HBox h = new HBox(8);
        h.getStyleClass().add("row-header");
        // The name column's heading carries the "confidential" mark; its width includes the row's padlock.
        Label n = new Label(context.text.get("person.name") + " · " + context.text.get("confidential"));
        n.getStyleClass().add("confidential");
        n.setPrefWidth(NAME_WIDTH + 8 + 16);
        Label s = new Label(context.text.get("person.sex"));
        s.setPrefWidth(SEX_WIDTH);
        Label y = new Label(context.text.get("person.birthYear"));
        y.setPrefWidth(YEAR_WIDTH);
        Label o = new Label(context.text.get("person.occupation"));
        o.setPrefWidth(OCCUPATION_WIDTH);
        h.getChildren().addAll(n, s, y, o);
        Arrays.asList(n, s, y, o).forEach(l -> l.setMinWidth(Label.USE_PREF_SIZE));
        return h;
    }

    @Override
    public Node node() {
        return row;
    }

    @Override
    public Person value() {
        Integer year = birthYear.getText().length() == 4 ? Integer.valueOf(birthYear.getText()) : null;
        return new Person(name.getText(), sex.getValue(), year, Terms.code(occupation));
    }

    @Override
    public void focus() {
        name.requestFocus();
    }
}
