package org.tanik.ui.volunteer;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.tanik.model.Perpetrator;
import org.tanik.model.Term;
import org.tanik.ui.common.ConfidentialBadge;
import org.tanik.ui.common.Terms;

/** One alleged perpetrator on one line: institution, unit, rank, name if known (confidential). */
final class PerpetratorEditor implements ItemEditor<Perpetrator> {

    static final double INSTITUTION_WIDTH = 230;
    static final double UNIT_WIDTH = 180;
    static final double RANK_WIDTH = 130;
    static final double NAME_WIDTH = 200;

    private final HBox row = new HBox(8);
    private final ComboBox<Term> institution;
    private final TextField unit = new TextField();
    private final TextField rank = new TextField();
    private final TextField name = new TextField();

    PerpetratorEditor(FormContext context, Perpetrator perpetrator) {
        institution = Terms.comboBox(context.vocabulary.institutions(), context.text.locale(), "—");
        institution.setPrefWidth(INSTITUTION_WIDTH);
        unit.setPromptText(context.text.get("perpetrator.unit"));
        unit.setPrefWidth(UNIT_WIDTH);
        rank.setPromptText(context.text.get("perpetrator.rank"));
        rank.setPrefWidth(RANK_WIDTH);
        name.setPromptText(context.text.get("perpetrator.name"));
        name.setPrefWidth(NAME_WIDTH);
        name.getStyleClass().add("confidential-field");

        Terms.select(institution, perpetrator.institution());
        unit.setText(perpetrator.unit());
        rank.setText(perpetrator.rank());
        name.setText(perpetrator.name());

        context.watch(institution, institution.valueProperty());
        context.watch(unit);
        context.watch(rank);
        context.watch(name);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getChildren().addAll(institution, unit, rank, name, ConfidentialBadge.padlock());
        row.getStyleClass().add("perpetrator-row");
    }

    static Node header(FormContext context) {
        HBox h = new HBox(8);
        h.getStyleClass().add("row-header");
        Label i = new Label(context.text.get("perpetrator.institution"));
        i.setPrefWidth(INSTITUTION_WIDTH);
        Label u = new Label(context.text.get("perpetrator.unit"));
        u.setPrefWidth(UNIT_WIDTH);
        Label r = new Label(context.text.get("perpetrator.rank"));
        r.setPrefWidth(RANK_WIDTH);
        Label n = new Label(context.text.get("perpetrator.name") + " · " + context.text.get("confidential"));
        n.getStyleClass().add("confidential");
        n.setPrefWidth(NAME_WIDTH + 8 + 16);
        List.of(i, u, r, n).forEach(l -> l.setMinWidth(Label.USE_PREF_SIZE));
        h.getChildren().addAll(i, u, r, n);
        return h;
    }

    @Override
    public Node node() {
        return row;
    }

    @Override
    public Perpetrator value() {
        return new Perpetrator(Terms.code(institution), unit.getText(), rank.getText(), name.getText());
    }

    @Override
    public void focus() {
        institution.requestFocus();
    }
}
