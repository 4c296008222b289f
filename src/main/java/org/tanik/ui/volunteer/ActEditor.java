package org.tanik.ui.volunteer;

import java.util.List;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tanik.model.Act;
import org.tanik.model.Perpetrator;
import org.tanik.model.Person;
import org.tanik.model.Place;
import org.tanik.model.Term;
import org.tanik.ui.common.Terms;

/**
 * One act: what was done (type), when (and whether those dates could identify someone), where, to
 * whom, by whom, and notes.
 */
final class ActEditor implements ItemEditor<Act> {

    private final VBox box = new VBox(10);
    private final ComboBox<Term> type;
    private final PartialDateEditor start;
    private final PartialDateEditor end;
    private final CheckBox sensitiveDates;
    private final ComboBox<Term> province;
    private final TextField district = new TextField();
    private final TextField facility = new TextField();
    private final EditableList<Person> victims;
    private final EditableList<Perpetrator> perpetrators;
    private final TextArea notes = new TextArea();

    ActEditor(FormContext context, Act act) {
        type = Terms.comboBox(context.vocabulary.violationTypes(), context.text.locale(), context.text.get("act.typeNone"));
        type.getStyleClass().add("act-type");
        province = Terms.comboBox(context.vocabulary.provinces(), context.text.locale(), "—");
        province.getStyleClass().add("act-province");
        start = new PartialDateEditor(context, act.start());
        end = new PartialDateEditor(context, act.end());
        // The volunteer knows when an exact day would point at one person; anonymised exports then give the month.
        sensitiveDates = new CheckBox(context.text.get("act.sensitiveDates"));
        sensitiveDates.setWrapText(true);
        sensitiveDates.getStyleClass().add("act-sensitive-dates");
        sensitiveDates.setSelected(act.sensitiveDates());
        context.watch(sensitiveDates, sensitiveDates.selectedProperty());
        district.getStyleClass().add("act-district");
        facility.getStyleClass().add("act-facility");
        facility.setPromptText(context.text.get("act.facilityPrompt"));
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.getStyleClass().add("act-notes");

        Terms.select(type, act.type());
        Terms.select(province, act.place().province());
        district.setText(act.place().district());
        facility.setText(act.place().facility());
        notes.setText(act.notes());

        context.watch(type, type.valueProperty());
        context.watch(province, province.valueProperty());
        context.watch(district);
        context.watch(facility);
        context.watch(notes);

        victims = new EditableList<>(context, "act.addVictim", "act.removeVictim", PersonEditor.header(context),
                Person::empty, p -> new PersonEditor(context, p));
        victims.setAll(act.victims());
        victims.getStyleClass().add("victims");
        perpetrators = new EditableList<>(context, "act.addPerpetrator", "act.removePerpetrator",
                PerpetratorEditor.header(context), Perpetrator::empty, p -> new PerpetratorEditor(context, p));
        perpetrators.setAll(act.perpetrators());
        perpetrators.getStyleClass().add("perpetrators");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        labels.setMinWidth(Label.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields, labels, fields);
        grid.add(context.label("act.type", type), 0, 0);
        grid.add(type, 1, 0, 3, 1);
        grid.add(context.label("act.start", start.precisionBox()), 0, 1);
        grid.add(start, 1, 1, 3, 1);
        grid.add(context.label("act.end", end.precisionBox()), 0, 2);
        grid.add(end, 1, 2, 3, 1);
        grid.add(sensitiveDates, 1, 3, 3, 1);
        grid.add(context.label("act.province", province), 0, 4);
        grid.add(province, 1, 4);
        grid.add(context.label("act.district", district), 2, 4);
        grid.add(district, 3, 4);
        grid.add(context.label("act.facility", facility), 0, 5);
        grid.add(facility, 1, 5, 3, 1);

        Label victimsTitle = new Label(context.text.get("act.victims"));
        victimsTitle.getStyleClass().add("subsection-title");
        Label perpetratorsTitle = new Label(context.text.get("act.perpetrators"));
        perpetratorsTitle.getStyleClass().add("subsection-title");
        Label title = new Label(context.text.get("act.title"));
        title.getStyleClass().add("card-title");
        box.getStyleClass().add("act-card");
        box.getChildren().addAll(title, grid, victimsTitle, victims, perpetratorsTitle, perpetrators,
                context.label("act.notes", notes), notes);
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public Act value() {
        return new Act(Terms.code(type), start.value(), end.value(),
                new Place(Terms.code(province), district.getText(), facility.getText()),
                List.copyOf(victims.values()), List.copyOf(perpetrators.values()), notes.getText(),
                sensitiveDates.isSelected());
    }

    @Override
    public void focus() {
        type.requestFocus();
    }
}
