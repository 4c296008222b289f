package org.tanik.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tanik.session.OpenVault;
import org.tanik.session.VaultAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vault set-duress} and {@code vault clear-duress}. The duress passphrase comes the ways a new
 * passphrase does (file, TANIK_NEW_PASSPHRASE, prompt twice); the decoy starts empty and is filled with
 * the usual commands while unlocked with the duress passphrase.
 */
final class VaultDuressCommand {

    private VaultDuressCommand() {
    }

    @Command(name = "set-duress", mixinStandardHelpOptions = true)
    static final class Set implements Callable<Integer> {

        @Mixin
        VaultOptions options;

        @Option(names = "--new-passphrase-file", paramLabel = "FILE", descriptionKey = "vault.set-duress.new-passphrase-file")
        Path newPassphraseFile;

        @Option(names = "--erase-real", descriptionKey = "vault.set-duress.erase-real")
        boolean eraseReal;

        @Option(names = "--yes", descriptionKey = "vault.set-duress.yes")
        boolean yes;

        private final CommandContext ctx;

        Set(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (OpenVault vault = ctx.open(options)) {
                if (!yes && vault.duressState() != org.tanik.session.DuressState.NONE) {
                    // Replacing a decoy loses what was put in it.
                    ctx.confirm(ctx.text("cli.duress.replaceQuestion", ctx.text("cli.confirm.yes")),
                            ctx.text("cli.duress.noTerminal"));
                }
                char[] duress = null;
                try {
                    duress = ctx.passphrases.read(newPassphraseFile, CommandContext.NEW_PASSPHRASE_ENV,
                            ctx.text("cli.prompt.duressPassphrase"), ctx.text("cli.prompt.repeatDuress"));
                    vault.setDuress(duress, eraseReal, decoy -> { });
                } finally {
                    VaultAccess.wipe(duress);
                }
            }
            ctx.terminal.out().println(ctx.text(eraseReal ? "cli.vault.duressSetErase" : "cli.vault.duressSet"));
            return 0;
        }
    }

    @Command(name = "clear-duress", mixinStandardHelpOptions = true)
    static final class Clear implements Callable<Integer> {

        @Mixin
        VaultOptions options;

        @Option(names = "--yes", descriptionKey = "vault.clear-duress.yes")
        boolean yes;

        private final CommandContext ctx;

        Clear(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (OpenVault vault = ctx.open(options)) {
                if (!yes && vault.duressState() != org.tanik.session.DuressState.NONE) {
                    ctx.confirm(ctx.text("cli.duress.clearQuestion", ctx.text("cli.confirm.yes")),
                            ctx.text("cli.duress.noTerminal"));
                }
                vault.clearDuress();
            }
            ctx.terminal.out().println(ctx.text("cli.vault.duressCleared"));
            return 0;
        }
    }
}
