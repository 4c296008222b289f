package org.tanik.cli;

import java.util.concurrent.Callable;
import org.tanik.model.Testimony;
import org.tanik.store.VaultSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "seal", mixinStandardHelpOptions = true)
final class TestimonySealCommand implements Callable<Integer> {

    @Mixin
    VaultOptions options;

    @Parameters(paramLabel = "ID", descriptionKey = "testimony.seal.id")
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
