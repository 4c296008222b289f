package org.tanik.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tanik.crypto.Secrets;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.TestimonyContent;
import org.tanik.model.json.TestimonyCodec;
import org.tanik.store.VaultSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "add", mixinStandardHelpOptions = true)
final class TestimonyAddCommand implements Callable<Integer> {

    @Mixin
    VaultOptions options;

    @Option(names = "--json", paramLabel = "FILE", required = true, descriptionKey = "testimony.add.json")
    String jsonFile;

    private final CommandContext ctx;

    TestimonyAddCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        TestimonyContent content = parse(read());
        try (VaultSession vault = ctx.unlock(options)) {
            ctx.terminal.out().println(vault.testimonies().create(content).id());
        }
        return 0;
    }

    private byte[] read() {
        try {
            return "-".equals(jsonFile) ? System.in.readAllBytes() : Files.readAllBytes(Path.of(jsonFile));
        } catch (IOException e) {
            throw new TanikException(Problem.IO_FAILURE, e, jsonFile);
        }
    }

    private TestimonyContent parse(byte[] json) {
        try {
            return TestimonyCodec.readContent(json);
        } catch (TestimonyCodec.Invalid e) {
            throw new TanikException(Problem.INVALID_INPUT, ctx.text("cli.json." + e.reason().key, Terminal.oneLine(e.detail())));
        } catch (IllegalArgumentException e) {
            // A value the model itself refused; its message may quote the input, so it is not shown.
            throw new TanikException(Problem.INVALID_INPUT, ctx.text("cli.json.malformed"));
        } finally {
            Secrets.wipe(json);
        }
    }
}
