package org.tanik.ui.coordinator;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.tanik.coordinator.OrganisationDesk;
import org.tanik.model.DisplayText;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.Fingerprints;
import org.tanik.ui.common.Focus;
import org.tanik.ui.common.UiText;

/**
 * The coordinator's set-up in a vault created for it, without a terminal: the organisation's name,
 * then its keys (made by {@link OrganisationDesk#init}, the same use case as {@code tanik org init},
 * in the background), then its fingerprint to write down before the coordinator's window opens.
 * Volunteers compare that fingerprint when they join; written on paper, it can be read to them.
 */
public final class OrganisationSetUpController {

    private final OrganisationDesk desk;
    private final BackgroundExecutor executor;
    private final UiText text;
    private final Consumer<String> ready;
    private final Runnable volunteerInstead;
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private String created;

    @FXML private VBox nameStep;
    @FXML private VBox fingerprintStep;
    @FXML private Label nameLabel;
    @FXML private TextField organisationName;
    @FXML private Label error;
    @FXML private ProgressIndicator progress;
    @FXML private Label progressLabel;
    @FXML private Button createButton;
    @FXML private Hyperlink volunteerInsteadLink;
    @FXML private Label organisationLabel;
    @FXML private VBox fingerprintBox;
    @FXML private CheckBox writtenDown;
    @FXML private Button openButton;

    /**
     * @param ready            opens the coordinator's window, with the organisation's name
     * @param volunteerInstead this laptop is a volunteer's after all: the set-up is given up
     */
    public OrganisationSetUpController(OrganisationDesk desk, BackgroundExecutor executor, UiText text,
                                       Consumer<String> ready, Runnable volunteerInstead) {
        this.desk = desk;
        this.executor = executor;
        this.text = text;
        this.ready = ready;
        this.volunteerInstead = volunteerInstead;
    }

    @FXML
    private void initialize() {
        nameLabel.setLabelFor(organisationName);
        organisationName.disableProperty().bind(busy);
        volunteerInsteadLink.disableProperty().bind(busy);
        createButton.disableProperty().bind(busy.or(organisationName.textProperty().isEmpty()));
        progress.visibleProperty().bind(busy);
        progressLabel.visibleProperty().bind(busy);
        openButton.disableProperty().bind(writtenDown.selectedProperty().not());
        Focus.whenShown(organisationName);
    }

    @FXML
    private void create() {
        String name = organisationName.getText().strip();
        if (busy.get() || name.isEmpty()) {
            return;
        }
        error.setText("");
        busy.set(true);
        // Key generation and the sealed writes are blocking work: off the FX thread.
        executor.run(() -> desk.init(name), this::showFingerprint, failure -> {
            busy.set(false);
            error.setText(text.error(failure));
            organisationName.requestFocus();
        });
    }

    private void showFingerprint(OrganisationDesk.Identity org) {
        busy.set(false);
        created = org.name();
        organisationLabel.setText(text.format("coordinator.organisation", DisplayText.isolated(created)));
        fingerprintBox.getChildren().setAll(Fingerprints.large(org.fingerprint()));
        nameStep.setVisible(false);
        nameStep.setManaged(false);
        fingerprintStep.setVisible(true);
        fingerprintStep.setManaged(true);
        writtenDown.requestFocus();
    }

    @FXML
    private void open() {
        if (created != null && writtenDown.isSelected()) {
            ready.accept(created);
        }
    }

    @FXML
    private void volunteerInstead() {
        if (!busy.get()) {
            volunteerInstead.run();
        }
    }
}
