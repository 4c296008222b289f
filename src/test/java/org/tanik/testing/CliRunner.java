package org.tanik.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.tanik.AppServices;
import org.tanik.cli.Cli;
import org.tanik.cli.Terminal;
import org.tanik.config.AppDirectories;
import org.tanik.crypto.Argon2Params;

/** Runs CLI commands in-process with captured output and a chosen environment. */
public final class CliRunner {

    public record Result(int code, String out, String err) {
    }

    private final AppServices services;
    private final Map<String, String> env = new HashMap<>();

    public CliRunner(Path home) {
        this.services = AppServices.create(new AppDirectories(home), Argon2Params.TESTING);
    }

    public CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal t = new Terminal(new PrintWriter(out), new PrintWriter(err), Map.copyOf(env), prompt -> null);
        int code = Cli.run(args, services, t);
        return new Result(code, out.toString(), err.toString());
    }
}
