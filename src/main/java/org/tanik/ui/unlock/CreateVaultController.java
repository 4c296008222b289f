package org.tanik.ui.unlock;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import org.tanik.session.OpenVault;
import org.tanik.session.VaultAccess;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.Focus;
import org.tanik.ui.common.Navigation;
import org.tanik.ui.common.UiText;

/**
 * First run, after choosing what this laptop is: the passphrase that protects the new vault. A vault
 * made for the coordinator is marked so (inside the vault) before it opens, so that the organisation's
 * set-up follows, also after a restart if the application closes first.
 */
public final class CreateVaultController extends LockedScreen {

    @FXML private PasswordField passphrase;
    @FXML private PasswordField repeat;
    @FXML private Label passphraseLabel;
    @FXML private Label repeatLabel;
    @FXML private ProgressBar strengthBar;
    @FXML private Label strengthLabel;
    @FXML private Label reason;
    @FXML private Label error;
    @FXML private ProgressIndicator progress;
    @FXML private javafx.scene.layout.FlowPane languageLinks;
    @FXML private Label progressLabel;
    @FXML private Button createButton;
    @FXML private Label coordinatorNote;
    private final Role role;
    private final Consumer<Role> choice;
    private NewPassphraseForm form;

    /** @param choice goes back to the first-run choice (with null) */
    public CreateVaultController(VaultAccess vaults, Path directory, BackgroundExecutor executor, UiText text,
                                 Navigation navigation, Consumer<String> languageSwitch, Role role,
                                 Consumer<Role> choice) {
        super(vaults, directory, executor, text, navigation, languageSwitch);
        this.role = role;
        this.choice = choice;
    }

    @FXML
    private void initialize() {
        form = new NewPassphraseForm(text, passphraseLabel, passphrase, repeatLabel, repeat, strengthBar, strengthLabel,
                reason, task.busy());
        createButton.disableProperty().bind(form.notReady().or(task.busy()));
        progress.visibleProperty().bind(task.busy());
        progressLabel.visibleProperty().bind(task.busy());
        coordinatorNote.setVisible(role == Role.COORDINATOR);
        coordinatorNote.setManaged(role == Role.COORDINATOR);
        Focus.whenShown(passphrase);
        showLanguageLinks(languageLinks);
    }

    @FXML
    private void create() {
        if (createButton.isDisabled()) {
            return;
        }
        open(form.take(), role == Role.COORDINATOR ? this::createForCoordinator : vaults::create, error, passphrase);
    }

    /** Creates the vault and marks it as the coordinator's; a vault that cannot be marked is closed again. */
    private OpenVault createForCoordinator(Path directory, char[] chosen) {
        OpenVault created = vaults.create(directory, chosen);
        try {
            created.markOrganisationSetUpPending();
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
        return created;
    }

    @FXML
    private void back() {
        if (!task.busy().get()) {
            choice.accept(null);
        }
    }
}
