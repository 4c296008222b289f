package org.tanik.cli;

import java.nio.file.Path;
import java.util.function.Function;
import org.tanik.AppServices;
import org.tanik.session.OpenVault;
import org.tanik.session.VaultAccess;

/** What the subcommands share: services, the terminal, and how to unlock the chosen vault. */
final class CommandContext {

    static final String PASSPHRASE_ENV = "TANIK_PASSPHRASE";
    static final String NEW_PASSPHRASE_ENV = "TANIK_NEW_PASSPHRASE";

    final AppServices services;
    /** Creating, unlocking and re-keying vaults: the commands' one way in. */
    final VaultAccess vaults;
    final Terminal terminal;
    final PassphraseSource passphrases;
    final java.util.Locale locale;
    /** What the command line says beyond errors and verdicts, in the user's language. */
    private final org.tanik.i18n.Texts sentences;

    CommandContext(AppServices services, Terminal terminal, java.util.Locale locale) {
        this.services = services;
        this.vaults = services.vaultAccess();
        this.terminal = terminal;
        this.locale = locale;
        this.sentences = org.tanik.i18n.Texts.of("org.tanik.i18n.cli", locale);
        this.passphrases = new PassphraseSource(terminal, key -> text(key));
    }

    Path vaultDir(VaultOptions options) {
        return options.vault != null ? options.vault : services.directories().vault();
    }

    /** A sentence of the command line in the user's language (the {@code cli} bundle). */
    String text(String key, Object... args) {
        return sentences.format(key, args);
    }

    /**
     * Asks the person at the terminal to type the word for yes (or "yes"); anything else stops the
     * command before it changes anything.
     *
     * @param noTerminal what to do instead where nobody can be asked, e.g. the option scripts use
     */
    void confirm(String question, String noTerminal) {
        String answer = terminal.answer().read(question + " ");
        if (answer == null) {
            throw new org.tanik.error.TanikException(org.tanik.error.Problem.NO_CONFIRMATION, noTerminal);
        }
        String typed = answer.strip().toLowerCase(locale);
        if (!typed.equals(text("cli.confirm.yes").toLowerCase(locale)) && !typed.equals("yes")) {
            throw new org.tanik.error.TanikException(org.tanik.error.Problem.NOT_CONFIRMED);
        }
    }

    /** The coordinator's use cases on an open vault. */
    org.tanik.coordinator.CoordinatorDesk desk(OpenVault vault) {
        return new org.tanik.coordinator.CoordinatorDesk(vault, services.vocabulary(), services.clock());
    }

    /**
     * The opening every vault command shares: unlocks the chosen vault, runs {@code work} on it and
     * locks it again, whether the work ends or throws. What the work returns is for printing after
     * the vault is locked.
     */
    <T> T withVault(VaultOptions options, Function<OpenVault, T> work) {
        try (OpenVault vault = open(options)) {
            return work.apply(vault);
        }
    }

    /** Fails with NO_VAULT when {@code dir} holds no vault: said before any passphrase is asked for. */
    Path existingVault(VaultOptions options) {
        Path dir = vaultDir(options);
        if (!vaults.exists(dir)) {
            throw new org.tanik.error.TanikException(org.tanik.error.Problem.NO_VAULT, dir.toString());
        }
        return dir;
    }

    /**
     * Unlocks the chosen vault (the caller locks it) and warns on stderr when it came back at an
     * earlier state. Prefer {@link #withVault}.
     */
    OpenVault open(VaultOptions options) {
        Path dir = existingVault(options);
        char[] passphrase = passphrases.read(options.passphraseFile, PASSPHRASE_ENV, text("cli.prompt.passphrase"), null);
        try {
            OpenVault vault = vaults.unlock(dir, passphrase);
            if (vault.openedEarlierState()) {
                terminal.err().println(text("cli.vault.earlierState"));
            }
            return vault;
        } finally {
            VaultAccess.wipe(passphrase);
        }
    }
}
