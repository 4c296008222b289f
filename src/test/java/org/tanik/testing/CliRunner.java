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

    private AppServices services;
    private final Map<String, String> env = new HashMap<>();
    /** What the user types at the next questions, in order; none left means nobody can answer. */
    private final java.util.Deque<String> answers = new java.util.ArrayDeque<>();

    public CliRunner(Path home) {
        this.services = AppServices.create(new AppDirectories(home), Argon2Params.TESTING);
    }

    /** Sends to this (fake) intake instead of the network. */
    public CliRunner couriers(org.tanik.volunteer.Courier.Factory couriers) {
        services = services.withCouriers(couriers);
        return this;
    }

    public CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Lines to type when a command asks a question (not a passphrase), like a person at the terminal. */
    public CliRunner answer(String... lines) {
        answers.addAll(java.util.List.of(lines));
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter errWriter = new PrintWriter(err);
        // As the real terminal without a console: the question goes to standard error, the answer comes from input.
        Terminal t = new Terminal(new PrintWriter(out), errWriter, Map.copyOf(env), prompt -> null, question -> {
            if (answers.isEmpty()) {
                return null;
            }
            errWriter.println(question);
            return answers.poll();
        });
        int code = Cli.run(args, services, t);
        return new Result(code, out.toString(), err.toString());
    }
}
