package org.tanik.cli;

import java.util.concurrent.Callable;
import org.tanik.model.Testimony;
import org.tanik.vault.VaultSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "seal", mixinStandardHelpOptions = true,
        description = "Mark a testimony ready to send. It becomes read-only; amending makes a new version.")
final class TestimonySealCommand implements Callable<Integer> {

    @Mixin
    VaultOptions options;

    @Parameters(paramLabel = "ID", description = "Testimony id, or an unambiguous prefix of it.")
    String id;

    private final CommandContext ctx;

    TestimonySealCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        try (VaultSession vault = ctx.unlock(options)) {
            Testimony t = vault.testimonies().seal(id);
            ctx.terminal.out().println(ctx.text("cli.testimony.sealed", t.id(), t.version()));
        }
        return 0;
    }
}
