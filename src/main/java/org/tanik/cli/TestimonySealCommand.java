package org.tanik.cli;

import java.util.concurrent.Callable;
import org.tanik.model.Testimony;
import org.tanik.session.OpenVault;
import org.tanik.volunteer.Drafts;
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
        try (OpenVault vault = ctx.open(options)) {
            Testimony t = new Drafts(vault).seal(id);
            ctx.terminal.out().println(ctx.text("cli.testimony.sealed", t.id(), t.version()));
        }
        return 0;
    }
}
