package org.tanik.ui.unlock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.ui.common.DirectExecutor;
import org.tanik.ui.common.UiText;
import org.testfx.framework.junit5.ApplicationExtension;

/** The passphrase screens' shared task wipes what was typed whether the work succeeds or fails. */
@ExtendWith(ApplicationExtension.class)
class PassphraseTaskTest {

    private final PassphraseTask task = new PassphraseTask(new DirectExecutor(), new UiText(Locale.ENGLISH));
    private Label error;
    private PasswordField retry;

    /** Controls once the toolkit is up (the extension starts it before each test). */
    @BeforeEach
    void controls() {
        error = new Label("old message");
        retry = new PasswordField();
    }

    @Test
    void theSecretsAreWipedAfterTheWorkAndTheResultIsHandedOn() {
        char[] typed = "correct horse battery".toCharArray();
        char[] seenByWork = new char[typed.length];
        List<String> results = new ArrayList<>();
        task.run(() -> {
            System.arraycopy(typed, 0, seenByWork, 0, typed.length);
            return "opened";
        }, results::add, error, retry, typed);
        assertThat(new String(seenByWork)).isEqualTo("correct horse battery");
        assertThat(typed).containsOnly('\0');
        assertThat(results).containsExactly("opened");
        assertThat(error.getText()).isEmpty();
        assertThat(task.busy().get()).isFalse();
    }

    @Test
    void theSecretsAreWipedWhenTheWorkFailsAndTheFailureIsSaid() {
        char[] old = "first passphrase".toCharArray();
        char[] chosen = "second passphrase".toCharArray();
        List<Object> results = new ArrayList<>();
        task.run(() -> {
            throw new TanikException(Problem.WRONG_PASSPHRASE);
        }, results::add, error, retry, old, chosen);
        assertThat(old).containsOnly('\0');
        assertThat(chosen).containsOnly('\0');
        assertThat(results).isEmpty();
        assertThat(error.getText()).isNotEmpty().isNotEqualTo("old message");
        assertThat(task.busy().get()).isFalse();
    }
}
