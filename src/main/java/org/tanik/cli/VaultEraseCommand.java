package org.tanik.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vault erase [--yes]}: destroys the key file, then the rest of the vault folder. No passphrase
 * is asked (deleting files needs none, and in a hurry it would only slow the volunteer down); a
 * confirmation is, unless --yes. A vault open anywhere is refused (VAULT_ALREADY_OPEN).
 */
@Command(name = "erase", mixinStandardHelpOptions = true)
final class VaultEraseCommand implements Callable<Integer> {

    @Mixin
    VaultOptions options;

    @Option(names = "--yes", descriptionKey = "vault.erase.yes")
    boolean yes;

    private final CommandContext ctx;

    VaultEraseCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path dir = ctx.existingVault(options);
        if (!yes) {
            ctx.confirm(ctx.text("cli.erase.question", dir, ctx.text("cli.confirm.yes")), ctx.text("cli.erase.noTerminal"));
        }
        ctx.vaults.erase(dir);
        ctx.terminal.out().println(Terminal.oneLine(ctx.text("cli.erase.done", dir)));
        return 0;
    }
}
