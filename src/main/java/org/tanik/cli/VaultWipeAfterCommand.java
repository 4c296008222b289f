package org.tanik.cli;

import java.util.concurrent.Callable;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.session.OpenVault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code vault wipe-after N|off}: erase the vault after N wrong passphrases in a row (N at least 5). */
@Command(name = "wipe-after", mixinStandardHelpOptions = true)
final class VaultWipeAfterCommand implements Callable<Integer> {

    @Mixin
    VaultOptions options;

    @Parameters(index = "0", paramLabel = "N|off", descriptionKey = "vault.wipe-after.n")
    String value;

    private final CommandContext ctx;

    VaultWipeAfterCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        int n = parse(value);
        try (OpenVault vault = ctx.open(options)) {
            vault.setWipeAfter(n);
        }
        ctx.terminal.out().println(n == 0 ? ctx.text("cli.wipeAfter.off") : ctx.text("cli.wipeAfter.set", n));
        return 0;
    }

    private int parse(String v) {
        if ("off".equalsIgnoreCase(v.strip())) {
            return 0;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new TanikException(Problem.INVALID_INPUT, ctx.text("cli.wipeAfter.notANumber", v));
        }
    }
}
