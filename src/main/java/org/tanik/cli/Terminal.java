package org.tanik.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * What a command may touch of the outside world, injected so tests run commands in-process:
 * output streams, environment variables and the interactive password prompt.
 */
public record Terminal(PrintWriter out, PrintWriter err, Map<String, String> env, PasswordPrompt prompt) {

    /** Reads a password without echo; returns null when there is no interactive console. */
    public interface PasswordPrompt {
        char[] read(String prompt);
    }

    public static Terminal system() {
        java.io.Console console = System.console();
        PasswordPrompt prompt = p -> console == null ? null : console.readPassword("%s", p);
        return new Terminal(new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8), System.getenv(), prompt);
    }
}
