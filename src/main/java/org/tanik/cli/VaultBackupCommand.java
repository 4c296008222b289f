package org.tanik.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tanik.session.VaultAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vault backup --out FILE}: the whole vault in one file, encrypted with a passphrase of its own. */
@Command(name = "backup", mixinStandardHelpOptions = true)
final class VaultBackupCommand implements Callable<Integer> {

    @Mixin
    VaultOptions options;

    @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "vault.backup.out")
    Path out;

    @Option(names = "--new-passphrase-file", paramLabel = "FILE", descriptionKey = "vault.backup.new-passphrase-file")
    Path newPassphraseFile;

    private final CommandContext ctx;

    VaultBackupCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path dir = ctx.existingVault(options);
        char[] passphrase = null;
        char[] backupPassphrase = null;
        try {
            passphrase = ctx.passphrases.read(options.passphraseFile, CommandContext.PASSPHRASE_ENV,
                    ctx.text("cli.prompt.passphrase"), null);
            backupPassphrase = ctx.passphrases.read(newPassphraseFile, CommandContext.NEW_PASSPHRASE_ENV,
                    ctx.text("cli.prompt.backupPassphrase"), ctx.text("cli.prompt.repeat"));
            ctx.vaults.backup(dir, passphrase, backupPassphrase, out);
        } finally {
            VaultAccess.wipe(passphrase, backupPassphrase);
        }
        ctx.terminal.out().println(ctx.text("cli.vault.backupWritten", out.toAbsolutePath().toString()));
        return 0;
    }
}
