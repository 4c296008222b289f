package org.tanik.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.tanik.model.DisplayText;

/**
 * What a command may touch of the outside world, injected so tests run commands in-process:
 * output streams, environment variables and the interactive password prompt.
 */
public record Terminal(PrintWriter out, PrintWriter err, Map<String, String> env, PasswordPrompt prompt,
                       AnswerPrompt answer) {

    /** Reads a password without echo; returns null when there is no interactive console. */
    public interface PasswordPrompt {
        char[] read(String prompt);
    }

    /** Reads one answer line, shown as typed; returns null when nobody can answer (no console, no input). */
    public interface AnswerPrompt {
        String read(String prompt);
    }

    /** A terminal where nobody answers questions. */
    public Terminal(PrintWriter out, PrintWriter err, Map<String, String> env, PasswordPrompt prompt) {
        this(out, err, env, prompt, p -> null);
    }

    public static Terminal system() {
        java.io.Console console = System.console();
        PasswordPrompt prompt = p -> console == null ? null : console.readPassword("%s", p);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        // Without a console (output redirected), an answer may still come on standard input; at its end, none.
        java.io.BufferedReader stdin = new java.io.BufferedReader(
                new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
        AnswerPrompt answer = p -> {
            if (console != null) {
                return console.readLine("%s", p);
            }
            err.print(p);
            err.flush();
            try {
                return stdin.readLine();
            } catch (java.io.IOException e) {
                return null;
            }
        };
        return new Terminal(new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8), err,
                System.getenv(), prompt, answer);
    }

    /** Someone else's text on one line of a terminal: the rule is {@link DisplayText#oneLine}. */
    static String oneLine(String s) {
        return DisplayText.oneLine(s);
    }
}
