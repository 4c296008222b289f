package org.tanik.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tanik.session.VaultAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code vault restore FILE --vault DIR}: a backup into a new or empty folder. The passphrase asked
 * for (--passphrase-file, TANIK_PASSPHRASE, else a prompt) is the backup's; the restored vault then
 * opens with its own passphrase, as it did when the backup was made.
 */
@Command(name = "restore", mixinStandardHelpOptions = true)
final class VaultRestoreCommand implements Callable<Integer> {

    @Mixin
    VaultOptions options;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "vault.restore.file")
    Path backup;

    private final CommandContext ctx;

    VaultRestoreCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path dir = ctx.vaultDir(options);
        if (ctx.vaults.exists(dir)) { // said before any passphrase is asked for
            throw new org.tanik.error.TanikException(org.tanik.error.Problem.VAULT_EXISTS, dir.toString());
        }
        char[] passphrase = ctx.passphrases.read(options.passphraseFile, CommandContext.PASSPHRASE_ENV,
                ctx.text("cli.prompt.backupPassphrase"), null);
        try {
            ctx.vaults.restore(backup, passphrase, dir);
        } finally {
            VaultAccess.wipe(passphrase);
        }
        ctx.terminal.out().println(ctx.text("cli.vault.restored", dir.toAbsolutePath().toString()));
        return 0;
    }
}
