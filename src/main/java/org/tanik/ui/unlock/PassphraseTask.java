package org.tanik.ui.unlock;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.Passphrases;
import org.tanik.ui.common.UiText;

/**
 * What the three passphrase screens share: the key derivation runs in the background and the typed
 * passphrases are wiped as soon as it ends, the screen is busy meanwhile, and a failure is said on
 * the screen with the cursor back in the field to type again.
 */
final class PassphraseTask {

    private final BackgroundExecutor executor;
    private final UiText text;
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    PassphraseTask(BackgroundExecutor executor, UiText text) {
        this.executor = executor;
        this.text = text;
    }

    /** True while the work runs: the screen's fields and buttons bind to it. */
    ReadOnlyBooleanProperty busy() {
        return busy;
    }

    /**
     * Runs {@code work} in the background, then wipes {@code secrets} (whether it succeeded or not).
     *
     * @param error where a failure is said (cleared first)
     * @param retry where the cursor goes after a failure
     */
    <T> void run(Callable<T> work, Consumer<T> done, Label error, Node retry, char[]... secrets) {
        error.setText("");
        busy.set(true);
        executor.run(() -> {
            try {
                return work.call();
            } finally {
                Passphrases.wipe(secrets);
            }
        }, result -> {
            busy.set(false);
            done.accept(result);
        }, failure -> {
            busy.set(false);
            error.setText(text.error(failure));
            retry.requestFocus();
        });
    }
}
