package org.tanik.cli;

import java.nio.file.Path;
import org.tanik.AppServices;
import org.tanik.crypto.Secrets;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;

/** What the subcommands share: services, the terminal, and how to unlock the chosen vault. */
final class CommandContext {

    static final String PASSPHRASE_ENV = "TANIK_PASSPHRASE";
    static final String NEW_PASSPHRASE_ENV = "TANIK_NEW_PASSPHRASE";

    final AppServices services;
    final Terminal terminal;
    final PassphraseSource passphrases;
    final java.util.Locale locale;
    /** What the command line says beyond errors and verdicts, in the user's language. */
    private final org.tanik.i18n.Texts sentences;

    CommandContext(AppServices services, Terminal terminal, java.util.Locale locale) {
        this.services = services;
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

    /** The chosen vault, unlocked, as the volunteer's and coordinator's use cases take it. */
    OpenVault open(VaultOptions options) {
        return new OpenVault(unlock(options));
    }

    VaultSession unlock(VaultOptions options) {
        Path dir = vaultDir(options);
        if (!org.tanik.store.Vaults.exists(dir)) {
            throw new org.tanik.error.TanikException(org.tanik.error.Problem.NO_VAULT, dir.toString());
        }
        char[] passphrase = passphrases.read(options.passphraseFile, PASSPHRASE_ENV, text("cli.prompt.passphrase"), null);
        try {
            VaultSession session = services.vaults().open(dir, passphrase);
            if (session.openedEarlierState()) {
                terminal.err().println(text("cli.vault.earlierState"));
            }
            return session;
        } finally {
            Secrets.wipe(passphrase);
        }
    }
}
