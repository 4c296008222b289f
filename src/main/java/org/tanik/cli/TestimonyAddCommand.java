package org.tanik.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.TestimonyContent;
import org.tanik.model.json.TestimonyCodec;
import org.tanik.session.OpenVault;
import org.tanik.volunteer.Drafts;
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
        try (OpenVault vault = ctx.open(options)) {
            ctx.terminal.out().println(new Drafts(vault).create(content).id());
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
            Arrays.fill(json, (byte) 0); // the testimony's plaintext: not left for the heap to keep
        }
    }
}
