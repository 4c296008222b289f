package org.tanik.ui.volunteer;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.tanik.model.Act;
import org.tanik.model.Incident;

/** One incident: a short label and its acts. */
final class IncidentEditor implements ItemEditor<Incident> {

    private final VBox box = new VBox(10);
    private final TextField label = new TextField();
    private final EditableList<Act> acts;

    IncidentEditor(FormContext context, Incident incident) {
        label.setText(incident.label());
        label.setPromptText(context.text.get("incident.labelPrompt"));
        label.getStyleClass().add("incident-label");
        context.watch(label);
        acts = new EditableList<>(context, "incident.addAct", "incident.removeAct", null, Act::empty,
                a -> new ActEditor(context, a));
        acts.setAll(incident.acts());
        Label title = new Label(context.text.get("incident.title"));
        title.getStyleClass().add("card-title");
        box.getStyleClass().add("incident-card");
        box.getChildren().addAll(title, context.label("incident.label", label), label, acts);
    }

    /** A new incident starts with one empty act: nearly every incident has at least one. */
    static Incident blank() {
        return new Incident("", List.of(Act.empty()));
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public Incident value() {
        return new Incident(label.getText(), List.copyOf(acts.values()));
    }

    @Override
    public void focus() {
        label.requestFocus();
    }
}
