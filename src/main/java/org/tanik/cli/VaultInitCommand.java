package org.tanik.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tanik.session.VaultAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "init", mixinStandardHelpOptions = true)
final class VaultInitCommand implements Callable<Integer> {

    @Mixin
    VaultOptions options;
    private final CommandContext ctx;

    VaultInitCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path dir = ctx.vaultDir(options);
        char[] passphrase = ctx.passphrases.read(options.passphraseFile, CommandContext.PASSPHRASE_ENV,
                ctx.text("cli.prompt.newPassphrase"), ctx.text("cli.prompt.repeat"));
        try {
            ctx.vaults.create(dir, passphrase).close();
        } finally {
            VaultAccess.wipe(passphrase);
        }
        ctx.terminal.out().println(ctx.text("cli.vault.created", dir.toAbsolutePath().toString()));
        ctx.terminal.out().println(ctx.text("cli.vault.remember"));
        return 0;
    }
}
