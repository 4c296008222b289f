package org.tanik.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tanik.session.VaultAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "change-passphrase", mixinStandardHelpOptions = true)
final class ChangePassphraseCommand implements Callable<Integer> {

    @Mixin
    VaultOptions options;

    @Option(names = "--new-passphrase-file", paramLabel = "FILE",
            descriptionKey = "vault.change-passphrase.new-passphrase-file")
    Path newPassphraseFile;

    private final CommandContext ctx;

    ChangePassphraseCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path dir = ctx.existingVault(options);
        char[] current = null;
        char[] next = null;
        try {
            current = ctx.passphrases.read(options.passphraseFile, CommandContext.PASSPHRASE_ENV,
                    ctx.text("cli.prompt.currentPassphrase"), null);
            next = ctx.passphrases.read(newPassphraseFile, CommandContext.NEW_PASSPHRASE_ENV,
                    ctx.text("cli.prompt.newPassphrase"), ctx.text("cli.prompt.repeat"));
            ctx.vaults.changePassphrase(dir, current, next);
        } finally {
            VaultAccess.wipe(current, next);
        }
        ctx.terminal.out().println(ctx.text("cli.vault.passphraseChanged"));
        return 0;
    }
}
